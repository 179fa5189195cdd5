package dev.descent.optim;

import dev.descent.spec.Entry;
import dev.descent.spec.Param;
import java.util.List;

/**
 * RMSProp (Tieleman and Hinton 2012, lecture 6.5; centered form from Graves 2013), in PyTorch's
 * form ({@code torch.optim.RMSprop}, ε outside the square root):
 *
 * <pre>
 *   v ← α·v + (1 − α)·g²
 *   ḡ ← α·ḡ + (1 − α)·g                      (centered only)
 *   a ← √(v − ḡ²) + ε   (centered)    a ← √v / √(1 − α^t) + ε   (biasCorrection)    a ← √v + ε
 *   b ← μ·b + g / a,  θ ← θ − lr·b     (μ &gt; 0)          θ ← θ − lr · g / a   (μ = 0)
 * </pre>
 *
 * <p>{@code biasCorrection} is optax's {@code scale_by_rms(bias_correction=True)}: with it, RMSProp
 * equals {@link Adam} with β1 = 0 and β2 = α. It cannot be combined with {@code centered}.
 *
 * @param lr learning rate, finite and ≥ 0; default 0.01
 * @param alpha smoothing α ∈ [0, 1); default 0.99
 * @param eps ε &gt; 0; default 1e-8
 * @param momentum μ ∈ [0, 1); default 0
 * @param centered divide by the estimated standard deviation instead of the RMS; default false
 * @param biasCorrection divide v by 1 − α^t; default false (PyTorch has none)
 * @param options weight decay, maximize and clipping; default {@link Options#NONE}
 */
public record RmsProp(double lr, double alpha, double eps, double momentum, boolean centered, boolean biasCorrection,
        Options options) implements OptimizerConfig {

    /** {@code rmsprop}: the spec name, keys and defaults. */
    static final Entry<RmsProp> ENTRY = Keys.entry("rmsprop", RmsProp.class, defaults(),
            "RMSProp (Tieleman and Hinton 2012), centered (Graves 2013)",
            List.of(Keys.lr(RmsProp::lr),
                    Param.real("alpha", RmsProp::alpha, "decay α of the mean square, in [0, 1)"),
                    Keys.eps(RmsProp::eps),
                    Param.real("momentum", RmsProp::momentum, "momentum μ, in [0, 1)"),
                    Param.bool("centered", RmsProp::centered, "divide by the estimated standard deviation"),
                    Param.bool("bias_correction", RmsProp::biasCorrection, "divide v by 1 − α^t (not with centered)")),
            (v, o) -> new RmsProp(v.real("lr"), v.real("alpha"), v.real("eps"), v.real("momentum"), v.bool("centered"),
                    v.bool("bias_correction"), o));

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the key out of range
     */
    public RmsProp {
        Check.nonNegative("lr", lr);
        Check.unit("alpha", alpha);
        Check.positive("eps", eps);
        Check.unit("momentum", momentum);
        Check.notNull("options", options);
        if (centered && biasCorrection) {
            throw new IllegalArgumentException("bias_correction cannot be combined with centered");
        }
    }

    /**
     * RMSProp with learning rate lr and PyTorch's other defaults.
     *
     * @param lr learning rate, finite, ≥ 0
     */
    public RmsProp(double lr) {
        this(lr, 0.99, 1e-8, 0, false, false, Options.NONE);
    }

    /**
     * PyTorch's defaults: lr 0.01, α 0.99, ε 1e-8, no momentum, not centered.
     *
     * @return the configuration
     */
    public static RmsProp defaults() {
        return new RmsProp(0.01);
    }

    @Override
    public Optimizer create(ParamGroups groups) {
        return new State(this, groups);
    }

    private static final class State extends FlatOptimizer {
        private final RmsProp c;
        private final float[] ga;
        private final float[] buf;

        State(RmsProp c, ParamGroups groups) {
            super(c, groups, 1 + (c.centered ? 1 : 0) + (c.momentum > 0 ? 1 : 0));
            this.c = c;
            int k = 1;
            this.ga = c.centered ? arrays[k++] : null;
            this.buf = c.momentum > 0 ? arrays[k] : null;
        }

        @Override
        void update(float[] p, float[] g, int from, int to, double lr, float lambda, double lambdaScale, float scale,
                float clipValue) {
            double sqrtBc2 = c.biasCorrection ? Math.sqrt(1 - Math.pow(c.alpha, t)) : 1;
            Kernels.rmsprop(p, g, arrays[0], ga, buf, from, to, scale, clipValue, lambda, (float) c.alpha,
                    (float) (1 - c.alpha),
                    (float) c.eps, (float) c.momentum, (float) sqrtBc2, (float) -lr);
        }
    }
}
