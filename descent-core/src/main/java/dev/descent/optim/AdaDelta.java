package dev.descent.optim;

import dev.descent.spec.Entry;
import dev.descent.spec.Param;
import java.util.List;

/**
 * AdaDelta (Zeiler 2012, "ADADELTA: an adaptive learning rate method"), in PyTorch's form
 * ({@code torch.optim.Adadelta}, with a learning rate scaling the step):
 *
 * <pre>
 *   v  ← ρ·v + (1 − ρ)·g²
 *   Δ  ← √(u + ε) / √(v + ε) · g
 *   u  ← ρ·u + (1 − ρ)·Δ²
 *   θ  ← θ − lr·Δ
 * </pre>
 *
 * @param lr learning rate, finite and ≥ 0; default 1.0
 * @param rho ρ ∈ [0, 1); default 0.9
 * @param eps ε &gt; 0; default 1e-6
 * @param options weight decay, maximize and clipping; default {@link Options#NONE}
 */
public record AdaDelta(double lr, double rho, double eps, Options options) implements OptimizerConfig {

    /** {@code adadelta}: the spec name, keys and defaults. */
    static final Entry<AdaDelta> ENTRY = Keys.entry("adadelta", AdaDelta.class, defaults(),
            "AdaDelta (Zeiler 2012)",
            List.of(Keys.lr(AdaDelta::lr),
                    Param.real("rho", AdaDelta::rho, "decay ρ of both running averages, in [0, 1)"),
                    Keys.eps(AdaDelta::eps)),
            (v, o) -> new AdaDelta(v.real("lr"), v.real("rho"), v.real("eps"), o));

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the key out of range
     */
    public AdaDelta {
        Check.nonNegative("lr", lr);
        Check.unit("rho", rho);
        Check.positive("eps", eps);
        Check.notNull("options", options);
    }

    /**
     * AdaDelta with learning rate lr and PyTorch's other defaults.
     *
     * @param lr learning rate, finite, ≥ 0
     */
    public AdaDelta(double lr) {
        this(lr, 0.9, 1e-6, Options.NONE);
    }

    /** {@return PyTorch's defaults: lr 1.0, ρ 0.9, ε 1e-6} */
    public static AdaDelta defaults() {
        return new AdaDelta(1.0);
    }

    @Override
    public Optimizer create(ParamGroups groups) {
        return new State(this, groups);
    }

    private static final class State extends FlatOptimizer {
        private final AdaDelta c;

        State(AdaDelta c, ParamGroups groups) {
            super(c, groups, 2);
            this.c = c;
        }

        @Override
        void update(float[] p, float[] g, int from, int to, double lr, float lambda, double lambdaScale, float scale,
                float clipValue) {
            Kernels.adadelta(p, g, arrays[0], arrays[1], from, to, scale, clipValue, lambda, (float) c.rho,
                    (float) (1 - c.rho),
                    (float) c.eps, (float) -lr);
        }
    }
}
