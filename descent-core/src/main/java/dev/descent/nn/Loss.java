package dev.descent.nn;

/**
 * A loss over a batch of k-wide rows z (the model's output, row-major {@code batch × k}) against
 * targets, fused with its gradient. Both forms return the <em>mean over the batch</em> of the
 * per-sample loss and, when {@code dz} is not null, overwrite it with ∂(that mean)/∂z.
 *
 * <p>Targets come either as class labels ({@code labels[labelOff + r]} in [0, k), or 0/1 when
 * k = 1) or as dense rows ({@code t[tOff + r·k + j]}). Losses defined on dense targets read a
 * label as its one-hot row (k &gt; 1) or as the value itself (k = 1).
 */
public sealed interface Loss permits SoftmaxCrossEntropy, MeanSquaredError, BinaryCrossEntropyWithLogits {

    /**
     * {@return the mean loss against class labels}; writes ∂/∂z into {@code dz} unless it is null.
     *
     * @param z the outputs, batch × k, row-major from index 0
     * @param labels the labels; row r's is {@code labels[labelOff + r]}
     * @param labelOff the index of row 0's label
     * @param batch rows, ≥ 1
     * @param k outputs per row, ≥ 1
     * @param dz ∂(mean loss)/∂z, batch × k, overwritten; or null
     */
    double forward(float[] z, int[] labels, int labelOff, int batch, int k, float[] dz);

    /**
     * {@return the mean loss against dense targets}; writes ∂/∂z into {@code dz} unless it is null.
     *
     * @param z the outputs, batch × k, row-major from index 0
     * @param t the targets; row r starts at {@code t[tOff + r·k]}
     * @param tOff the index of row 0's targets
     * @param batch rows, ≥ 1
     * @param k outputs per row, ≥ 1
     * @param dz ∂(mean loss)/∂z, batch × k, overwritten; or null
     */
    double forward(float[] z, float[] t, int tOff, int batch, int k, float[] dz);

    /** {@return a short name: {@code cross-entropy}, {@code mse} or {@code bce}} */
    String name();

    /** {@return softmax cross-entropy (torch's {@code nn.CrossEntropyLoss})} */
    static Loss softmaxCrossEntropy() {
        return SoftmaxCrossEntropy.INSTANCE;
    }

    /** {@return mean squared error (torch's {@code nn.MSELoss})} */
    static Loss mse() {
        return MeanSquaredError.INSTANCE;
    }

    /** {@return binary cross-entropy on logits (torch's {@code nn.BCEWithLogitsLoss})} */
    static Loss bceWithLogits() {
        return BinaryCrossEntropyWithLogits.INSTANCE;
    }

    /**
     * {@return the loss named {@code cross-entropy} (or {@code ce}), {@code mse} or {@code bce}}
     *
     * @param name the name, case and surrounding blanks ignored
     * @throws IllegalArgumentException for another name
     */
    static Loss of(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "cross-entropy", "ce", "softmax" -> softmaxCrossEntropy();
            case "mse" -> mse();
            case "bce" -> bceWithLogits();
            default -> throw new IllegalArgumentException("unknown loss '" + name + "': use cross-entropy, mse or bce");
        };
    }
}
