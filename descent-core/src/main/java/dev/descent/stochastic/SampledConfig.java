package dev.descent.stochastic;

/**
 * The immutable, validated configuration of a stochastic quasi-Newton method:
 * {@link MultiBatchLbfgs} ({@code mb-lbfgs}), {@link ProgressiveBatchLbfgs} ({@code pb-lbfgs})
 * or {@link Sqn} ({@code sqn}), and the negative control {@link NaiveLbfgs} ({@code naive-lbfgs}).
 * {@link StochasticMethods} builds them from text specs.
 */
public sealed interface SampledConfig permits MultiBatchLbfgs, ProgressiveBatchLbfgs, Sqn, NaiveLbfgs {

    /**
     * The command-line name.
     *
     * @return for example {@code mb-lbfgs}
     */
    String name();

    /**
     * The learning rate: the first trial step of the line search, or SQN's step size.
     *
     * @return lr, &gt; 0
     */
    double lr();

    /**
     * A copy with another learning rate.
     *
     * @param lr the learning rate, &gt; 0
     * @return the copy
     */
    SampledConfig withLr(double lr);

    /**
     * Fresh state.
     *
     * @param objective the sampled objective
     * @param batch the sample size (the initial one under progressive batching), in [1, N]
     * @param seed seeds the row order
     * @return the state
     */
    SampledMethod create(SampledObjective objective, int batch, long seed);
}
