package dev.descent.spark;

import dev.descent.minimize.Objective;
import dev.descent.nn.Model;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;

/**
 * The full-batch objective of a descent model on a {@link TrainingSet} cached in Spark, as MLlib
 * defines it: f(θ) = (1/n) Σᵢ loss(model(xᵢ; θ), yᵢ) + (λ/2)·‖W‖², the penalty over the Dense
 * weights only (not the biases). Every descent minimizer runs on it unchanged
 * ({@code Minimize.run(objective, objective.initialPoint(), Method.named("lbfgs"))}).
 *
 * <p>One evaluation is one Spark job, one pass over the cached data:
 * <ol>
 *   <li>the driver rounds θ to float32 (as descent-core's {@code ModelObjective}) and broadcasts
 *       it once;
 *   <li>each partition copies it into its thread's {@link Model} (built once per executor thread
 *       from the {@link ModelRecipe}) and evaluates every {@link Block} with
 *       {@link dev.descent.train.ModelObjective#valueAndGradient(Model, float[], int[], int, double[])} — the float32 matrix kernels of descent-core's
 *       {@code linalg.Gemm} (OpenBLAS where it loads), gradients accumulated in double — adding
 *       rows·loss and rows·gradient per block to a {@link Partial} (compensated sums);
 *   <li>{@code treeAggregate} merges the partials (compensated), the driver scales by 1/n, adds
 *       the penalty, and destroys the broadcast.
 * </ol>
 * Since a block is one chunk of the model's workspaces, the terms are exactly those of the
 * single-machine {@code ModelObjective} on the same rows with {@code maxBatch} = block rows; only
 * the order of the double additions differs, and compensated summation makes that a rounding of
 * the total, independent of the partition count.
 *
 * <p>{@link #hessianVector} is one pass too ({@link dev.descent.train.ModelObjective#hessianVector(Model, float[], int[], int, double[], double[])} per block: exact for
 * softmax regression, a central difference of block gradients otherwise) and
 * {@link #hessianVector()} offers it when it is exact, as {@code ModelObjective} does; Newton-CG
 * uses it for softmax regression.
 *
 * <p>Not thread-safe: one minimizer at a time. The counters ({@link #passes()}, {@link #stats()})
 * accumulate over the objective's life.
 */
public final class SparkObjective implements Objective {

    /**
     * Tuning and testing options.
     *
     * @param treeDepth depth of {@code treeAggregate}, ≥ 1 (default 2, as MLlib)
     * @param failFirstAttempt when true, every task's first attempt throws before computing
     *     (to test that Spark's retries give the same result; needs a master that retries, such
     *     as {@code local[2,4]}); default false
     */
    public record Options(int treeDepth, boolean failFirstAttempt) implements Serializable {
        /** Depth 2, no injected failures. */
        public static final Options DEFAULTS = new Options(2, false);

        /** Validates the depth. */
        public Options {
            if (treeDepth < 1) {
                throw new IllegalArgumentException("treeDepth must be >= 1, got " + treeDepth);
            }
        }
    }

    private final TrainingSet data;
    private final ModelRecipe recipe;
    private final double l2;
    private final Options options;
    private final int n;
    private final boolean[] weights;
    private final boolean exactHv;
    private final JavaSparkContext jsc;
    private final LongAccumulator kernelNanos;
    private final List<ObjectivePoint> history = new ArrayList<>();
    private long clock = System.nanoTime();
    private long passes;
    private long reused;
    /** The data terms of the last {@link #REUSE} distinct float32 points evaluated, newest first. */
    private final List<Evaluated> recent = new ArrayList<>();
    private long broadcastNanos;
    private long jobNanos;
    private long driverNanos;

    /**
     * The objective with {@link Options#DEFAULTS}.
     *
     * @param data the cached training set
     * @param recipe the model; its input size must equal the set's features
     * @param l2 λ ≥ 0
     */
    public SparkObjective(TrainingSet data, ModelRecipe recipe, double l2) {
        this(data, recipe, l2, Options.DEFAULTS);
    }

