package dev.descent.train;

import dev.descent.data.Dataset;

/**
 * What the {@link Trainer} needs from a classifier: one flat float32 parameter buffer θ with a
 * gradient twin (the llm.c layout), a fused forward/backward pass on a mini-batch, and an
 * evaluation pass. {@link ModelNetwork} adapts an {@code nn.Model}; tests use small
 * hand-written ones.
 *
 * <p>State that is not a parameter but changes during training (a dropout generator, batch-norm
 * running statistics) goes through {@link #exportState()}/{@link #importState(byte[])}, so that
 * checkpoints and rollbacks restore it exactly.
 */
public interface Network {

    /** The parameters θ, updated in place by the optimizer. */
    float[] params();

    /** The gradient buffer, same length as {@link #params()}. */
    float[] grads();

    /**
     * Runs the forward and backward pass in training mode on the first {@code rows} rows of
     * {@code x} (row-major, rows·d values) with labels {@code y}, overwrites {@link #grads()}
     * with ∇θ of the mean loss, and returns that mean loss (may be non-finite; never throws
     * for it).
     */
    double lossAndGradient(float[] x, int[] y, int rows);

    /** The mean loss and accuracy over all of {@code data}, in evaluation mode; θ unchanged. */
    Evaluation evaluate(Dataset data);

    /** Non-parameter training state (generator state, running statistics); empty by default. */
    default byte[] exportState() {
        return new byte[0];
    }

    /** Restores {@link #exportState()}'s bytes. */
    default void importState(byte[] state) {
        if (state.length != 0) {
            throw new IllegalArgumentException("this network has no state, got " + state.length + " bytes");
        }
    }
}
