package dev.descent.stochastic;

import dev.descent.spec.Entry;
import dev.descent.spec.Param;
import java.util.List;

/**
 * The stochastic quasi-Newton method SQN (Byrd, Hansen, Nocedal and Singer, "A Stochastic
 * Quasi-Newton Method for Large-Scale Optimization", SIAM J. Optim. 26(2), 2016), with the
 * bounded initial matrix and damping of SdLBFGS (Wang, Ma, Goldfarb and Liu, SIAM J. Optim.
 * 27(2), 2017).
 *
 * <p><b>Iteration.</b> x ← x − α·H·g_b on a fresh mini-batch b (α = lr, from the schedule), with
 * H from the two-loop recursion over the last m pairs; during the first 2L iterations H = I (SGD).
 * A direction that is not a descent direction clears the memory (−g instead). The warm-up's SGD
 * steps backtrack on their batch (Armijo, c₁ = {@value #C1}, at most {@value #WARM_UP_BACKTRACKS}
 * halvings of α, forward passes only): from the initial point an α chosen for the quasi-Newton
 * phase can overshoot (the race's α = 0.3 at batch 8192 rose above the starting objective within
 * 8 SGD steps), and that is a cost of 2L forward passes on the batch, once.
 *
 * <p><b>Guard</b> (a safeguard of this implementation, not of Byrd et al., whose steps are never
 * searched). After the warm-up the steps are not searched, and cost no forward pass; instead each
 * step checks the last one with the batch loss its gradient gives anyway. With F̄ the moving
 * average of the batch losses (weight {@value #LEVEL_WEIGHT} on the newest), F̄_min its lowest value
 * so far and F₀ the first batch loss, a step whose batch loss
 * <pre>
 *   F_b(x_k) &gt; F̄_min + {@value #GUARD}·(F₀ − F̄_min)      (it gave back a quarter of the progress)
 *   and F_b(x_k) &gt; F_b(x_{k−1})                       (on the same batch: the step raised it)
 * </pre>
 * undoes the last step (x_k ← x_{k−1}, the momentum restarts), and from then on every step
 * searches as the warm-up's do (along d = −H·g, from t = α: one forward pass per step and one per
 * halving). The second test costs a forward pass and runs only when the first fires; it tells a
 * step that went wrong from a batch that is merely hard, which where the batch losses' noise is
 * larger than the progress (small batches near a minimum) would otherwise trip the guard. It may
 * still trip there, which only turns the search on. Both tests are invariant to shifting and
 * scaling F. Without a guard the race's α = 1 rose above the starting objective a few steps after
 * the warm-up in 5 of 6 runs (0.50 → 5.6); the guard stops that (docs/PERFORMANCE.md). An α that
 * never trips it costs nothing more than SGD's steps. {@link SampledMethod#settle} makes the check
 * on the next batch before θ leaves the run, so the last step is checked too.
 *
 * <p><b>Pairs.</b> Every L iterations the average of the last L iterates x̄_t is formed; from the
 * second average on, s_t = x̄_t − x̄_{t−1} and y_t = ∇²F_{S_H}(x̄_t)·s_t, a Hessian-vector product
 * on a separate sample S_H of {@code hessianBatch} rows (exact for softmax regression, a central
 * difference of gradients for other models).
 *
 * <p><b>Safeguard</b> (what keeps SQN stable at large steps). The averaged iterates move most
 * along directions of little curvature, so exact pairs can have sᵀy/sᵀs near the smallest
 * eigenvalue; with Byrd et al.'s H₀ = (sᵀy/yᵀy)·I such pairs made H's steps hundreds of times SGD's
 * and the run diverged (the race's lr 0.3 at batch 1024: sᵀy/sᵀs fell to 3·10⁻⁴, ‖Hg‖/‖g‖ rose past
 * 10³). As in SdLBFGS, B₀ = max(yᵀy/sᵀy, 1/{@value #H0_MAX})·I: H₀ = γI with γ = sᵀy/yᵀy clamped to
 * [{@value MultiBatchLbfgs#GAMMA_MIN}, {@value #H0_MAX}] (never a longer step than SGD's α·g where
 * the pairs say nothing), and a pair with yᵀs &lt; ε·sᵀB₀s is damped, y ← θy + (1−θ)B₀s
 * ({@link MultiBatchLbfgs}'s test, with B₀ in place of B), which bounds H along the stored
 * directions by about 1/ε times SGD's step. With ε = 0 a pair is skipped when yᵀs ≤ 10⁻¹⁰·sᵀB₀s or
 * it is not finite (possible for non-convex models).
 *
 * <p><b>Momentum</b> (off by default; not in Byrd et al.). With μ &gt; 0 the direction carries
 * Polyak's heavy ball, as torch's SGD momentum does:
 * <pre>
 *   D ← d + μ·D,   x ← x + t·D        (d = −g in the warm-up, −H·g after it)
 * </pre>
 * so that with t = α on every step x_{k+1} = x_k + α·d_k + μ·(x_k − x_{k−1}) (for a constant α).
 * Because the momentum is part of the direction, the searched steps (the warm-up's, and every
 * step once the guard has fired) test the whole move, F_b(x + t·D) ≤ F_b(x) + c₁·t·gᵀD;
 * and when D is not a descent direction for the batch (gᵀD ≥ 0) the momentum restarts, D = d
 * (O'Donoghue and Candès's gradient restart, "Adaptive restart for accelerated gradient
 * schemes", Found. Comput. Math. 15, 2015). A step with momentum moves about α/(1 − μ) times
 * d in the long run, so α should be about (1 − μ) times the α that suits μ = 0.
 *
 * @param lr the step size α, &gt; 0 (default 0.1)
 * @param every L, iterations between pairs, ≥ 1 (default 20)
 * @param hessianBatch |S_H|, rows of the Hessian sample, ≥ 1 (default 4096, at most N)
 * @param memory pairs m, ≥ 1 (default 10)
 * @param damping ε of the pair test against B₀, in [0, 1) (default 0.2; 0: skip instead of damping)
 * @param momentum μ of the heavy-ball direction, in [0, 1) (default 0: Byrd et al.'s SQN)
 */
