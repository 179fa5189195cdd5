package dev.descent.stochastic;

import dev.descent.spec.Entry;
import dev.descent.spec.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * Progressive-batching L-BFGS (Bollapragada, Mudigere, Nocedal, Shi and Tang, "A Progressive
 * Batching L-BFGS Method for Machine Learning", ICML 2018): the iteration, overlapping samples,
 * pairs, damping and stochastic Armijo search of {@link MultiBatchLbfgs}, with a sample that grows
 * when the direction is too noisy, so the method starts SGD-like and ends deterministic.
 *
 * <p><b>Sample size.</b> The sample's gradient g_S is computed in {@code blocks} parts of about
 * equal size (the block gradients the method needs anyway); their spread estimates the
 * per-example variances, and {@link SampleSizeTest} decides from them whether the next sample must
 * grow. The default is the paper's augmented inner-product test on the gradient:
 * Var_{i∈S}(∇fᵢᵀg_S)/|S| ≤ θ²‖g_S‖⁴ together with the orthogonality test
 * Var_{i∈S}(‖∇fᵢ − (∇fᵢᵀg_S/‖g_S‖²)g_S‖²)/|S| ≤ ν²‖g_S‖², ν = 5.84 (Bollapragada, Byrd and
 * Nocedal 2018); the norm test ({@code test=norm}; Byrd, Chin, Nocedal and Wu 2012) asks
 * E‖∇fᵢ − g_S‖²/|S| ≤ θ²‖g_S‖², which is stricter in many dimensions. When the test fails the next
 * sample has the size that would pass it, at most {@code maxBatch} (0: N); the sample never
 * shrinks. {@link SampledMethod#batch()} reports the size over time.
 *
 * <p><b>Step.</b> The first trial step of the stochastic Armijo search is lr·α₀ with the paper's
 * α₀ = 1/(1 + tr Σ̂/(|S|·‖g_S‖²)) (tr Σ̂ the estimated per-example variance of the gradient): 1
 * without noise, smaller where the noise of g_S rivals g_S. docs/PERFORMANCE.md measures both tests.
 *
 * @param lr the first trial step, &gt; 0 (default 1)
 * @param theta θ of the inner-product or norm test, &gt; 0 (default 0.9; smaller grows the batch sooner)
 * @param overlap r, in (0, 0.5] or 1 (default 0.25)
 * @param memory pairs m, ≥ 1 (default 10)
 * @param damping ε, in [0, 1) (default 0.2)
 * @param c1 the Armijo constant, in (0, 1) (default 10⁻⁴)
 * @param backtracks the most halvings per line search, ≥ 0 (default 10)
 * @param blocks K, the blocks of the variance estimate, ≥ 2 (default 16)
 * @param maxBatch the largest sample, ≥ 0 (0, the default: the whole training set)
 * @param test the sample-size test (default {@link Test#INNER_PRODUCT}, the paper's)
 * @param search where the Armijo condition is tested (default {@link MultiBatchLbfgs.Search#BATCH}, the
 *     paper's; see {@link MultiBatchLbfgs})
 */
public record ProgressiveBatchLbfgs(double lr, double theta, double overlap, int memory, double damping, double c1,
        int backtracks, int blocks, int maxBatch, Test test, MultiBatchLbfgs.Search search) implements SampledConfig {

    /** Which sample-size test grows the batch. */
    public enum Test {
        /** Var(∇fᵢᵀg_S)/|S| ≤ θ²‖g_S‖⁴ and the orthogonality test with ν = 5.84 (Bollapragada et al. 2018). */
        INNER_PRODUCT,
        /** E‖∇fᵢ − g_S‖²/|S| ≤ θ²‖g_S‖² (Byrd, Chin, Nocedal and Wu 2012). */
        NORM
    }

    /** The defaults: lr 1, θ 0.9, overlap 0.25, memory 10, damping 0.2, c₁ 10⁻⁴, 10 backtracks, 16 blocks, up to N rows. */
    public static final ProgressiveBatchLbfgs DEFAULT = new ProgressiveBatchLbfgs(1, 0.9, 0.25, 10, 0.2, 1e-4, 10, 16, 0,
            Test.INNER_PRODUCT, MultiBatchLbfgs.Search.BATCH);

    /** {@code pb-lbfgs}: the spec name, keys and defaults. */
    static final Entry<ProgressiveBatchLbfgs> ENTRY = Entry.of("pb-lbfgs", ProgressiveBatchLbfgs.class, DEFAULT,
            "progressive-batching L-BFGS, the sample grows when its gradient is too noisy (Bollapragada et al. 2018)",
            params(), v -> {
                MultiBatchLbfgs mb = MultiBatchLbfgs.read(v, v.real("lr"));
                return new ProgressiveBatchLbfgs(mb.lr(), v.real("theta"), mb.overlap(), mb.memory(), mb.damping(), mb.c1(),
                        mb.backtracks(), Keys.toInt("blocks", v.whole("blocks")), Keys.toInt("max_batch", v.whole("max_batch")),
                        v.word("test").equals("norm") ? Test.NORM : Test.INNER_PRODUCT, mb.search());
            });

    private static List<Param<ProgressiveBatchLbfgs>> params() {
        List<Param<ProgressiveBatchLbfgs>> p = new ArrayList<>();
        p.add(Keys.lr("first trial step of the Armijo search (times the variance-based α₀), > 0"));
        p.add(Param.real("theta", ProgressiveBatchLbfgs::theta, "θ of the inner-product or norm test, > 0; smaller grows the sample sooner"));
        p.addAll(Keys.multiBatch(ProgressiveBatchLbfgs::multiBatch));
        p.add(Param.whole("blocks", c -> (long) c.blocks(), "parts K of the sample's gradient for the variance estimates, ≥ 2"));
        p.add(Param.whole("max_batch", c -> (long) c.maxBatch(), "largest sample, ≥ 0 (0: every training row)"));
        p.add(Param.word("test", c -> c.test() == Test.NORM ? "norm" : "inner",
                "sample-size test: inner (the paper's, with the orthogonality test) or norm", "inner", "norm"));
        return p;
    }

    /** The multi-batch L-BFGS keys of this configuration, the iteration it shares with {@code mb-lbfgs}. */
    MultiBatchLbfgs multiBatch() {
        return new MultiBatchLbfgs(lr, overlap, memory, damping, c1, backtracks, search);
    }

    /** Validates every field. */
    public ProgressiveBatchLbfgs {
        new MultiBatchLbfgs(lr, overlap, memory, damping, c1, backtracks); // validates the shared keys
        Checks.positive("theta", theta);
        Checks.atLeast("blocks", blocks, 2);
        Checks.atLeast("max_batch", maxBatch, 0);
        java.util.Objects.requireNonNull(test, "test");
        java.util.Objects.requireNonNull(search, "search");
    }

    /**
     * Progressive batching with the batch search ({@link MultiBatchLbfgs.Search#BATCH}).
     *
     * @param lr the first trial step, &gt; 0
     * @param theta θ, &gt; 0
     * @param overlap r, in (0, 0.5] or 1
     * @param memory pairs m, ≥ 1
     * @param damping ε, in [0, 1)
     * @param c1 the Armijo constant, in (0, 1)
     * @param backtracks the most halvings per line search, ≥ 0
     * @param blocks K, ≥ 2
     * @param maxBatch the largest sample, ≥ 0 (0: the whole training set)
     * @param test the sample-size test
     */
    public ProgressiveBatchLbfgs(double lr, double theta, double overlap, int memory, double damping, double c1,
            int backtracks, int blocks, int maxBatch, Test test) {
        this(lr, theta, overlap, memory, damping, c1, backtracks, blocks, maxBatch, test, MultiBatchLbfgs.Search.BATCH);
    }

    @Override
    public String name() {
        return "pb-lbfgs";
    }

    @Override
    public ProgressiveBatchLbfgs withLr(double lr) {
        return new ProgressiveBatchLbfgs(lr, theta, overlap, memory, damping, c1, backtracks, blocks, maxBatch, test, search);
    }

    /**
     * A copy with another θ.
     *
     * @param theta θ of the inner-product test, &gt; 0
     * @return the copy
     */
    public ProgressiveBatchLbfgs withTheta(double theta) {
        return new ProgressiveBatchLbfgs(lr, theta, overlap, memory, damping, c1, backtracks, blocks, maxBatch, test, search);
    }

    /**
     * A copy with another sample-size test.
     *
     * @param test the test
     * @return the copy
     */
    public ProgressiveBatchLbfgs withTest(Test test) {
        return new ProgressiveBatchLbfgs(lr, theta, overlap, memory, damping, c1, backtracks, blocks, maxBatch, test, search);
    }

    @Override
    public SampledMethod create(SampledObjective objective, int batch, long seed) {
        return new MultiBatchRun(this, objective, batch, seed, multiBatch(), this);
    }
}