    /**
     * The objective of {@code recipe}'s model on {@code data} with penalty λ.
     *
     * @param data the cached training set
     * @param recipe the model; its input size must equal the set's features
     * @param l2 λ ≥ 0, the L2 penalty (λ/2)·‖W‖² on the weights
     * @param options tree depth and fault injection
     * @throws IllegalArgumentException on a shape mismatch or a negative or non-finite λ
     */
    public SparkObjective(TrainingSet data, ModelRecipe recipe, double l2, Options options) {
        if (recipe.inputSize() != data.features()) {
            throw new IllegalArgumentException("the model expects " + recipe.inputSize() + " features, the data has "
                    + data.features());
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("--l2 must be finite and >= 0, got " + l2);
        }
        this.data = data;
        this.recipe = recipe;
        this.l2 = l2;
        this.options = options;
        Model m = recipe.build();
        this.n = m.paramCount();
        this.exactHv = dev.descent.nn.SoftmaxHessian.appliesTo(m);
        this.weights = recipe.weightMask();
        this.jsc = JavaSparkContext.fromSparkContext(data.blocks().context());
        this.kernelNanos = jsc.sc().longAccumulator("descent kernel nanos");
    }

    @Override
    public int dimension() {
        return n;
    }

    /**
     * The model's initial parameters as doubles: a starting point for a minimizer.
     *
     * @return zeros for the linear models, the seeded initialization for an MLP
     */
    public double[] initialPoint() {
        float[] w = recipe.build().params();
        double[] x = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            x[i] = w[i];
        }
        return x;
    }

    /**
     * The training set.
     *
     * @return the cached set this objective evaluates
     */
    public TrainingSet data() {
        return data;
    }

    /**
     * The model recipe.
     *
     * @return the recipe the executors build their models from
     */
    public ModelRecipe recipe() {
        return recipe;
    }

    /**
     * The penalty weight.
     *
     * @return λ
     */
    public double l2() {
        return l2;
    }

    /**
     * Full passes over the data so far: one per {@link #evaluate} (unless reused), {@link #value}
     * or {@link #hessianVector}.
     *
     * @return the number of jobs over the whole set
     */
    public long passes() {
        return passes;
    }

    /** Restarts the clock of {@link #history()} and clears it. */
    public void startClock() {
        history.clear();
        clock = System.nanoTime();
    }

    /**
     * Every {@link #evaluate} since {@link #startClock()}, in order.
     *
     * @return an immutable copy
     */
    public List<ObjectivePoint> history() {
        return List.copyOf(history);
    }

    /**
     * The time breakdown so far.
     *
     * @return the sums over every pass since the objective was created
     */
    public PassTimes stats() {
        return new PassTimes(passes, broadcastNanos * 1e-9, jobNanos * 1e-9, kernelNanos.value() * 1e-9,
                driverNanos * 1e-9);
    }

    /**
     * Evaluations answered without a pass: x rounded to the same float32 parameters as one of the
     * last {@value #REUSE} evaluations (line-search trials near the optimum), so the data term is
     * the same.
     *
     * @return the number of such evaluations
     */
    public long reused() {
        return reused;
    }

    /**
     * f(x) and ∇f(x) in one pass. When x rounds to the same float32 parameters as one of the last
     * {@value #REUSE} evaluated points, the data term and its gradient are that evaluation's
     * (exactly what a pass would return) and no job runs; the penalty is always computed from x
     * in double. (Near the optimum a line search's trials can alternate between a few float32
     * points, each a pass when only the last one was remembered: 80 of the 94 passes of the
     * issue's logistic fit at {@code --f-tol 1e-10}.)
     *
     * @param x the point; not modified
     * @param grad overwritten with ∇f(x)
     * @return f(x)
     */
    @Override
    public double evaluate(double[] x, double[] grad) {
        checkLength(x, "x");
        checkLength(grad, "gradient buffer");
        float[] w = round(x);
        long t0;
        double f;
        Evaluated hit = null;
        for (Evaluated e : recent) {
            if (java.util.Arrays.equals(w, e.w())) {
                hit = e;
                break;
            }
        }
        if (hit != null) {
            reused++;
            t0 = System.nanoTime();
            System.arraycopy(hit.grad(), 0, grad, 0, n);
            f = hit.data();
        } else {
            Partial p = run(new PartitionKernel.Payload(w, null), PartitionKernel.Kind.GRADIENT);
            t0 = System.nanoTime();
            double inv = 1.0 / data.rows();
            p.totalVector(inv, grad);
            f = p.total() * inv;
            if (recent.size() == REUSE) {
                recent.remove(REUSE - 1);
            }
            recent.add(0, new Evaluated(w, f, grad.clone()));
        }
        f += penalty(x, grad);
        long t1 = System.nanoTime();
        driverNanos += t1 - t0;
        history.add(new ObjectivePoint(passes, (t1 - clock) * 1e-9, f));
        return f;
    }

    /**
     * f(x) alone: one forward-only pass (no gradient).
     *
     * @param x the point; not modified
     * @return f(x)
     */
    @Override
    public double value(double[] x) {
        checkLength(x, "x");
        Partial p = run(new PartitionKernel.Payload(round(x), null), PartitionKernel.Kind.VALUE);
        return p.total() / data.rows() + penalty(x, null);
    }

    /**
     * The exact Hessian-vector product, {@link #hessianVector(double[], double[], double[])}, for
     * softmax regression; empty for the other models, as descent-core's {@code ModelObjective}
     * (Newton-CG then takes finite differences of distributed gradients).
     *
     * @return the product, or empty
     */
    @Override
    public Optional<HessianVector> hessianVector() {
        return exactHv ? Optional.of(this::hessianVector) : Optional.empty();
    }

    /**
     * H·v of f at x in one pass: (1/n) Σ_blocks rows·{@link dev.descent.train.ModelObjective#hessianVector(Model, float[], int[], int, double[], double[])} + λ·v on the
     * weights. Exact for softmax regression; a central difference of block gradients otherwise.
     *
     * @param x the point; not modified
     * @param v the direction; not modified
     * @param hv overwritten with H·v
     */
    public void hessianVector(double[] x, double[] v, double[] hv) {
        checkLength(x, "x");
        checkLength(v, "v");
        checkLength(hv, "output buffer");
        Partial p = run(new PartitionKernel.Payload(round(x), v.clone()), PartitionKernel.Kind.HESSIAN_VECTOR);
        p.totalVector(1.0 / data.rows(), hv);
        if (l2 > 0) {
            for (int i = 0; i < n; i++) {
                if (weights[i]) {
                    hv[i] += l2 * v[i];
                }
            }
        }
    }

    /** How many evaluated float32 points {@link #evaluate} remembers for reuse. */
    public static final int REUSE = 4;

    /** A data term and its gradient at float32 parameters w. */
    private record Evaluated(float[] w, double data, double[] grad) {}

    private void checkLength(double[] a, String what) {
        if (a.length != n) {
            throw new IllegalArgumentException(what + " has length " + a.length + ", the model has " + n + " parameters");
        }
    }

    private float[] round(double[] x) {
        long t0 = System.nanoTime();
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) x[i];
        }
        driverNanos += System.nanoTime() - t0;
        return w;
    }

    private Partial run(PartitionKernel.Payload payload, PartitionKernel.Kind kind) {
        Partial p = pass(payload, kind, null);
        passes++;
        if (p.rows() != data.rows()) {
            throw new IllegalStateException("the pass saw " + p.rows() + " rows, the training set has " + data.rows());
        }
        return p;
    }

    /**
     * One Spark job over the cached blocks of {@code partitions} (all of them when null): the
     * broadcast, the kernel per partition, the compensated {@code treeAggregate}, the destroy.
     * Its time goes into {@link #stats()}; the caller counts the pass.
     *
     * @param payload θ (and v) to broadcast
     * @param kind what to compute per block
     * @param partitions ascending distinct partition indices in [0, P), or null for every partition
     * @return the unscaled sums over those partitions' rows
     */
    Partial pass(PartitionKernel.Payload payload, PartitionKernel.Kind kind, int[] partitions) {
        long t0 = System.nanoTime();
        Broadcast<PartitionKernel.Payload> b = jsc.broadcast(payload);
        long t1 = System.nanoTime();
        Partial p = Partitions.subset(data.blocks(), partitions)
                .mapPartitions(new PartitionKernel(recipe, b, kind, options.failFirstAttempt(), kernelNanos))
                .treeAggregate(new Partial(), Partial::merge, Partial::merge, options.treeDepth());
        long t2 = System.nanoTime();
        b.destroy();
        long t3 = System.nanoTime();
        broadcastNanos += (t1 - t0) + (t3 - t2);
        jobNanos += t2 - t1;
        return p;
    }

    /**
     * (λ/2)·‖W‖² over the weights of θ, adding λ·W to {@code grad} when it is not null.
     *
     * @param theta θ (only the weight entries are read)
     * @param grad the gradient to add λ·W to, or null
     * @return the penalty
     */
    double penalty(double[] theta, double[] grad) {
        if (l2 == 0) {
            return 0;
        }
        double w2 = 0;
        for (int i = 0; i < n; i++) {
            if (weights[i]) {
                w2 += theta[i] * theta[i];
                if (grad != null) {
                    grad[i] += l2 * theta[i];
                }
            }
        }
        return 0.5 * l2 * w2;
    }
}
