package dev.descent.stochastic;

/**
 * The stochastic quasi-Newton method SQN (Byrd, Hansen, Nocedal and Singer, "A Stochastic
 * Quasi-Newton Method for Large-Scale Optimization", SIAM J. Optim. 26(2), 2016).
 *
 * <p><b>Iteration.</b> x ← x − α·H·g_b on a fresh mini-batch b (α = lr, from the schedule), with
 * H from the two-loop recursion over the last m pairs (H₀ = γI, γ clamped as in
 * {@link MultiBatchLbfgs}); during the first 2L iterations H = I (SGD). A direction that is not a
 * descent direction clears the memory (−g instead).
 *
 * <p><b>Pairs.</b> Every L iterations the average of the last L iterates x̄_t is formed; from the
 * second average on, s_t = x̄_t − x̄_{t−1} and y_t = ∇²F_{S_H}(x̄_t)·s_t, a Hessian-vector product
 * on a separate sample S_H of {@code hessianBatch} rows (exact for softmax regression, a central
 * difference of gradients for other models). The pair is skipped when yᵀs ≤ 10⁻¹⁰·sᵀs or it is
 * not finite (possible for non-convex models).
 *
 * @param lr the step size α, &gt; 0 (default 0.1)
 * @param every L, iterations between pairs, ≥ 1 (default 20)
 * @param hessianBatch |S_H|, rows of the Hessian sample, ≥ 1 (default 4096, at most N)
 * @param memory pairs m, ≥ 1 (default 10)
 */
public record Sqn(double lr, int every, int hessianBatch, int memory) implements SampledConfig {

    /** The defaults: lr 0.1, L = 20, |S_H| = 4096, memory 10. */
    public static final Sqn DEFAULT = new Sqn(0.1, 20, 4096, 10);

    /** Validates every field. */
    public Sqn {
        Checks.positive("lr", lr);
        Checks.atLeast("every", every, 1);
        Checks.atLeast("hessian_batch", hessianBatch, 1);
        Checks.atLeast("memory", memory, 1);
    }

    @Override
    public String name() {
        return "sqn";
    }

    @Override
    public Sqn withLr(double lr) {
        return new Sqn(lr, every, hessianBatch, memory);
    }

    @Override
    public SampledMethod create(SampledObjective objective, int batch, long seed) {
        return new SqnRun(this, objective, batch, seed);
    }
}
