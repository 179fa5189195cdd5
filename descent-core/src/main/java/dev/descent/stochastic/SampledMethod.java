package dev.descent.stochastic;

import dev.descent.data.Batches;

/**
 * The running state of a stochastic quasi-Newton method, created by
 * {@link SampledConfig#create}: it draws its own rows from the training set (seeded, epoch by
 * epoch), evaluates a {@link SampledObjective} on them, and updates θ in place. The
 * {@code train.Trainer} drives it through the same loop, rollback, checkpoints and metrics as a
 * first-order optimizer.
 *
 * <p>{@link #exportState()} holds everything (the row cursor, the curvature memory, the saved
 * overlap gradient, counters), so a run restored with {@link #importState} continues
 * bit-identically.
 */
public interface SampledMethod {

    /**
     * The configuration this state was created from.
     *
     * @return the configuration
     */
    SampledConfig config();

    /**
     * One iteration from θ (updated in place) with learning rate {@code lr} (the first trial
     * step of a line search, or the step size of SQN).
     *
     * @param theta θ, updated in place
     * @param lr the learning rate of this iteration, &gt; 0
     *
     * @return F_S(θ) on this iteration's sample at the starting θ; when it is not finite, θ is
     *     left unchanged (the trainer then rolls back)
     */
    double step(float[] theta, double lr);

    /**
     * Settles θ before it leaves the iteration (the end of a run): a method whose last step is
     * not yet tested ({@code mb-lbfgs} and {@code pb-lbfgs} with {@code search=overlap}, and
     * {@code sqn}'s guard) tests it now and backtracks or undoes it if the test fails, exactly as
     * its next {@link #step} would, so a run that continues afterwards takes the same steps. The
     * default does nothing.
     *
     * @param theta θ, updated in place
     */
    default void settle(float[] theta) {}

    /**
     * Rows in the last iteration's sample.
     *
     * @return |S_k|
     */
    int lastBatch();

    /**
     * The sample size of the next iteration (it grows under progressive batching).
     *
     * @return the next |S|
     */
    int batch();

    /**
     * Gradient-equivalent passes over the training set so far: a gradient (or an exact
     * Hessian-vector product) on c rows counts c/N, a forward-only evaluation c/(3N).
     *
     * @return the passes, ≥ 0
     */
    double passes();

    /**
     * Iterations taken.
     *
     * @return the count
     */
    long steps();

    /**
     * The position of the row stream.
     *
     * @return the epoch and row offset of the next fresh row
     */
    Batches.Cursor cursor();

    /**
     * The stabilisers' counters.
     *
     * @return the counters so far
     */
    QuasiNewtonStats stats();

    /**
     * The complete state.
     *
     * @return the state as bytes, for {@link #importState}
     */
    byte[] exportState();

    /**
     * Restores {@link #exportState()}'s bytes of a method with the same configuration,
     * objective dimension and seed.
     *
     * @param state bytes from {@link #exportState()}
     *
     * @throws IllegalArgumentException when they belong to another method or size
     */
    void importState(byte[] state);
}
