package dev.descent.optim;

import dev.descent.spec.Entry;
import dev.descent.spec.Param;
import java.util.Arrays;
import java.util.List;

/**
 * AdaGrad (Duchi, Hazan and Singer 2011, "Adaptive subgradient methods for online learning and
 * stochastic optimization"), in PyTorch's form ({@code torch.optim.Adagrad}):
 *
 * <pre>
 *   η_t ← lr / (1 + (t − 1)·lrDecay)
 *   s   ← s + g²                      (s₀ = initialAccumulatorValue)
 *   θ   ← θ − η_t · g / (√s + ε)
 * </pre>
 *
 * @param lr learning rate, finite and ≥ 0; default 0.01
 * @param lrDecay lr decay k ≥ 0; default 0
 * @param initialAccumulatorValue s₀ ≥ 0; default 0
 * @param eps ε &gt; 0; default 1e-10
 * @param options weight decay, maximize and clipping; default {@link Options#NONE}
 */
public record AdaGrad(double lr, double lrDecay, double initialAccumulatorValue, double eps, Options options)
        implements OptimizerConfig {

    /** {@code adagrad}: the spec name, keys and defaults. */
    static final Entry<AdaGrad> ENTRY = Keys.entry("adagrad", AdaGrad.class, defaults(),
            "AdaGrad (Duchi, Hazan and Singer 2011)",
            List.of(Keys.lr(AdaGrad::lr),
                    Param.real("lr_decay", AdaGrad::lrDecay, "k in lr/(1 + (t − 1)k), finite, ≥ 0"),
                    Param.real("initial_accumulator_value", AdaGrad::initialAccumulatorValue, "s₀, finite, ≥ 0"),
                    Keys.eps(AdaGrad::eps)),
            (v, o) -> new AdaGrad(v.real("lr"), v.real("lr_decay"), v.real("initial_accumulator_value"),
            v.real("eps"), o));

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the key out of range
     */
    public AdaGrad {
        Check.nonNegative("lr", lr);
        Check.nonNegative("lr_decay", lrDecay);
        Check.nonNegative("initial_accumulator_value", initialAccumulatorValue);
        Check.positive("eps", eps);
        Check.notNull("options", options);
    }

    /**
     * AdaGrad with learning rate lr and PyTorch's other defaults.
     *
     * @param lr learning rate, finite, ≥ 0
     */
    public AdaGrad(double lr) {
        this(lr, 0, 0, 1e-10, Options.NONE);
    }

    /** {@return PyTorch's defaults: lr 0.01, lrDecay 0, s₀ 0, ε 1e-10} */
    public static AdaGrad defaults() {
        return new AdaGrad(0.01);
    }

    @Override
    public Optimizer create(ParamGroups groups) {
        return new State(this, groups);
    }

    private static final class State extends FlatOptimizer {
        private final AdaGrad c;

        State(AdaGrad c, ParamGroups groups) {
            super(c, groups, 1);
            this.c = c;
            Arrays.fill(arrays[0], (float) c.initialAccumulatorValue);
        }

        @Override
        void update(float[] p, float[] g, int from, int to, double lr, float lambda, double lambdaScale, float scale,
                float clipValue) {
            double clr = lr / (1 + (t - 1) * c.lrDecay);
            Kernels.adagrad(p, g, arrays[0], from, to, scale, clipValue, lambda, (float) c.eps, (float) -clr);
        }
    }
}
