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

    /** Mean loss against class labels; writes ∂/∂z into {@code dz} unless it is null. */
    double forward(float[] z, int[] labels, int labelOff, int batch, int k, float[] dz);

    /** Mean loss against dense targets; writes ∂/∂z into {@code dz} unless it is null. */
    double forward(float[] z, float[] t, int tOff, int batch, int k, float[] dz);

    /** A short name: {@code cross-entropy}, {@code mse} or {@code bce}. */
    String name();

    /** Softmax cross-entropy (torch's {@code nn.CrossEntropyLoss}). */
    static Loss softmaxCrossEntropy() {
        return SoftmaxCrossEntropy.INSTANCE;
    }

    /** Mean squared error (torch's {@code nn.MSELoss}). */
    static Loss mse() {
        return MeanSquaredError.INSTANCE;
    }

    /** Binary cross-entropy on logits (torch's {@code nn.BCEWithLogitsLoss}). */
    static Loss bceWithLogits() {
        return BinaryCrossEntropyWithLogits.INSTANCE;
    }

    /** The loss named {@code cross-entropy} (or {@code ce}), {@code mse} or {@code bce}. */
    static Loss of(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "cross-entropy", "ce", "softmax" -> softmaxCrossEntropy();
            case "mse" -> mse();
            case "bce" -> bceWithLogits();
            default -> throw new IllegalArgumentException("unknown loss '" + name + "': use cross-entropy, mse or bce");
        };
    }
}
