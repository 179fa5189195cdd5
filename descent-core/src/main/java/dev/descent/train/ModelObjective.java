package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.minimize.Objective;
import dev.descent.nn.Model;

/**
 * The bridge from training to minimization: a model and a data set as the full-batch
 * {@link Objective} f(θ) = (1/n) Σᵢ loss(model(xᵢ; θ), yᵢ) over the model's parameters, so that
 * L-BFGS, Newton-CG and the other minimizers train a network.
 *
 * <p>Precision: the minimizer works on {@code double[]} x; each call rounds x to the model's
 * float32 parameters ({@link Model#params()} is overwritten), evaluates in float32 with the
 * gradient accumulated in double ({@link Model#lossAndGradient(float[], int[], int, double[])}),
 * and returns doubles. The Hessian-vector product is {@link Model#hessianVector}: exact for
 * softmax regression ({@link #hasHessianVector()} true), a central difference of gradients
 * otherwise. Evaluation mode throughout (no dropout, batch-norm running statistics), so f is a
 * fixed function of θ.
 */
public final class ModelObjective implements Objective {

    private final Model model;
    private final Dataset data;

    /** The full-batch loss of {@code model} on {@code data}. */
    public ModelObjective(Model model, Dataset data) {
        if (data.d() != model.inputSize()) {
            throw new IllegalArgumentException("data has " + data.d() + " features, the model expects " + model.inputSize());
        }
        this.model = model;
        this.data = data;
    }

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

    /**
     * f and ∇f, accumulated over chunks of {@link Model#maxBatch()} rows (f = Σ b·f_b / n, the
     * same for ∇f), so the model's workspaces never grow to the data set's size.
     */
    @Override
    public double evaluate(double[] x, double[] grad) {
        load(x);
        java.util.Arrays.fill(grad, 0);
        double f = 0;
        for (int s = 0; s < data.n(); s += chunk()) {
            int b = slice(s);
            f += b * model.lossAndGradient(xs, ys, b, scratch);
            for (int i = 0; i < grad.length; i++) {
                grad[i] += b * scratch[i];
            }
        }
        double inv = 1.0 / data.n();
        for (int i = 0; i < grad.length; i++) {
            grad[i] *= inv;
        }
        return f * inv;
    }

    @Override
    public boolean hasHessianVector() {
        return model.hasExactHessianVector();
    }

    /** H·v of the full-batch loss, accumulated over chunks as {@link #evaluate}. */
    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        load(x);
        java.util.Arrays.fill(hv, 0);
        for (int s = 0; s < data.n(); s += chunk()) {
            int b = slice(s);
            model.hessianVector(xs, ys, b, v, scratch);
            for (int i = 0; i < hv.length; i++) {
                hv[i] += b * scratch[i];
            }
        }
        double inv = 1.0 / data.n();
        for (int i = 0; i < hv.length; i++) {
            hv[i] *= inv;
        }
    }

    private int chunk() {
        return model.maxBatch();
    }

    /** Copies rows [s, s + b) into the scratch buffers and returns b. */
    private int slice(int s) {
        int cap = model.maxBatch();
        int d = data.d();
        if (xs == null || xs.length < cap * d) {
            xs = new float[cap * d];
            ys = new int[cap];
            scratch = new double[model.paramCount()];
        }
        int b = Math.min(cap, data.n() - s);
        System.arraycopy(data.x(), s * d, xs, 0, b * d);
        System.arraycopy(data.y(), s, ys, 0, b);
        return b;
    }

    private float[] xs;
    private int[] ys;
    private double[] scratch;

    /** The model's current parameters as doubles: a starting point for a minimizer. */
    public double[] initialPoint() {
        float[] w = model.params();
        double[] x = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            x[i] = w[i];
        }
        return x;
    }
}
