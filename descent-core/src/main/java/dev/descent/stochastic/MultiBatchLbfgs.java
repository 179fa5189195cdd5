package dev.descent.stochastic;

import dev.descent.spec.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-batch L-BFGS (Berahas, Nocedal and Takáč, "A Multi-Batch L-BFGS Method for Machine
 * Learning", NIPS 2016), with the stabilisers of stochastic quasi-Newton practice.
 *
 * <p><b>Samples.</b> Consecutive samples overlap: S_k = O_{k−1} ∪ N_k ∪ O_k, with |S_k| = b,
 * |O_k| = round(r·b) (at least 1) and N_k, O_k fresh rows. The gradient of S_k is computed block
 * by block (O_{k−1}, N_k, O_k), so g_{O_k}(x_k) and, one iteration later, g_{O_k}(x_{k+1}) come
 * out of batch gradients computed anyway: the curvature pair s_k = x_{k+1} − x_k,
 * y_k = g_{O_k}(x_{k+1}) − g_{O_k}(x_k) uses the same examples at both points and costs no extra
 * gradient. r = 1 is full overlap: y_k = g_{S_k}(x_{k+1}) − g_{S_k}(x_k), one extra gradient on
 * the previous batch per iteration (the robust fallback).
 *
 * <p><b>Iteration.</b> d = −H·g_{S_k} by the two-loop recursion over the last m pairs
 * ({@code minimize.LbfgsMemory}) with H₀ = γI, γ = sᵀy/yᵀy of the newest pair clamped to
 * [{@value #GAMMA_MIN}, {@value #GAMMA_MAX}]; if d is not finite or gᵀd ≥ 0 the memory is
 * cleared and d = −g. Stochastic Armijo backtracking on the current sample:
 * t ∈ {t₀, t₀/2, t₀/4, …} until F_S(x + t·d) ≤ F_S(x) + c₁·t·gᵀd (forward-only evaluations), with
 * t₀ = lr (1 by default), or lr·min(1, 1/‖g‖₂) when the memory is empty. If no trial passes
 * within {@code backtracks} halvings, x stays, the memory is cleared, and no pair is formed.
 *
 * <p><b>Where the search is tested</b> ({@code search}). {@link Search#BATCH}, the default, is the
 * search above: every iteration spends a forward pass over S_k at the trial point. With
 * {@link Search#OVERLAP} the trial step is taken at once, and the test
 * F_{O_k}(x_k + t·d) ≤ F_{O_k}(x_k) + c₁·t·∇F_{S_k}(x_k)ᵀd runs at the start of the next
 * iteration, on the overlap O_k ⊂ S_k, whose loss at the new point the block gradient of
 * O_k computes anyway (for full overlap O_k = S_k, and the test is the batch one). An accepted
 * step then costs no forward pass at all; a rejected one backtracks from x_k with forward passes
 * on O_k, and O_k's gradient is computed again at the point accepted. The last step of a run is
 * tested by {@link SampledMethod#settle} (the {@code Trainer} calls it). On a linear model such as softmax regression a forward pass is half a gradient, so
 * the batch search adds about half a gradient per iteration (docs/PERFORMANCE.md, issue 10).
 *
 * <p><b>Pairs.</b> With Bs = −t·g (B the current quasi-Newton matrix, since s = t·d = −t·H·g), a
 * pair with yᵀs ≥ ε·sᵀBs is stored as is; otherwise, with damping ε &gt; 0, Powell's damping
 * y ← θy + (1−θ)Bs, θ = (1−ε)·sᵀBs/(sᵀBs − yᵀs), makes yᵀs = ε·sᵀBs (Powell 1978; Wang, Ma,
 * Goldfarb and Liu 2017); with ε = 0 a pair with yᵀs ≤ 10⁻¹⁰·sᵀBs, or a non-finite one, is
 * skipped. Each outcome has a counter ({@link QuasiNewtonStats}).
 *
 * @param lr the first trial step t₀, &gt; 0 (default 1)
 * @param overlap r, in (0, 0.5] (disjoint overlaps in consecutive samples) or exactly 1 (full
 *     overlap); default 0.25
 * @param memory the number of pairs m, ≥ 1 (default 10)
 * @param damping ε of the acceptance test and Powell damping, in [0, 1) (default 0.2; 0: skip
 *     instead of damping)
 * @param c1 the Armijo constant, in (0, 1) (default 10⁻⁴)
 * @param backtracks the most halvings per line search, ≥ 0 (default 10)
 * @param search where the Armijo condition is tested (default {@link Search#BATCH})
 */
public record MultiBatchLbfgs(double lr, double overlap, int memory, double damping, double c1, int backtracks,
        Search search) implements SampledConfig {

    /** Where the stochastic Armijo condition is tested. */
    public enum Search {
        /** On the whole sample S_k at the trial point, one forward pass per trial (Bollapragada et al. 2018). */
        BATCH,
        /** On the overlap O_k, from the next iteration's block gradient: no forward pass when accepted. */
        OVERLAP;

        /** {@return the spec word of this search: batch or overlap} */
        public String word() {
            return this == BATCH ? "batch" : "overlap";
        }

        static Search of(String word) {
            return word.equals("overlap") ? OVERLAP : BATCH;
        }
    }

    /** The smallest γ of H₀ = γI. */
    public static final double GAMMA_MIN = 1e-4;
    /** The largest γ of H₀ = γI. */
    public static final double GAMMA_MAX = 1e4;

    /** The defaults: lr 1, overlap 0.25, memory 10, damping 0.2, c₁ 10⁻⁴, 10 backtracks. */
    public static final MultiBatchLbfgs DEFAULT = new MultiBatchLbfgs(1, 0.25, 10, 0.2, 1e-4, 10, Search.BATCH);

    /** {@code mb-lbfgs}: the spec name, keys and defaults. */
    static final Entry<MultiBatchLbfgs> ENTRY = Entry.of("mb-lbfgs", MultiBatchLbfgs.class, DEFAULT,
            "multi-batch L-BFGS, pairs on the overlap of consecutive samples (Berahas, Nocedal and Takáč 2016)",
            params(), v -> read(v, v.real("lr")));

    private static List<dev.descent.spec.Param<MultiBatchLbfgs>> params() {
        List<dev.descent.spec.Param<MultiBatchLbfgs>> p = new ArrayList<>();
        p.add(Keys.lr("first trial step of the Armijo search, > 0"));
        p.addAll(Keys.multiBatch(c -> c));
        return p;
    }

    /** The record of {@link Keys#multiBatch}'s keys in {@code v}, with first trial step lr. */
    static MultiBatchLbfgs read(dev.descent.spec.Values v, double lr) {
        return new MultiBatchLbfgs(lr, v.real("overlap"), Keys.toInt("memory", v.whole("memory")), v.real("damping"), v.real("c1"),
                Keys.toInt("backtracks", v.whole("backtracks")), Search.of(v.word("search")));
    }

    /**
     * Multi-batch L-BFGS with the batch search ({@link Search#BATCH}).
     *
     * @param lr the first trial step t₀, &gt; 0
     * @param overlap r, in (0, 0.5] or exactly 1
     * @param memory the number of pairs m, ≥ 1
     * @param damping ε, in [0, 1)
     * @param c1 the Armijo constant, in (0, 1)
     * @param backtracks the most halvings per line search, ≥ 0
     */
    public MultiBatchLbfgs(double lr, double overlap, int memory, double damping, double c1, int backtracks) {
        this(lr, overlap, memory, damping, c1, backtracks, Search.BATCH);
    }

    /** Validates every field. */
    public MultiBatchLbfgs {
        Checks.positive("lr", lr);
        if (overlap != 1) {
            Checks.in("overlap (or exactly 1, full overlap)", overlap, 0, true, 0.5, false);
        }
        Checks.atLeast("memory", memory, 1);
        Checks.in("damping", damping, 0, false, 1, true);
        Checks.in("c1", c1, 0, true, 1, true);
        Checks.atLeast("backtracks", backtracks, 0);
        java.util.Objects.requireNonNull(search, "search");
    }

    @Override
    public String name() {
        return "mb-lbfgs";
    }

    @Override
    public MultiBatchLbfgs withLr(double lr) {
        return new MultiBatchLbfgs(lr, overlap, memory, damping, c1, backtracks, search);
    }

    /**
     * A copy with another search.
     *
     * @param search where the Armijo condition is tested
     * @return the copy
     */
    public MultiBatchLbfgs withSearch(Search search) {
        return new MultiBatchLbfgs(lr, overlap, memory, damping, c1, backtracks, search);
    }

    @Override
    public SampledMethod create(SampledObjective objective, int batch, long seed) {
        return new MultiBatchRun(this, objective, batch, seed, this, null);
    }
}
