package dev.descent.train;

import dev.descent.nn.Evaluation;

import dev.descent.data.Dataset;
import dev.descent.stochastic.L2;

/**
 * A {@link Network} whose mini-batch loss carries an {@link L2} penalty: loss + (λ/2)‖W‖² and
 * gradient + λW on the weights, so every first-order optimizer minimizes the same regularized
 * objective as the sampled and full-batch methods. Evaluation (the validation loss and accuracy)
 * is the inner network's, without the penalty.
 */
public final class PenalizedNetwork implements Network {

    private final Network inner;
    private final L2 penalty;

    /**
     * {@code inner} with {@code penalty} added to its training loss.
     *
     * @param inner the network (its parameters are the penalty's θ)
     * @param penalty the L2 term
     */
    public PenalizedNetwork(Network inner, L2 penalty) {
        this.inner = inner;
        this.penalty = penalty;
    }

    @Override
    public float[] params() {
        return inner.params();
    }

    @Override
    public float[] grads() {
        return inner.grads();
    }

    @Override
    public double lossAndGradient(float[] x, int[] y, int rows) {
        double loss = inner.lossAndGradient(x, y, rows);
        penalty.addGradient(inner.params(), inner.grads());
        return loss + penalty.value(inner.params());
    }

    /** The inner network's step (split over its threads for a {@link ParallelNetwork}) on the penalized gradient. */
    @Override
    public void step(dev.descent.optim.Optimizer optimizer, double lr, double clipNorm) {
        inner.step(optimizer, lr, clipNorm);
    }

    @Override
    public Evaluation evaluate(Dataset data) {
        return inner.evaluate(data);
    }

    @Override
    public byte[] exportState() {
        return inner.exportState();
    }

    @Override
    public void importState(byte[] state) {
        inner.importState(state);
    }
}
