package dev.descent.optim;

/**
 * Stochastic gradient descent with optional momentum, dampening and Nesterov momentum, in
 * PyTorch's form ({@code torch.optim.SGD}; Sutskever et al. 2013, "On the importance of
 * initialization and momentum in deep learning"):
 *
 * <pre>
 *   g ← ∇J(θ) (+ λθ, see {@link Options})
 *   b ← g                               at t = 1,   b ← μ·b + (1 − τ)·g   after
 *   d ← g + μ·b   (nesterov)            d ← b       (momentum)            d ← g   (μ = 0)
 *   θ ← θ − lr·d
 * </pre>
 *
 * @param lr learning rate, finite and ≥ 0; default 0.01 (PyTorch has no default; 0.01 is descent's)
 * @param momentum μ ∈ [0, 1); default 0 (plain SGD, no state)
 * @param dampening τ ∈ [0, 1]; default 0
 * @param nesterov Nesterov momentum; needs μ &gt; 0 and τ = 0; default false
 * @param options weight decay, maximize and clipping; default {@link Options#NONE}
 */
public record Sgd(double lr, double momentum, double dampening, boolean nesterov, Options options)
        implements OptimizerConfig {

    public Sgd {
        Check.nonNegative("lr", lr);
        Check.unit("momentum", momentum);
        Check.closedUnit("dampening", dampening);
        Check.notNull("options", options);
        if (nesterov && (momentum == 0 || dampening != 0)) {
            throw new IllegalArgumentException("nesterov needs momentum > 0 and dampening = 0, got momentum "
                    + momentum + " and dampening " + dampening);
        }
    }

    /** SGD with learning rate lr, momentum μ and optional Nesterov momentum, no dampening. */
    public Sgd(double lr, double momentum, boolean nesterov) {
        this(lr, momentum, 0, nesterov, Options.NONE);
    }

    /** Plain SGD with learning rate lr. */
    public Sgd(double lr) {
        this(lr, 0, 0, false, Options.NONE);
    }

    /** Plain SGD, lr = 0.01. */
    public static Sgd defaults() {
        return new Sgd(0.01);
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public Sgd withLr(double lr) {
        return new Sgd(lr, momentum, dampening, nesterov, options);
    }

    @Override
    public Sgd withOptions(Options options) {
        return new Sgd(lr, momentum, dampening, nesterov, options);
    }

    @Override
    public Optimizer create(ParamGroups groups) {
        return new State(this, groups);
    }

    private static final class State extends FlatOptimizer {
        private final Sgd c;

        State(Sgd c, ParamGroups groups) {
            super(groups, c.options, c.momentum > 0 ? 1 : 0);
            this.c = c;
        }

        @Override
        public OptimizerConfig config() {
            return c;
        }

        @Override
        void update(float[] p, float[] g, int from, int to, double lr, float wd, double wdScale, float gs, float gc) {
            if (c.momentum == 0) {
                Kernels.sgd(p, g, from, to, gs, gc, wd, (float) -lr);
            } else {
                Kernels.momentum(p, g, arrays[0], from, to, gs, gc, wd, (float) c.momentum, (float) (1 - c.dampening),
                        t == 1, c.nesterov, (float) -lr);
            }
        }
    }
}
