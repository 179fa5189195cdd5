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
 * <p><b>Norm test</b> ({@code test=norm}; Byrd, Chin, Nocedal and Wu, "Sample size selection in
 * optimization methods for machine learning", Math. Program. 2012): the sample passes when
 * E‖∇fᵢ − g_S‖²/|S| ≤ θ²‖g_S‖², with tr Σ̂ = Σⱼ mⱼ‖g_{Bⱼ} − g_S‖²/(K − 1) from the same blocks,
 * and grows to ⌈tr Σ̂/(θ²‖g_S‖²)⌉. With a quasi-Newton direction computed from the same sample,
 * the inner-product test hardly ever fails in many dimensions (the sampled g_Sᵀd carries the
 * noise itself: E[g_SᵀHg_S] = ∇FᵀH∇F + tr(HΣ)/|S|), so the sample stays on its noise plateau;
 * the norm test sees the plateau (there ‖g_S‖² ≈ tr Σ/|S|) and grows the sample, which is what
 * ends the run deterministic. docs/PERFORMANCE.md measures both.
 *
 * @param lr the first trial step, &gt; 0 (default 1)
 * @param theta θ of the test, &gt; 0 (default 0.9; smaller grows the batch sooner)
 * @param overlap r, in (0, 0.5] or 1 (default 0.25)
 * @param memory pairs m, ≥ 1 (default 10)
 * @param damping ε, in [0, 1) (default 0.2)
 * @param c1 the Armijo constant, in (0, 1) (default 10⁻⁴)
 * @param backtracks the most halvings per line search, ≥ 0 (default 10)
 * @param blocks K, the blocks of the variance estimate, ≥ 2 (default 16)
 * @param maxBatch the largest sample, ≥ 0 (0, the default: the whole training set)
 * @param test the sample-size test (default {@link Test#INNER_PRODUCT}, the paper's)
 */
public record ProgressiveBatchLbfgs(double lr, double theta, double overlap, int memory, double damping, double c1,
        int backtracks, int blocks, int maxBatch, Test test) implements SampledConfig {

    /** Which sample-size test grows the batch. */
    public enum Test {
        /** Var(∇fᵢᵀd)/|S| ≤ θ²(g_Sᵀd)² (Bollapragada et al. 2018). */
        INNER_PRODUCT,
        /** E‖∇fᵢ − g_S‖²/|S| ≤ θ²‖g_S‖² (Byrd, Chin, Nocedal and Wu 2012). */
        NORM
    }

    /** The defaults: lr 1, θ 0.9, overlap 0.25, memory 10, damping 0.2, c₁ 10⁻⁴, 10 backtracks, 16 blocks, up to N rows. */
    public static final ProgressiveBatchLbfgs DEFAULT = new ProgressiveBatchLbfgs(1, 0.9, 0.25, 10, 0.2, 1e-4, 10, 16, 0,
            Test.INNER_PRODUCT);

    /** Validates every field. */
    public ProgressiveBatchLbfgs {
        new MultiBatchLbfgs(lr, overlap, memory, damping, c1, backtracks);
        Checks.positive("theta", theta);
        Checks.atLeast("blocks", blocks, 2);
        Checks.atLeast("max_batch", maxBatch, 0);
        java.util.Objects.requireNonNull(test, "test");
    }

    @Override
    public String name() {
        return "pb-lbfgs";
    }

    @Override
    public ProgressiveBatchLbfgs withLr(double lr) {
        return new ProgressiveBatchLbfgs(lr, theta, overlap, memory, damping, c1, backtracks, blocks, maxBatch, test);
    }

    /**
     * A copy with another θ.
     *
     * @param theta θ of the inner-product test, &gt; 0
     * @return the copy
     */
    public ProgressiveBatchLbfgs withTheta(double theta) {
        return new ProgressiveBatchLbfgs(lr, theta, overlap, memory, damping, c1, backtracks, blocks, maxBatch, test);
    }

    /**
     * A copy with another sample-size test.
     *
     * @param test the test
     * @return the copy
     */
    public ProgressiveBatchLbfgs withTest(Test test) {
        return new ProgressiveBatchLbfgs(lr, theta, overlap, memory, damping, c1, backtracks, blocks, maxBatch, test);
    }

    @Override
    public SampledMethod create(SampledObjective objective, int batch, long seed) {
        return new MultiBatchRun(this, objective, batch, seed, overlap, memory, damping, c1, backtracks, theta, blocks, maxBatch,
                test == Test.NORM);
    }
}
