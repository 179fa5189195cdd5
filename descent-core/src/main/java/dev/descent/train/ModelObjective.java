package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.minimize.Objective;
import dev.descent.nn.Model;
import dev.descent.stochastic.L2;
import java.util.Optional;

/**
 * The bridge from training to minimization: a model and a data set as the full-batch
 * {@link Objective} f(θ) = (1/n) Σᵢ loss(model(xᵢ; θ), yᵢ) over the model's parameters, so that
 * L-BFGS, Newton-CG and the other minimizers train a network.
 *
 * <p>Precision: the minimizer works on {@code double[]} x; each call rounds x to the model's
 * float32 parameters ({@link Model#params()} is overwritten), evaluates in float32 with the
 * gradient accumulated in double ({@link Model#lossAndGradient(float[], int[], int, double[])}),
 * and returns doubles. The Hessian-vector product is {@link Model#hessianVector}: exact for
 * softmax regression ({@link #hessianVector()} present), a central difference of gradients
 * otherwise. Evaluation mode throughout (no dropout, batch-norm running statistics), so f is a
 * fixed function of θ.
 */
public final class ModelObjective implements Objective {

    private final Model model;
    private final Dataset data;
    private final L2 penalty;

    /** The full-batch loss of {@code model} on {@code data}. */
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

    /** f and ∇f: {@link Model#lossAndGradient(float[], int[], int, double[])} over the whole set (chunked there). */
    @Override
    public double evaluate(double[] x, double[] grad) {
        load(x);
        double f = model.lossAndGradient(data.x(), data.y(), data.n(), grad);
        penalty.addGradient(model.params(), grad);
        return f + penalty.value(model.params());
    }

    /** The exact product {@link #hessianVector(double[], double[], double[])}, for softmax regression only. */
    @Override
    public Optional<HessianVector> hessianVector() {
        return model.hasExactHessianVector() ? Optional.of(this::hessianVector) : Optional.empty();
    }

    /** H·v of the full-batch loss: {@link Model#hessianVector} over the whole set (chunked there). */
    public void hessianVector(double[] x, double[] v, double[] hv) {
        load(x);
        model.hessianVector(data.x(), data.y(), data.n(), v, hv);
        penalty.addHessianVector(v, hv);
    }

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