public record Sqn(double lr, int every, int hessianBatch, int memory, double damping, double momentum)
        implements SampledConfig {

    private static final double DEFAULT_DAMPING = 0.2;

    /** The Armijo constant of the warm-up steps' backtracking. */
    public static final double C1 = 1e-4;

    /** The most halvings of α in a warm-up step. */
    public static final int WARM_UP_BACKTRACKS = 10;

    /** The guard's fraction: a batch loss that gives back this much of the progress undoes the last step. */
    public static final double GUARD = 0.25;

    /** The weight of the newest batch loss in the guard's moving average. */
    public static final double LEVEL_WEIGHT = 0.1;

    /** The largest γ of H₀ = γI: H₀ never steps farther than SGD with the same α. */
    public static final double H0_MAX = 1;

    /** The defaults: lr 0.1, L = 20, |S_H| = 4096, memory 10, damping 0.2, momentum 0. */
    public static final Sqn DEFAULT = new Sqn(0.1, 20, 4096, 10, DEFAULT_DAMPING, 0);

    /** {@code sqn}: the spec name, keys and defaults. */
    static final Entry<Sqn> ENTRY = Entry.of("sqn", Sqn.class, DEFAULT,
            "stochastic quasi-Newton, pairs from averaged iterates and Hessian-vector products (Byrd et al. 2016)",
            List.of(Keys.lr("step size α, > 0 (the schedule scales it)"),
                    Param.whole("every", c -> (long) c.every(), "L, iterations between curvature pairs, ≥ 1"),
                    Param.whole("hessian_batch", c -> (long) c.hessianBatch(), "rows of the Hessian-vector sample, ≥ 1"),
                    Keys.memory(Sqn::memory),
                    Param.real("damping", Sqn::damping, "ε of the pair test against B₀ and Powell damping, in [0, 1); 0 skips instead"),
                    Param.real("momentum", Sqn::momentum, "μ of the heavy-ball direction D ← d + μ·D, in [0, 1); 0: none")),
            v -> new Sqn(v.real("lr"), Keys.toInt("every", v.whole("every")), Keys.toInt("hessian_batch", v.whole("hessian_batch")),
                    Keys.toInt("memory", v.whole("memory")), v.real("damping"), v.real("momentum")));

    /** Validates every field. */
    public Sqn {
        Checks.positive("lr", lr);
        Checks.atLeast("every", every, 1);
        Checks.atLeast("hessian_batch", hessianBatch, 1);
        Checks.atLeast("memory", memory, 1);
        Checks.in("damping", damping, 0, false, 1, true);
        Checks.in("momentum", momentum, 0, false, 1, true);
    }

    /**
     * SQN without momentum.
     *
     * @param lr the step size α, &gt; 0
     * @param every L, ≥ 1
     * @param hessianBatch |S_H|, ≥ 1
     * @param memory pairs m, ≥ 1
     * @param damping ε, in [0, 1)
     */
    public Sqn(double lr, int every, int hessianBatch, int memory, double damping) {
        this(lr, every, hessianBatch, memory, damping, 0);
    }

    /**
     * SQN with the default damping 0.2 and no momentum.
     *
     * @param lr the step size α, &gt; 0
     * @param every L, ≥ 1
     * @param hessianBatch |S_H|, ≥ 1
     * @param memory pairs m, ≥ 1
     */
    public Sqn(double lr, int every, int hessianBatch, int memory) {
        this(lr, every, hessianBatch, memory, DEFAULT_DAMPING);
    }

    @Override
    public String name() {
        return "sqn";
    }

    @Override
    public Sqn withLr(double lr) {
        return new Sqn(lr, every, hessianBatch, memory, damping, momentum);
    }

    @Override
    public SampledMethod create(SampledObjective objective, int batch, long seed) {
        return new SqnRun(this, objective, batch, seed);
    }
}
