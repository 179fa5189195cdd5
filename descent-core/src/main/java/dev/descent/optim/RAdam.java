package dev.descent.optim;

import dev.descent.spec.Entry;

/**
 * RAdam: Adam with the variance of the adaptive learning rate rectified (Liu et al. 2020, "On the
 * variance of the adaptive learning rate and beyond"), in PyTorch's form ({@code torch.optim.RAdam}):
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²,   m̂ ← m / (1 − β1^t)
 *   ρ∞ ← 2/(1 − β2) − 1,     ρ_t ← ρ∞ − 2t·β2^t / (1 − β2^t)
 *   if ρ_t &gt; 5:  r ← √((ρ_t − 4)(ρ_t − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ_t)),
 *               θ ← θ − lr · m̂ · √(1 − β2^t)/(√v + ε) · r
 *   else:       θ ← θ − lr · m̂
 * </pre>
 *
 * @param lr learning rate, finite and ≥ 0; default 1e-3
 * @param beta1 β1 ∈ [0, 1); default 0.9
 * @param beta2 β2 ∈ [0, 1); default 0.999
 * @param eps ε &gt; 0; default 1e-8
 * @param options weight decay, maximize and clipping; default {@link Options#NONE}
 */
public record RAdam(double lr, double beta1, double beta2, double eps, Options options) implements OptimizerConfig {

    /** {@code radam}: the spec name, keys and defaults. */
    static final Entry<RAdam> ENTRY = Keys.entry("radam", RAdam.class, defaults(),
            "Adam with rectified variance (Liu et al. 2020)",
            Keys.adamFamily(RAdam::lr, RAdam::beta1, RAdam::beta2, RAdam::eps),
            (v, o) -> new RAdam(v.real("lr"), v.real("beta1"), v.real("beta2"), v.real("eps"), o));

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the key out of range
     */
    public RAdam {
        Check.adamFamily(lr, beta1, beta2, eps, options);
    }

    /**
     * RAdam with learning rate lr and PyTorch's other defaults.
     *
     * @param lr learning rate, finite, ≥ 0
     */
    public RAdam(double lr) {
        this(lr, 0.9, 0.999, 1e-8, Options.NONE);
    }

    /** {@return PyTorch's defaults: lr 1e-3, β = (0.9, 0.999), ε 1e-8} */
    public static RAdam defaults() {
        return new RAdam(1e-3);
    }

    @Override
    public Optimizer create(ParamGroups groups) {
        return new State(this, groups);
    }

    private static final class State extends FlatOptimizer {
        private final RAdam c;

        State(RAdam c, ParamGroups groups) {
            super(c, groups, 2);
            this.c = c;
        }

        @Override
        void update(float[] p, float[] g, int from, int to, double lr, float lambda, double lambdaScale, float scale,
                float clipValue) {
            double bc1 = 1 - Math.pow(c.beta1, t);
            double bc2 = 1 - Math.pow(c.beta2, t);
            double rhoInf = 2 / (1 - c.beta2) - 1;
            double rhoT = rhoInf - 2 * t * Math.pow(c.beta2, t) / bc2;
            boolean rectified = rhoT > 5;
            double rect = rectified
                    ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
                    : 1;
            Kernels.radam(p, g, arrays[0], arrays[1], from, to, scale, clipValue, lambda, (float) c.beta1,
                    (float) (1 - c.beta1),
                    (float) c.beta2, (float) (1 - c.beta2), (float) bc1, (float) lr, rectified,
                    (float) Math.sqrt(bc2), (float) c.eps, (float) rect);
        }
    }
}
