package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.nn.Evaluation;
import dev.descent.optim.Optimizer;
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
     * θ, read from {@code inner} once: the parameter array of a network never changes identity,
     * and asking a {@link ParallelNetwork} for it marks its replicas for a fresh copy, which the
     * penalty (it only reads θ) must not cause at every step.
     */
    private final float[] theta;

    /**
     * {@code inner} with {@code penalty} added to its training loss.
     *
     * @param inner the network (its parameters are the penalty's θ)
     * @param penalty the L2 term
     */
    public PenalizedNetwork(Network inner, L2 penalty) {
        this.inner = inner;
        this.penalty = penalty;
        this.theta = inner.params();
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
        return penalized(inner.lossAndGradient(x, y, rows));
    }

    /** The regression pass of {@code inner}, with the same penalty. */
    @Override
    public double lossAndGradient(float[] x, float[] targets, int rows) {
        return penalized(inner.lossAndGradient(x, targets, rows));
    }

    /** Adds λθ (weights only) to the gradient just computed and returns loss + (λ/2)‖W‖². */
    private double penalized(double loss) {
        penalty.addGradient(theta, inner.grads());
        return loss + penalty.value(theta);
    }

    /** The inner network's step (split over its threads for a {@link ParallelNetwork}) on the penalized gradient. */
    @Override
    public void step(Optimizer optimizer, double lr, double clipNorm) {
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
