package dev.descent.optim;

import dev.descent.spec.Entry;
import dev.descent.spec.Param;

/**
 * AdamW (Loshchilov and Hutter 2019, "Decoupled weight decay regularization"), in PyTorch's form
 * ({@code torch.optim.AdamW}: the decay is multiplied by the learning rate):
 *
 * <pre>
 *   θ ← θ·(1 − lr·λ)                       λ = weightDecay · group multiplier
 *   then the {@link Adam} update of θ
 * </pre>
 *
 * <p>With λ = 0 it is exactly {@link Adam}. Coupled weight decay in {@link Options} adds to this.
 *
 * @param lr learning rate, finite and ≥ 0; default 1e-3
 * @param beta1 β1 ∈ [0, 1); default 0.9
 * @param beta2 β2 ∈ [0, 1); default 0.999
 * @param eps ε &gt; 0; default 1e-8
 * @param weightDecay decoupled decay λ ≥ 0; default 0.01
 * @param amsgrad keep the maximum of v; default false
 * @param options coupled weight decay, maximize and clipping; default {@link Options#NONE}
 */
public record AdamW(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
        Options options) implements OptimizerConfig {

    /** {@code adamw}: the spec name, keys and defaults. */
    static final Entry<AdamW> ENTRY = Keys.entry("adamw", AdamW.class, defaults(),
            "Adam with decoupled weight decay (Loshchilov and Hutter 2019)",
            Keys.adamFamily(AdamW::lr, AdamW::beta1, AdamW::beta2, AdamW::eps,
                    Keys.decoupledDecay(AdamW::weightDecay),
                    Param.bool("amsgrad", AdamW::amsgrad, "keep the maximum of v (Reddi et al. 2018)")),
            (v, o) -> new AdamW(v.real("lr"), v.real("beta1"), v.real("beta2"), v.real("eps"), v.real("weight_decay"),
                    v.bool("amsgrad"), o));

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the key out of range
     */
    public AdamW {
        Check.adamFamily(lr, beta1, beta2, eps, options);
        Check.nonNegative("weight_decay", weightDecay);
    }

    /**
     * AdamW with learning rate lr, decoupled decay λ and PyTorch's other defaults.
     *
     * @param lr learning rate, finite, ≥ 0
     * @param weightDecay decoupled weight decay λ, finite, ≥ 0
     */
    public AdamW(double lr, double weightDecay) {
        this(lr, 0.9, 0.999, 1e-8, weightDecay, false, Options.NONE);
    }

    /** {@return PyTorch's defaults: lr 1e-3, β = (0.9, 0.999), ε 1e-8, λ 0.01} */
    public static AdamW defaults() {
        return new AdamW(1e-3, 0.01);
    }

    @Override
    public Optimizer create(ParamGroups groups) {
        return new AdamState(this, groups, beta1, beta2, eps, weightDecay, amsgrad);
    }
}
