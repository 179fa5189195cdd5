package dev.descent.stochastic;

import dev.descent.data.Dataset;
import dev.descent.nn.Model;
import dev.descent.nn.SoftmaxHessian;
import dev.descent.train.ModelObjective;

/**
 * A model and its training set as a {@link SampledObjective}: F_S(θ) = mean loss of
 * {@code model} over the rows S of {@code data} + (λ/2)‖W‖² ({@link L2}).
 *
 * <p>The rows are gathered into a buffer of at most {@link #CHUNK} rows at a time and evaluated
 * in evaluation mode (no dropout, batch-norm running statistics, so F_S is a fixed function of θ:
 * the secant pairs and line searches need that), with {@link Model#lossAndGradient(float[], int[],
 * int, double[])} (gradients accumulated in double), {@link Model#score} (forward only) and
 * {@link Model#hessianVector} (exact for softmax regression, a central difference of gradients
 * otherwise). When θ is not the model's own parameter array, it is copied in for the call and
 * the model's parameters are restored afterwards. Buffers are allocated once; not thread-safe.
 */
public final class ModelSample implements SampledObjective {

    /** The most rows gathered and evaluated at once. */
    public static final int CHUNK = 4096;

    private final Model model;
    private final Dataset data;
    private final L2 l2;
    private final float[] xb;
    private final int[] yb;
    private final double[] tmp;
    private final float[] saved;

    /**
     * The sampled objective of {@code model} on {@code data}.
     *
     * @param model the model; its parameter array is the θ the methods usually pass
     * @param data the training set
     * @param l2 the penalty (use {@link L2#none()} for none)
     */
    public ModelSample(Model model, Dataset data, L2 l2) {
        if (data.d() != model.inputSize()) {
            throw new IllegalArgumentException("data has " + data.d() + " features, the model expects " + model.inputSize());
        }
        this.model = model;
        this.data = data;
        this.l2 = l2;
        int c = Math.min(CHUNK, data.n());
        this.xb = new float[c * data.d()];
        this.yb = new int[c];
        this.tmp = new double[model.paramCount()];
        this.saved = new float[model.paramCount()];
    }

    @Override
    public int dimension() {
        return model.paramCount();
    }

    @Override
    public int size() {
        return data.n();
    }

    /**
     * The model.
     *
     * @return the model whose parameters are θ
     */
    public Model model() {
        return model;
    }

    /**
     * The penalty.
     *
     * @return the L2 term
     */
    public L2 l2() {
        return l2;
    }

    /**
     * The full training objective F(θ): all rows, forward only, with the penalty.
     *
     * @param theta θ (the model's own array or another; the model's parameters are restored)
     * @return F(θ)
     */
    public double objective(float[] theta) {
        boolean swap = enter(theta);
        try {
            return model.loss(data.x(), data.y(), data.n()) + l2.value(model.params());
        } finally {
            leave(swap);
        }
    }

    @Override
    public double lossAndGradient(float[] theta, int[] rows, int from, int count, double[] grad) {
        check(rows, from, count);
        boolean swap = enter(theta);
        try {
            java.util.Arrays.fill(grad, 0);
            double total = 0;
            for (int s = 0; s < count; s += xb.length / data.d()) {
                int b = Math.min(xb.length / data.d(), count - s);
                data.gather(rows, from + s, b, xb, yb);
                total += b * ModelObjective.valueAndGradient(model, xb, yb, b, tmp);
                for (int i = 0; i < grad.length; i++) {
                    grad[i] += b * tmp[i];
                }
            }
            double inv = 1.0 / count;
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= inv;
            }
            l2.addGradient(model.params(), grad);
            return total * inv + l2.value(model.params());
        } finally {
            leave(swap);
        }
    }

    @Override
    public double loss(float[] theta, int[] rows, int from, int count) {
        check(rows, from, count);
        boolean swap = enter(theta);
        try {
            double total = 0;
            for (int s = 0; s < count; s += xb.length / data.d()) {
                int b = Math.min(xb.length / data.d(), count - s);
                data.gather(rows, from + s, b, xb, yb);
                total += b * model.loss(xb, yb, b);
            }
            return total / count + l2.value(model.params());
        } finally {
            leave(swap);
        }
    }

    @Override
    public boolean hasExactHessianVector() {
        return SoftmaxHessian.appliesTo(model);
    }

    @Override
    public void hessianVector(float[] theta, int[] rows, int from, int count, double[] v, double[] hv) {
        check(rows, from, count);
        boolean swap = enter(theta);
        try {
            java.util.Arrays.fill(hv, 0);
            for (int s = 0; s < count; s += xb.length / data.d()) {
                int b = Math.min(xb.length / data.d(), count - s);
                data.gather(rows, from + s, b, xb, yb);
                ModelObjective.hessianVector(model, xb, yb, b, v, tmp);
                for (int i = 0; i < hv.length; i++) {
                    hv[i] += b * tmp[i];
                }
            }
            double inv = 1.0 / count;
            for (int i = 0; i < hv.length; i++) {
                hv[i] *= inv;
            }
            l2.addHessianVector(v, hv);
        } finally {
            leave(swap);
        }
    }

    private void check(int[] rows, int from, int count) {
        if (count < 1 || from < 0 || from + count > rows.length) {
            throw new IllegalArgumentException("sample rows[" + from + ", " + (from + count) + ") is outside the " + rows.length + " indices given");
        }
    }

    /** Loads θ into the model when it is another array; returns whether it did. */
    private boolean enter(float[] theta) {
        float[] w = model.params();
        if (theta == w) {
            return false;
        }
        if (theta.length != w.length) {
            throw new IllegalArgumentException("θ has length " + theta.length + ", the model has " + w.length + " parameters");
        }
        System.arraycopy(w, 0, saved, 0, w.length);
        System.arraycopy(theta, 0, w, 0, w.length);
        return true;
    }

    private void leave(boolean swapped) {
        if (swapped) {
            System.arraycopy(saved, 0, model.params(), 0, saved.length);
        }
    }
}
