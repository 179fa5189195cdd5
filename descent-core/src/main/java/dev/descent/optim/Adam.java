package dev.descent.optim;

import dev.descent.spec.Entry;
import dev.descent.spec.Param;

/**
 * Adam (Kingma and Ba 2015, "Adam: A method for stochastic optimization"), with AMSGrad (Reddi,
 * Kale and Kumar 2018), in PyTorch's form ({@code torch.optim.Adam}, ε outside the square root):
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   v̂ ← max(v̂, v)   (amsgrad; else v̂ = v)
 *   θ ← θ − lr/(1 − β1^t) · m / (√v̂ / √(1 − β2^t) + ε)
 * </pre>
 *
 * <p>Weight decay in {@link Options} is coupled (L2 added to g); see {@link AdamW} for decoupled.
 *
 * @param lr learning rate, finite and ≥ 0; default 1e-3
 * @param beta1 β1 ∈ [0, 1); default 0.9
 * @param beta2 β2 ∈ [0, 1); default 0.999
 * @param eps ε &gt; 0; default 1e-8
 * @param amsgrad keep the maximum of v; default false
 * @param options weight decay, maximize and clipping; default {@link Options#NONE}
 */
public record Adam(double lr, double beta1, double beta2, double eps, boolean amsgrad, Options options)
        implements OptimizerConfig {

    /** {@code adam}: the spec name, keys and defaults. */
    static final Entry<Adam> ENTRY = Keys.entry("adam", Adam.class, defaults(),
            "Adam (Kingma and Ba 2015), with AMSGrad (Reddi et al. 2018)",
            Keys.adamFamily(Adam::lr, Adam::beta1, Adam::beta2, Adam::eps,
                    Param.bool("amsgrad", Adam::amsgrad, "keep the maximum of v (Reddi et al. 2018)")),
            (v, o) -> new Adam(v.real("lr"), v.real("beta1"), v.real("beta2"), v.real("eps"), v.bool("amsgrad"), o));

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the key out of range
     */
    public Adam {
        Check.adamFamily(lr, beta1, beta2, eps, options);
    }

    /**
     * Adam with the given hyperparameters and no shared options.
     *
     * @param lr learning rate, finite, ≥ 0
     * @param beta1 β1 ∈ [0, 1)
     * @param beta2 β2 ∈ [0, 1)
     * @param eps ε, finite, > 0
     */
    public Adam(double lr, double beta1, double beta2, double eps) {
        this(lr, beta1, beta2, eps, false, Options.NONE);
    }

    /**
     * Adam with learning rate lr and PyTorch's other defaults.
     *
     * @param lr learning rate, finite, ≥ 0
     */
    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    /** {@return PyTorch's defaults: lr 1e-3, β = (0.9, 0.999), ε 1e-8} */
    public static Adam defaults() {
        return new Adam(1e-3);
    }

    @Override
    public Optimizer create(ParamGroups groups) {
        return new AdamState(this, groups, beta1, beta2, eps, 0, amsgrad);
    }
}
