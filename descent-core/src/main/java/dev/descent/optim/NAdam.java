package dev.descent.optim;

import dev.descent.spec.Entry;
import dev.descent.spec.Param;

/**
 * NAdam: Adam with Nesterov momentum (Dozat 2016, "Incorporating Nesterov momentum into Adam"),
 * in PyTorch's form ({@code torch.optim.NAdam}) with its momentum schedule:
 *
 * <pre>
 *   μ_t ← β1·(1 − ½·0.96^(tψ)),   μ_{t+1} ← β1·(1 − ½·0.96^((t+1)ψ)),   Π_t ← Π_{t−1}·μ_t
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²
 *   d ← √(v / (1 − β2^t)) + ε
 *   θ ← θ − lr·(1 − μ_t)/(1 − Π_t) · g/d − lr·μ_{t+1}/(1 − Π_t·μ_{t+1}) · m/d
 * </pre>
 *
 * <p>PyTorch 1.13 computes the last product as Π_t·μ_t·μ_{t+1} (μ_t counted twice), a bug fixed in
 * PyTorch 2.0; descent follows Dozat and PyTorch ≥ 2.0. Π is kept in float64.
 *
 * @param lr learning rate, finite and ≥ 0; default 2e-3
 * @param beta1 β1 ∈ [0, 1); default 0.9
 * @param beta2 β2 ∈ [0, 1); default 0.999
 * @param eps ε &gt; 0; default 1e-8
 * @param momentumDecay ψ ≥ 0; default 4e-3
 * @param options weight decay, maximize and clipping; default {@link Options#NONE}
 */
public record NAdam(double lr, double beta1, double beta2, double eps, double momentumDecay, Options options)
        implements OptimizerConfig {

    /** {@code nadam}: the spec name, keys and defaults. */
    static final Entry<NAdam> ENTRY = Keys.entry("nadam", NAdam.class, defaults(),
            "Adam with Nesterov momentum (Dozat 2016)",
            Keys.adamFamily(NAdam::lr, NAdam::beta1, NAdam::beta2, NAdam::eps,
                    Param.real("momentum_decay", NAdam::momentumDecay, "ψ of the momentum schedule, finite, ≥ 0")),
            (v, o) -> new NAdam(v.real("lr"), v.real("beta1"), v.real("beta2"), v.real("eps"),
            v.real("momentum_decay"), o));

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the key out of range
     */
    public NAdam {
        Check.adamFamily(lr, beta1, beta2, eps, options);
        Check.nonNegative("momentum_decay", momentumDecay);
    }

    /**
     * NAdam with learning rate lr and PyTorch's other defaults.
     *
     * @param lr learning rate, finite, ≥ 0
     */
    public NAdam(double lr) {
        this(lr, 0.9, 0.999, 1e-8, 4e-3, Options.NONE);
    }

    /** {@return PyTorch's defaults: lr 2e-3, β = (0.9, 0.999), ε 1e-8, ψ 4e-3} */
    public static NAdam defaults() {
        return new NAdam(2e-3);
    }

    @Override
    public Optimizer create(ParamGroups groups) {
        return new State(this, groups);
    }

    private static final class State extends FlatOptimizer {
        private final NAdam c;
        private double muProduct = 1;
        private double mu;
        private double muNext;

        State(NAdam c, ParamGroups groups) {
            super(c, groups, 2);
            this.c = c;
        }

        @Override
        void startStep() {
            mu = c.beta1 * (1 - 0.5 * Math.pow(0.96, t * c.momentumDecay));
            muNext = c.beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * c.momentumDecay));
            muProduct *= mu;
        }

        @Override
        void update(float[] p, float[] g, int from, int to, double lr, float lambda, double lambdaScale, float scale,
                float clipValue) {
            double bc2 = 1 - Math.pow(c.beta2, t);
            double c1 = -lr * (1 - mu) / (1 - muProduct);
            double c2 = -lr * muNext / (1 - muProduct * muNext);
            Kernels.nadam(p, g, arrays[0], arrays[1], from, to, scale, clipValue, lambda, (float) c.beta1,
                    (float) (1 - c.beta1),
                    (float) c.beta2, (float) (1 - c.beta2), (float) bc2, (float) c.eps, (float) c1, (float) c2);
        }

        @Override
        double[] scalars() {
            return new double[] {muProduct};
        }

        @Override
        void restoreScalars(double[] s) {
            muProduct = s[0];
        }
    }
}
