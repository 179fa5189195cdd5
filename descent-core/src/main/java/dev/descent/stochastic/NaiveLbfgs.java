package dev.descent.stochastic;

import dev.descent.spec.Entry;
import dev.descent.spec.Param;
import java.util.List;

/**
 * Plain mini-batch L-BFGS, the negative control: L-BFGS driven one fresh batch at a time the way
 * {@code torch.optim.LBFGS} behaves when each {@code step(closure)} sees a new batch with
 * {@code max_iter=1}. The curvature pair is s = t·d and y = g_{S_k}(x_k) − g_{S_{k−1}}(x_{k−1}),
 * gradients of two <em>different</em> batches, so y measures sampling noise as much as curvature;
 * pairs with sᵀy ≤ 10⁻¹⁰ are skipped (torch's rule), with no damping. The direction is the
 * two-loop recursion with H₀ = (sᵀy/yᵀy)·I; the first step is min(1, 1/‖g‖₁)·lr. Without a line
 * search the step is t = lr (torch's {@code line_search_fn=None}); with {@code wolfe}, t comes
 * from a Moré–Thuente strong-Wolfe search on the current batch (torch's {@code 'strong_wolfe'};
 * each trial is a gradient on the batch), and a failed search clears the memory.
 *
 * <p>Use {@link MultiBatchLbfgs}, {@link ProgressiveBatchLbfgs} or {@link Sqn} to train; this one
 * exists to show, in the tour and the race, what they fix.
 *
 * @param lr the step (no line search) or the first trial step (Wolfe), &gt; 0 (default 1)
 * @param memory pairs m, ≥ 1 (default 10)
 * @param wolfe whether to search the step on each batch (default false)
 */
public record NaiveLbfgs(double lr, int memory, boolean wolfe) implements SampledConfig {

    /** The defaults: lr 1, memory 10, no line search. */
    public static final NaiveLbfgs DEFAULT = new NaiveLbfgs(1, 10, false);

    /** {@code naive-lbfgs}: the spec name, keys and defaults. */
    static final Entry<NaiveLbfgs> ENTRY = Entry.of("naive-lbfgs", NaiveLbfgs.class, DEFAULT,
            "plain mini-batch L-BFGS, the negative control (pairs from two different batches, as torch.optim.LBFGS)",
            List.of(Keys.lr("step, or first trial step with wolfe, > 0"),
                    Keys.memory(NaiveLbfgs::memory),
                    Param.bool("wolfe", NaiveLbfgs::wolfe, "a strong-Wolfe line search on each batch")),
            v -> new NaiveLbfgs(v.real("lr"), Keys.toInt("memory", v.whole("memory")), v.bool("wolfe")));

    /** Validates every field. */
    public NaiveLbfgs {
        Checks.positive("lr", lr);
        Checks.atLeast("memory", memory, 1);
    }

    @Override
    public String name() {
        return "naive-lbfgs";
    }

    @Override
    public NaiveLbfgs withLr(double lr) {
        return new NaiveLbfgs(lr, memory, wolfe);
    }

    @Override
    public SampledMethod create(SampledObjective objective, int batch, long seed) {
        return new NaiveRun(this, objective, batch, seed);
    }
}
