package dev.descent.optim;

import dev.descent.spec.Entry;

/**
 * Adamax: Adam with the infinity norm (Kingma and Ba 2015, section 7.1), in PyTorch's form
 * ({@code torch.optim.Adamax}, ε inside the maximum):
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g
 *   u ← max(β2·u, |g| + ε)
 *   θ ← θ − lr/(1 − β1^t) · m / u
 * </pre>
 *
 * @param lr learning rate, finite and ≥ 0; default 2e-3
 * @param beta1 β1 ∈ [0, 1); default 0.9
 * @param beta2 β2 ∈ [0, 1); default 0.999
 * @param eps ε &gt; 0; default 1e-8
 * @param options weight decay, maximize and clipping; default {@link Options#NONE}
 */
public record Adamax(double lr, double beta1, double beta2, double eps, Options options) implements OptimizerConfig {

    /** {@code adamax}: the spec name, keys and defaults. */
    static final Entry<Adamax> ENTRY = Keys.entry("adamax", Adamax.class, defaults(),
            "Adam with the infinity norm (Kingma and Ba 2015, section 7.1)",
            Keys.adamFamily(Adamax::lr, Adamax::beta1, Adamax::beta2, Adamax::eps),
            (v, o) -> new Adamax(v.real("lr"), v.real("beta1"), v.real("beta2"), v.real("eps"), o));

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the key out of range
     */
    public Adamax {
        Check.adamFamily(lr, beta1, beta2, eps, options);
    }

    /**
     * Adamax with learning rate lr and PyTorch's other defaults.
     *
     * @param lr learning rate, finite, ≥ 0
     */
    public Adamax(double lr) {
        this(lr, 0.9, 0.999, 1e-8, Options.NONE);
    }

    /** {@return PyTorch's defaults: lr 2e-3, β = (0.9, 0.999), ε 1e-8} */
    public static Adamax defaults() {
        return new Adamax(2e-3);
    }

    @Override
    public Optimizer create(ParamGroups groups) {
        return new State(this, groups);
    }

    private static final class State extends FlatOptimizer {
        private final Adamax c;

        State(Adamax c, ParamGroups groups) {
            super(c, groups, 2);
            this.c = c;
        }

        @Override
        void update(float[] p, float[] g, int from, int to, double lr, float lambda, double lambdaScale, float scale,
                float clipValue) {
            double clr = lr / (1 - Math.pow(c.beta1, t));
            Kernels.adamax(p, g, arrays[0], arrays[1], from, to, scale, clipValue, lambda, (float) c.beta1,
                    (float) (1 - c.beta1),
                    (float) c.beta2, (float) c.eps, (float) -clr);
        }
    }
}
