package dev.descent.nn;

/**
 * A contiguous range {@code [from, to)} of a model's parameter buffer owned by one layer: the
 * unit of optimizer parameter groups (for example, no weight decay on biases and norm shifts).
 *
 * @param name readable name, for example {@code "dense0.weight"}
 * @param layer index of the owning layer in {@link Model#layers()}
 * @param kind what the range holds
 * @param from first index, ≥ 0
 * @param to one past the last index, {@code > from}
 */
public record ParamRange(String name, int layer, Kind kind, int from, int to) {

    /** What a range holds. */
    public enum Kind {
        /** Dense weight matrix W (out × in, row-major, as torch's {@code nn.Linear.weight}). */
        WEIGHT,
        /** Dense bias b. */
        BIAS,
        /** Batch-norm scale γ. */
        NORM_SCALE,
        /** Batch-norm shift β. */
        NORM_SHIFT
    }

    /** Validates the range. */
    public ParamRange {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("parameter range must satisfy 0 <= from < to, got [" + from + ", " + to + ")");
        }
    }

    /** {@return {@code to − from}} */
    public int size() {
        return to - from;
    }
}
