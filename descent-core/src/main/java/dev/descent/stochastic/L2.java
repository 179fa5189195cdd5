package dev.descent.stochastic;

import dev.descent.nn.Model;
import dev.descent.nn.ParamRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The L2 penalty r(θ) = (λ/2)·‖W‖² over a model's weight matrices, not its biases or
 * normalization parameters (as Spark MLlib and scikit-learn regularize), with its gradient λW
 * and its Hessian-vector product λv on the weights. One instance serves every optimizer: the
 * first-order ones see it in the mini-batch gradient, the sampled methods in
 * {@link ModelSample}, the full-batch minimizers in the training objective.
 */
public final class L2 {

    private final double lambda;
    private final int[] from;
    private final int[] to;

    private L2(double lambda, int[] from, int[] to) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("the L2 coefficient must be finite and ≥ 0, got " + lambda);
        }
        this.lambda = lambda;
        this.from = from;
        this.to = to;
    }

    /**
     * The penalty with coefficient λ on {@code model}'s {@link ParamRange.Kind#WEIGHT} ranges.
     *
     * @param model the model whose weight ranges are penalized
     * @param lambda λ, finite and ≥ 0 (0: no penalty)
     * @return the penalty
     */
    public static L2 weights(Model model, double lambda) {
        List<ParamRange> w = new ArrayList<>();
        for (ParamRange r : model.parameterRanges()) {
            if (r.kind() == ParamRange.Kind.WEIGHT) {
                w.add(r);
            }
        }
        int[] f = new int[w.size()];
        int[] t = new int[w.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = w.get(i).from();
            t[i] = w.get(i).to();
        }
        return new L2(lambda, f, t);
    }

    /**
     * No penalty.
     *
     * @return the penalty with λ = 0
     */
    public static L2 none() {
        return new L2(0, new int[0], new int[0]);
    }

    /**
     * The coefficient.
     *
     * @return λ
     */
    public double lambda() {
        return lambda;
    }

    /**
     * The penalty's value.
     *
     * @param theta θ
     * @return (λ/2)·Σ_W θ², summed in double; 0 when λ = 0
     */
    public double value(float[] theta) {
        if (lambda == 0) {
            return 0;
        }
        double s = 0;
        for (int r = 0; r < from.length; r++) {
            for (int i = from[r]; i < to[r]; i++) {
                s += (double) theta[i] * theta[i];
            }
        }
        return 0.5 * lambda * s;
    }

    /**
     * Adds the penalty's gradient: g_W ← g_W + λθ_W.
     *
     * @param theta θ
     * @param g the gradient, updated in place
     */
    public void addGradient(float[] theta, double[] g) {
        if (lambda == 0) {
            return;
        }
        for (int r = 0; r < from.length; r++) {
            for (int i = from[r]; i < to[r]; i++) {
                g[i] += lambda * theta[i];
            }
        }
    }

    /**
     * Adds the penalty's gradient in float32 (the mini-batch gradient of the first-order
     * optimizers): g_W ← g_W + λθ_W.
     *
     * @param theta θ
     * @param g the gradient, updated in place
     */
    public void addGradient(float[] theta, float[] g) {
        if (lambda == 0) {
            return;
        }
        float l = (float) lambda;
        for (int r = 0; r < from.length; r++) {
            for (int i = from[r]; i < to[r]; i++) {
                g[i] += l * theta[i];
            }
        }
    }

    /**
     * Adds the penalty's Hessian-vector product (λ on the weights, 0 elsewhere):
     * hv_W ← hv_W + λv_W.
     *
     * @param v the direction
     * @param hv the product, updated in place
     */
    public void addHessianVector(double[] v, double[] hv) {
        if (lambda == 0) {
            return;
        }
        for (int r = 0; r < from.length; r++) {
            for (int i = from[r]; i < to[r]; i++) {
                hv[i] += lambda * v[i];
            }
        }
    }
}
