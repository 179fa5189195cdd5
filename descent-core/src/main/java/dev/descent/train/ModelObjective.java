package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.minimize.Objective;
import dev.descent.nn.Model;
import dev.descent.nn.SoftmaxHessian;
import java.util.Arrays;

/**
 * The bridge from training to minimization: a model and a data set as the full-batch
 * {@link Objective} f(θ) = (1/n) Σᵢ loss(model(xᵢ; θ), yᵢ) over the model's parameters, so that
 * L-BFGS, Newton-CG and the other minimizers train a network. Classification sets (labels) and
 * regression sets (dense targets, for example with the MSE loss) both work.
 *
 * <p>Evaluation: each call rounds x to the model's float32 parameters ({@link Model#params()} is
 * overwritten), then runs {@link Model#forwardBackward(float[], int[], int, int)} in evaluation
 * mode (no dropout, batch-norm running statistics, so f is a fixed function of θ) over chunks of
 * {@link Model#maxBatch()} rows (the workspaces never grow; {@link Model#grads()} is scratch).
 * Chunk c of b_c rows adds b_c·L_c and b_c·∇L_c in double, in chunk order; the sums are scaled by
 * 1/n at the end. The model's mode is left as it was.
 *
 * <p>Hessian-vector products: exact for softmax regression ({@link SoftmaxHessian}, and
 * {@link #hasHessianVector()} is true); otherwise a central difference of gradients,
 * H·v ≈ (∇f(θ + εv) − ∇f(θ − εv))/(2ε) with ε = ε_f^{1/3}(1 + ‖θ‖∞)/‖v‖∞, ε_f = 2⁻²³ (the float32
 * unit roundoff: the parameters are float32); {@link Model#params()} is restored bit for bit.
 */
public final class ModelObjective implements Objective {

    private final Model model;
    private final Dataset data;

    /**
     * The full-batch loss of {@code model} on {@code data}.
     *
     * @param model the model, whose parameters each evaluation overwrites
     * @param data the whole training set: labels, or float targets for regression
     * @throws IllegalArgumentException when the data's features or targets do not fit the model
     */
    public ModelObjective(Model model, Dataset data) {
        if (data.d() != model.inputSize()) {
            throw new IllegalArgumentException("data has " + data.d() + " features, the model expects " + model.inputSize());
        }
        if (data.isRegression() && data.targetWidth() != model.outputSize()) {
            throw new IllegalArgumentException("data has " + data.targetWidth() + " target columns, the model outputs "
                    + model.outputSize());
        }
        this.model = model;
        this.data = data;
    }

    /** {@return the number of parameters} */
    @Override
    public int dimension() {
        return model.paramCount();
    }

    /** Rounds x to float32 into the model's parameters. */
    private void load(double[] x) {
        float[] w = model.params();
        if (x.length != w.length) {
            throw new IllegalArgumentException("x has length " + x.length + ", the model has " + w.length + " parameters");
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) x[i];
        }
    }

    /** f(x) and ∇f(x) into {@code grad} (length {@link #dimension()}), over the whole set. */
    @Override
    public double evaluate(double[] x, double[] grad) {
        load(x);
        return fullBatchGradient(grad);
    }

    /** f and ∇f at the model's current parameters, accumulated over chunks in double. */
    private double fullBatchGradient(double[] grad) {
        if (grad.length != model.paramCount()) {
            throw new IllegalArgumentException("gradient buffer has length " + grad.length + ", needs " + model.paramCount());
        }
        float[] g = model.grads();
        int n = data.n();
        int cap = model.maxBatch();
        boolean wasTraining = model.isTraining();
        model.setTraining(false);
        try {
            Arrays.fill(grad, 0);
            double total = 0;
            for (int s = 0; s < n; s += cap) {
                int b = Math.min(cap, n - s);
                total += b * (data.isRegression()
                        ? model.forwardBackward(data.x(), data.targets(), s, b)
                        : model.forwardBackward(data.x(), data.y(), s, b));
                for (int i = 0; i < g.length; i++) {
                    grad[i] += (double) b * g[i];
                }
            }
            double inv = 1.0 / n;
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= inv;
            }
            return total * inv;
        } finally {
            model.setTraining(wasTraining);
        }
    }

    /** {@return true for softmax regression on class labels, where the product is exact ({@link SoftmaxHessian})} */
    @Override
    public boolean hasHessianVector() {
        return !data.isRegression() && SoftmaxHessian.appliesTo(model);
    }

    /** H·v of the full-batch loss at x: exact when {@link #hasHessianVector()}, else central differences. */
    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        load(x);
        if (v.length != model.paramCount() || hv.length != model.paramCount()) {
            throw new IllegalArgumentException("v and hv must have length " + model.paramCount());
        }
        if (hasHessianVector()) {
            SoftmaxHessian.product(model, data.x(), data.y(), data.n(), v, hv);
        } else {
            finiteDifferenceHessianVector(x, v, hv);
        }
    }

    /**
     * The central-difference product of {@link #hessianVector} at x, for any model (also where an
     * exact product exists, to compare with it).
     *
     * @param x the point
     * @param v the direction
     * @param out H·v, overwritten
     */
    public void finiteDifferenceHessianVector(double[] x, double[] v, double[] out) {
        load(x);
        float[] w = model.params();
        double vMax = 0;
        double tMax = 0;
        for (int i = 0; i < w.length; i++) {
            vMax = Math.max(vMax, Math.abs(v[i]));
            tMax = Math.max(tMax, Math.abs(w[i]));
        }
        if (vMax == 0) {
            Arrays.fill(out, 0);
            return;
        }
        double eps = Math.cbrt(0x1.0p-23) * (1 + tMax) / vMax;
        float[] saved = w.clone();
        double[] gMinus = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (saved[i] + eps * v[i]);
        }
        fullBatchGradient(out);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (saved[i] - eps * v[i]);
        }
        fullBatchGradient(gMinus);
        System.arraycopy(saved, 0, w, 0, w.length);
        for (int i = 0; i < w.length; i++) {
            out[i] = (out[i] - gMinus[i]) / (2 * eps);
        }
    }

    /** {@return the model's current parameters as doubles: a starting point for a minimizer} */
    public double[] initialPoint() {
        float[] w = model.params();
        double[] x = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            x[i] = w[i];
        }
        return x;
    }
}
