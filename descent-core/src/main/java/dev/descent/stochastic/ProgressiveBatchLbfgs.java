package dev.descent.stochastic;

/**
 * Progressive-batching L-BFGS (Bollapragada, Mudigere, Nocedal, Shi and Tang, "A Progressive
 * Batching L-BFGS Method for Machine Learning", ICML 2018): the iteration, overlapping samples,
 * pairs, damping and stochastic Armijo search of {@link MultiBatchLbfgs}, with a sample that grows
 * when the direction is too noisy, so the method starts SGD-like and ends deterministic.
 *
 * <p><b>Inner-product test.</b> With d = −H·g_S, the sample passes when
 * Var_{i∈S}(∇fᵢᵀd)/|S| ≤ θ²·(g_Sᵀd)². The per-example variance is estimated from the sample's
 * gradient computed in {@code blocks} blocks of about equal size (the block gradients the method
 * needs anyway): σ̂² = Σⱼ mⱼ(aⱼ − ā)²/(K − 1), aⱼ = g_{Bⱼ}ᵀd, ā = g_Sᵀd, the batch-means estimator
 * (unbiased for independent rows). When the test fails, the next sample has
 * ⌈σ̂²/(θ²(g_Sᵀd)²)⌉ rows (the size that would pass it), at most {@code maxBatch} (0: N); the
 * sample never shrinks. {@link SampledMethod#batch()} reports the size over time.
 *
 * @param lr the first trial step, &gt; 0 (default 1)
 * @param theta θ of the inner-product test, &gt; 0 (default 0.9; smaller grows the batch sooner)
 * @param overlap r, in (0, 0.5] or 1 (default 0.25)
 * @param memory pairs m, ≥ 1 (default 10)
 * @param damping ε, in [0, 1) (default 0.2)
 * @param c1 the Armijo constant, in (0, 1) (default 10⁻⁴)
 * @param backtracks the most halvings per line search, ≥ 0 (default 10)
 * @param blocks K, the blocks of the variance estimate, ≥ 2 (default 16)
 * @param maxBatch the largest sample, ≥ 0 (0, the default: the whole training set)
 */
public record ProgressiveBatchLbfgs(double lr, double theta, double overlap, int memory, double damping, double c1,
        int backtracks, int blocks, int maxBatch) implements SampledConfig {

    /** The defaults: lr 1, θ 0.9, overlap 0.25, memory 10, damping 0.2, c₁ 10⁻⁴, 10 backtracks, 16 blocks, up to N rows. */
    public static final ProgressiveBatchLbfgs DEFAULT = new ProgressiveBatchLbfgs(1, 0.9, 0.25, 10, 0.2, 1e-4, 10, 16, 0);

    /** Validates every field. */
    public ProgressiveBatchLbfgs {
        new MultiBatchLbfgs(lr, overlap, memory, damping, c1, backtracks);
        Checks.positive("theta", theta);
        Checks.atLeast("blocks", blocks, 2);
        Checks.atLeast("max_batch", maxBatch, 0);
    }

    @Override
    public String name() {
        return "pb-lbfgs";
    }

    @Override
    public ProgressiveBatchLbfgs withLr(double lr) {
        return new ProgressiveBatchLbfgs(lr, theta, overlap, memory, damping, c1, backtracks, blocks, maxBatch);
    }

    /**
     * A copy with another θ.
     *
     * @param theta θ of the inner-product test, &gt; 0
     * @return the copy
     */
    public ProgressiveBatchLbfgs withTheta(double theta) {
        return new ProgressiveBatchLbfgs(lr, theta, overlap, memory, damping, c1, backtracks, blocks, maxBatch);
    }

    @Override
    public SampledMethod create(SampledObjective objective, int batch, long seed) {
        return new MultiBatchRun(this, objective, batch, seed, overlap, memory, damping, c1, backtracks, theta, blocks, maxBatch);
    }
}
