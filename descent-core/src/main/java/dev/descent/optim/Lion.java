package dev.descent.optim;

import dev.descent.spec.Entry;
import dev.descent.spec.Param;
import java.util.List;

/**
 * Lion, evolved sign momentum (Chen et al. 2023, "Symbolic discovery of optimization algorithms",
 * Program 1), with decoupled weight decay multiplied by the learning rate:
 *
 * <pre>
 *   θ ← θ·(1 − lr·λ)
 *   θ ← θ − lr · sign(β1·m + (1 − β1)·g)
 *   m ← β2·m + (1 − β2)·g
 * </pre>
 *
 * <p>PyTorch 1.13 has no Lion; the tests compare with the paper's program written in torch ops.
 * Use a learning rate 3–10× smaller than AdamW's and λ 3–10× larger (the paper's advice).
 *
 * @param lr learning rate, finite and ≥ 0; default 1e-4
 * @param beta1 β1 ∈ [0, 1); default 0.9
 * @param beta2 β2 ∈ [0, 1); default 0.99
 * @param weightDecay decoupled decay λ ≥ 0; default 0
 * @param options coupled weight decay, maximize and clipping; default {@link Options#NONE}
 */
public record Lion(double lr, double beta1, double beta2, double weightDecay, Options options)
        implements OptimizerConfig {

    /** {@code lion}: the spec name, keys and defaults. */
    static final Entry<Lion> ENTRY = Keys.entry("lion", Lion.class, defaults(),
            "evolved sign momentum (Chen et al. 2023)",
            List.of(Keys.lr(Lion::lr),
                    Keys.beta1(Lion::beta1),
                    Param.real("beta2", Lion::beta2, "decay of the momentum m, in [0, 1)"),
                    Keys.decoupledDecay(Lion::weightDecay)),
            (v, o) -> new Lion(v.real("lr"), v.real("beta1"), v.real("beta2"), v.real("weight_decay"), o));

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the key out of range
     */
    public Lion {
        Check.nonNegative("lr", lr);
        Check.unit("beta1", beta1);
        Check.unit("beta2", beta2);
        Check.nonNegative("weight_decay", weightDecay);
        Check.notNull("options", options);
    }

    /**
     * Lion with learning rate lr and the paper's other defaults.
     *
     * @param lr learning rate, finite, ≥ 0
     */
    public Lion(double lr) {
        this(lr, 0.9, 0.99, 0, Options.NONE);
    }

    /** {@return the paper's defaults: lr 1e-4, β = (0.9, 0.99), λ 0} */
    public static Lion defaults() {
        return new Lion(1e-4);
    }

    @Override
    public Optimizer create(ParamGroups groups) {
        return new State(this, groups);
    }

    private static final class State extends FlatOptimizer {
        private final Lion c;

        State(Lion c, ParamGroups groups) {
            super(c, groups, 1);
            this.c = c;
        }

        @Override
        void update(float[] p, float[] g, int from, int to, double lr, float lambda, double lambdaScale, float scale,
                float clipValue) {
            Kernels.lion(p, g, arrays[0], from, to, scale, clipValue, lambda,
                    (float) (1 - lr * c.weightDecay * lambdaScale),
                    (float) c.beta1, (float) (1 - c.beta1), (float) c.beta2, (float) (1 - c.beta2), (float) -lr);
        }
    }
}
