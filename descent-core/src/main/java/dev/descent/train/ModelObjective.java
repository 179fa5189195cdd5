package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.minimize.Objective;
import dev.descent.nn.Model;
import dev.descent.nn.SoftmaxHessian;
import dev.descent.stochastic.L2;
import java.util.Arrays;
import java.util.Optional;

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
 * <p>Hessian-vector products: exact for softmax regression ({@link SoftmaxHessian}; only
 * then is {@link #hessianVector()} present, as the minimizers take it for exact); otherwise a central difference of gradients,
 * H·v ≈ (∇f(θ + εv) − ∇f(θ − εv))/(2ε) with ε = ε_f^{1/3}(1 + ‖θ‖∞)/‖v‖∞, ε_f = 2⁻²³ (the float32
 * unit roundoff: the parameters are float32); {@link Model#params()} is restored bit for bit.
 */
public final class ModelObjective implements Objective {

    private final Model model;
    private final Dataset data;
    private final L2 penalty;

    /**
     * The full-batch loss of {@code model} on {@code data}.
     *
     * @param model the model, whose parameters each evaluation overwrites
     * @param data the whole training set: labels, or float targets for regression
     * @throws IllegalArgumentException when the data's features or targets do not fit the model
     */
    public ModelObjective(Model model, Dataset data) {
        this(model, data, L2.none());
    }

    /**
     * The full-batch training objective f(θ) = mean loss + (λ/2)‖W‖² ({@link L2} over the
     * weights), with its gradient and Hessian-vector product.
     *
     * @param model the model (its parameters are overwritten at each evaluation)
     * @param data the training set
     * @param penalty the L2 term ({@link L2#none()} for none)
     */
    public ModelObjective(Model model, Dataset data, L2 penalty) {
        this.penalty = penalty;
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
        double f = pass(model, data.x(), data.y(), data.targets(), data.n(), grad);
        penalty.addGradient(model.params(), grad);
        return f + penalty.value(model.params());
    }

    /**
     * {@return the exact product {@link #hessianVector(double[], double[], double[])}, present for
     * softmax regression on class labels ({@link SoftmaxHessian}) only}
     */
    @Override
    public Optional<HessianVector> hessianVector() {
        return exact() ? Optional.of(this::hessianVector) : Optional.empty();
    }

    /** Whether the product is exact: softmax regression on class labels. */
    private boolean exact() {
        return !data.isRegression() && SoftmaxHessian.appliesTo(model);
    }

    /**
     * H·v of the full-batch loss at x: exact for softmax regression, else central differences.
     *
     * @param x the point
     * @param v the direction
     * @param hv H·v, overwritten
     */
    public void hessianVector(double[] x, double[] v, double[] hv) {
        load(x);
        if (exact()) {
            hessianVector(model, data.x(), data.y(), data.n(), v, hv);
        } else {
            centralDifference(model, data.x(), data.y(), data.targets(), data.n(), v, hv);
        }
        penalty.addHessianVector(v, hv);
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
        centralDifference(model, data.x(), data.y(), data.targets(), data.n(), v, out);
    }

    /**
     * The value and gradient of this objective over any rows, at the model's current parameters:
     * f = mean loss over rows [0, n) of {@code x} against {@code labels}, ∇f into {@code grad}
     * (evaluation mode, chunks of {@link Model#maxBatch()} rows summed in double, as
     * {@link #evaluate}). For methods that evaluate chosen rows (a mini-batch, an overlap) rather
     * than the whole set.
     *
     * @param model the model, evaluated at its current parameters ({@link Model#grads()} is scratch)
     * @param x the rows' features, row-major, at least n rows
     * @param labels the rows' labels
     * @param n rows, ≥ 1
     * @param grad ∇f, length {@code model.paramCount()}, overwritten
     * @return f
     */
    public static double valueAndGradient(Model model, float[] x, int[] labels, int n, double[] grad) {
        return pass(model, x, labels, null, n, grad);
    }

    /**
     * As {@link #valueAndGradient(Model, float[], int[], int, double[])} against float targets
     * (row-major, n × outputSize()): the regression objective over any rows.
     *
     * @param model the model, evaluated at its current parameters
     * @param x the rows' features, row-major
     * @param targets the rows' targets, row-major
     * @param n rows, ≥ 1
     * @param grad ∇f, overwritten
     * @return f
     */
    public static double valueAndGradient(Model model, float[] x, float[] targets, int n, double[] grad) {
        return pass(model, x, null, targets, n, grad);
    }

    /**
     * H·v of the mean loss over rows [0, n) of {@code x} against {@code labels}, at the model's
     * current parameters: exact for softmax regression ({@link SoftmaxHessian}), a central
     * difference of gradients otherwise ({@link Model#params()} restored bit for bit).
     *
     * @param model the model
     * @param x the rows' features, row-major
     * @param labels the rows' labels
     * @param n rows, ≥ 1
     * @param v the direction, length {@code model.paramCount()}
     * @param out H·v, overwritten
     */
    public static void hessianVector(Model model, float[] x, int[] labels, int n, double[] v, double[] out) {
        if (SoftmaxHessian.appliesTo(model)) {
            SoftmaxHessian.product(model, x, labels, n, v, out);
        } else {
            centralDifference(model, x, labels, null, n, v, out);
        }
    }

    /** f and ∇f at the model's current parameters against labels or (labels null) targets, chunk by chunk. */
    private static double pass(Model model, float[] x, int[] labels, float[] targets, int n, double[] grad) {
        if (grad.length != model.paramCount()) {
            throw new IllegalArgumentException("gradient buffer has length " + grad.length + ", needs " + model.paramCount());
        }
        if (n < 1) {
            throw new IllegalArgumentException("the objective needs at least 1 row, got " + n);
        }
        float[] g = model.grads();
        int cap = model.maxBatch();
        boolean wasTraining = model.isTraining();
        model.setTraining(false);
        try {
            Arrays.fill(grad, 0);
            double total = 0;
            for (int s = 0; s < n; s += cap) {
                int b = Math.min(cap, n - s);
                total += b * (labels == null ? model.forwardBackward(x, targets, s, b) : model.forwardBackward(x, labels, s, b));
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

    /** (∇f(θ + εv) − ∇f(θ − εv))/(2ε) with the ε of the class comment; θ restored bit for bit. */
    private static void centralDifference(Model model, float[] x, int[] labels, float[] targets, int n, double[] v,
            double[] out) {
        float[] w = model.params();
        if (v.length != w.length || out.length != w.length) {
            throw new IllegalArgumentException("v and out must have length " + w.length);
        }
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
        pass(model, x, labels, targets, n, out);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (saved[i] - eps * v[i]);
        }
        pass(model, x, labels, targets, n, gMinus);
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
