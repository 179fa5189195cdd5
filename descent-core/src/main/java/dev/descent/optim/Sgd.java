package dev.descent.optim;

import dev.descent.spec.Entry;
import dev.descent.spec.Param;
import java.util.List;

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
 * <p>Spec names: {@code sgd} (μ = 0), and the presets {@code momentum} (μ = 0.9) and
 * {@code nesterov} (μ = 0.9, Nesterov), each with the keys {@code lr, momentum, dampening,
 * nesterov}.
 *
 * @param lr learning rate, finite and ≥ 0; default 0.01 (PyTorch has no default; 0.01 is descent's)
 * @param momentum μ ∈ [0, 1); default 0 (plain SGD, no state)
 * @param dampening τ ∈ [0, 1]; default 0
 * @param nesterov Nesterov momentum; needs μ &gt; 0 and τ = 0; default false
 * @param options weight decay, maximize and clipping; default {@link Options#NONE}
 */
public record Sgd(double lr, double momentum, double dampening, boolean nesterov, Options options)
        implements OptimizerConfig {

    private static final List<Param<Sgd>> KEYS = List.of(Keys.lr(Sgd::lr),
            Param.real("momentum", Sgd::momentum, "momentum μ, in [0, 1)"),
            Param.real("dampening", Sgd::dampening, "dampening τ of the momentum, in [0, 1]"),
            Param.bool("nesterov", Sgd::nesterov, "Nesterov momentum (needs momentum > 0, dampening 0)"));

    /** {@code sgd}: plain SGD. */
    static final Entry<Sgd> SGD = entry("sgd", defaults(), "stochastic gradient descent (PyTorch SGD)")
            .printedFor(c -> c.momentum == 0);

    /** {@code momentum}: SGD with momentum 0.9. */
    static final Entry<Sgd> MOMENTUM = entry("momentum", new Sgd(0.01, 0.9, false), "SGD with momentum 0.9")
            .printedFor(c -> !c.nesterov);

    /** {@code nesterov}: SGD with Nesterov momentum 0.9. */
    static final Entry<Sgd> NESTEROV = entry("nesterov", new Sgd(0.01, 0.9, true),
            "SGD with Nesterov momentum 0.9 (Sutskever et al. 2013)");

    private static Entry<Sgd> entry(String name, Sgd defaults, String summary) {
        return Keys.entry(name, Sgd.class, defaults, summary, KEYS,
                (v, o) -> new Sgd(v.real("lr"), v.real("momentum"), v.real("dampening"), v.bool("nesterov"), o));
    }

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the key out of range
     */
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

    /**
     * SGD with momentum and optional Nesterov momentum, no dampening, no shared options.
     *
     * @param lr learning rate, finite and ≥ 0
     * @param momentum μ ∈ [0, 1)
     * @param nesterov Nesterov momentum (needs μ &gt; 0)
     */
    public Sgd(double lr, double momentum, boolean nesterov) {
        this(lr, momentum, 0, nesterov, Options.NONE);
    }

    /**
     * Plain SGD.
     *
     * @param lr learning rate, finite and ≥ 0
     */
    public Sgd(double lr) {
        this(lr, 0, 0, false, Options.NONE);
    }

    /**
     * Plain SGD, lr = 0.01: the spec {@code sgd}.
     *
     * @return the configuration
     */
    public static Sgd defaults() {
        return new Sgd(0.01);
    }

    @Override
    public Optimizer create(ParamGroups groups) {
        return new State(this, groups);
    }

    private static final class State extends FlatOptimizer {
        private final Sgd c;

        State(Sgd c, ParamGroups groups) {
            super(c, groups, c.momentum > 0 ? 1 : 0);
            this.c = c;
        }

        @Override
        void update(float[] p, float[] g, int from, int to, double lr, float lambda, double lambdaScale, float scale,
                float clipValue) {
            if (c.momentum == 0) {
                Kernels.sgd(p, g, from, to, scale, clipValue, lambda, (float) -lr);
            } else {
                Kernels.momentum(p, g, arrays[0], from, to, scale, clipValue, lambda, (float) c.momentum,
                        (float) (1 - c.dampening),
                        t == 1, c.nesterov, (float) -lr);
            }
        }
    }
}
