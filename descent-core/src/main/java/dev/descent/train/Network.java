package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.nn.Evaluation;
import dev.descent.optim.Optimizer;

/**
 * What the {@link Trainer} needs from a network: one flat float32 parameter buffer θ with a
 * gradient twin (the llm.c layout), a fused forward/backward pass on a mini-batch, and an
 * evaluation pass. {@link ModelNetwork} adapts an {@code nn.Model}; tests use small
 * hand-written ones.
 *
 * <p>Classification trains on class labels ({@link #lossAndGradient(float[], int[], int)});
 * regression on float targets ({@link #lossAndGradient(float[], float[], int)}), which a network
 * supports by overriding it. This mini-batch pass is not the full-batch objective of the
 * minimizers: that is {@link ModelObjective#evaluate}.
 *
 * <p>State that is not a parameter but changes during training (a dropout generator, batch-norm
 * running statistics) goes through {@link #exportState()}/{@link #importState(byte[])}, so that
 * checkpoints and rollbacks restore it exactly.
 */
public interface Network {

    /** {@return the parameters θ, updated in place by the optimizer} */
    float[] params();

    /** {@return the gradient buffer, same length as {@link #params()}} */
    float[] grads();

    /**
     * Runs the forward and backward pass in training mode on the first {@code rows} rows of
     * {@code x} (row-major, rows·d values) with labels {@code y}, overwrites {@link #grads()}
     * with ∇θ of the mean loss, and returns that mean loss (may be non-finite; never throws
     * for it).
     *
     * @param x the batch's features
     * @param y the batch's labels
     * @param rows rows in the batch, ≥ 1
     * @return the mean loss
     */
    double lossAndGradient(float[] x, int[] y, int rows);

    /**
     * As {@link #lossAndGradient(float[], int[], int)} against float targets (rows·k values,
     * row-major): the regression pass. By default a network trains on labels only.
     *
     * @param x the batch's features
     * @param targets the batch's targets
     * @param rows rows in the batch, ≥ 1
     * @return the mean loss
     * @throws UnsupportedOperationException when this network does not do regression
     */
    default double lossAndGradient(float[] x, float[] targets, int rows) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " trains on class labels only; train a regression set with a ModelNetwork");
    }

    /**
     * One optimizer step on {@link #params()} with the gradient of the last pass: clipping by
     * global norm {@code clipNorm} ({@link dev.descent.optim.Clip#byNorm}; 0 or +∞: off), then
     * {@code optimizer.step(params(), grads(), lr)}. That is the default, and what one thread
     * does; {@link ParallelNetwork} splits the same computation over its threads, with the same
     * result. The {@link Trainer} calls this after each accepted pass.
     *
     * @param optimizer the optimizer state, of {@code params().length} parameters
     * @param lr the learning rate, finite and ≥ 0
     * @param clipNorm the maximum gradient norm, &gt; 0, or 0 (or +∞) for no clipping
     */
    default void step(Optimizer optimizer, double lr, double clipNorm) {
        Trainer.clip(grads(), clipNorm);
        optimizer.step(params(), grads(), lr);
    }

    /**
     * The mean loss and accuracy over all of {@code data} in evaluation mode, θ unchanged; for a
     * regression set the accuracy is NaN ({@link Evaluation#hasAccuracy()}).
     *
     * @param data the rows to evaluate
     * @return the evaluation
     */
    Evaluation evaluate(Dataset data);

    /** {@return non-parameter training state (generator state, running statistics); empty by default} */
    default byte[] exportState() {
        return new byte[0];
    }

    /**
     * Restores {@link #exportState()}'s bytes.
     *
     * @param state the bytes
     * @throws IllegalArgumentException when the bytes do not belong to this network
     */
    default void importState(byte[] state) {
        if (state.length != 0) {
            throw new IllegalArgumentException("this network has no state, got " + state.length + " bytes");
        }
    }
}
