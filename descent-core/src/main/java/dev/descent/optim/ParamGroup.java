package dev.descent.optim;

/**
 * A parameter group: the range [from, to) of the flat parameter buffer (one layer, say), updated
 * with learning rate {@code lr · lrScale} and weight decay {@code λ · weightDecayScale} (PyTorch's
 * {@code param_groups}, expressed as multipliers of the optimizer's own values).
 *
 * @param from first index, ≥ 0
 * @param to one past the last index, ≥ from
 * @param lrScale learning-rate multiplier, finite and ≥ 0 (0 freezes the group); default 1
 * @param weightDecayScale weight-decay multiplier, finite and ≥ 0 (0 exempts biases, say); default 1
 */
public record ParamGroup(int from, int to, double lrScale, double weightDecayScale) {

    /** Validates the range and the multipliers. */
    public ParamGroup {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("param group range [" + from + ", " + to + ") must have 0 <= from <= to");
        }
        Check.nonNegative("lr_scale", lrScale);
        Check.nonNegative("weight_decay_scale", weightDecayScale);
    }

    /**
     * {@return the range [from, to) with the optimizer's own lr and weight decay}
     *
     * @param from first index, ≥ 0
     * @param to one past the last index, ≥ from
     */
    public static ParamGroup range(int from, int to) {
        return new ParamGroup(from, to, 1, 1);
    }

    /** {@return the number of parameters in the group} */
    public int length() {
        return to - from;
    }
}
