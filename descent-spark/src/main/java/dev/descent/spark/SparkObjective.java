package dev.descent.spark;

import dev.descent.minimize.Objective;
import dev.descent.nn.Model;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
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
 *       {@link Model#lossAndGradient} — the float32 matrix kernels of descent-core's
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
 * <p>{@link #hessianVector} is one pass too ({@link Model#hessianVector} per block: exact for
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

    /**
     * Where the time went, summed over the objective's evaluations so far (seconds).
     *
     * @param passes full passes over the data (jobs over the whole set)
     * @param broadcastSeconds driver time creating and destroying broadcasts
     * @param jobSeconds driver wall time waiting for the jobs (everything on the cluster)
     * @param kernelSeconds time inside the per-block kernels, summed over tasks (CPU-side work)
     * @param driverSeconds driver time inside evaluations outside the jobs (rounding θ, scaling,
     *     the penalty)
     */
    public record Stats(long passes, double broadcastSeconds, double jobSeconds, double kernelSeconds,
                        double driverSeconds) {}

    private final TrainingSet data;
    private final ModelRecipe recipe;
    private final double l2;
    private final Options options;
    private final int n;
    private final boolean[] weights;
    private final boolean exactHv;
    private final JavaSparkContext jsc;
    private final LongAccumulator kernelNanos;
    private final List<Point> history = new ArrayList<>();
    private long clock = System.nanoTime();
    private long passes;
    private long reused;
    private float[] lastW;
    private double lastData;
    private double[] lastGrad;
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

    /**
     * One evaluation of f, for curves of the objective against passes and seconds.
     *
     * @param passes passes over the data after this evaluation
     * @param seconds seconds since {@link #startClock()} (or the objective's creation)
     * @param f the value found
     */
    public record Point(long passes, double seconds, double f) {}

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
    public List<Point> history() {
        return List.copyOf(history);
    }

    /**
     * The time breakdown so far.
     *
     * @return the sums over every pass since the objective was created
     */
    public Stats stats() {
        return new Stats(passes, broadcastNanos * 1e-9, jobNanos * 1e-9, kernelNanos.value() * 1e-9,
                driverNanos * 1e-9);
    }

    /**
     * Evaluations answered without a pass: x rounded to the same float32 parameters as the
     * previous evaluation (line-search trials near the optimum), so the data term is the same.
     *
     * @return the number of such evaluations
     */
    public long reused() {
        return reused;
    }

    /**
     * f(x) and ∇f(x) in one pass. When x rounds to the same float32 parameters as the previous
     * call, the data term and its gradient are that call's (exactly what a pass would return) and
     * no job runs; the penalty is always computed from x in double.
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
        if (lastW != null && java.util.Arrays.equals(w, lastW)) {
            reused++;
            t0 = System.nanoTime();
            System.arraycopy(lastGrad, 0, grad, 0, n);
            f = lastData;
        } else {
            Partial p = run(new Payload(w, null), Kind.GRADIENT);
            t0 = System.nanoTime();
            double inv = 1.0 / data.rows();
            p.totalVector(inv, grad);
            f = p.total() * inv;
            lastW = w;
            lastData = f;
            lastGrad = grad.clone();
        }
        if (l2 > 0) {
            double w2 = 0;
            for (int i = 0; i < n; i++) {
                if (weights[i]) {
                    w2 += x[i] * x[i];
                    grad[i] += l2 * x[i];
                }
            }
            f += 0.5 * l2 * w2;
        }
        long t1 = System.nanoTime();
        driverNanos += t1 - t0;
        history.add(new Point(passes, (t1 - clock) * 1e-9, f));
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
        Partial p = run(new Payload(round(x), null), Kind.VALUE);
        double f = p.total() / data.rows();
        if (l2 > 0) {
            double w2 = 0;
            for (int i = 0; i < n; i++) {
                if (weights[i]) {
                    w2 += x[i] * x[i];
                }
            }
            f += 0.5 * l2 * w2;
        }
        return f;
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
     * H·v of f at x in one pass: (1/n) Σ_blocks rows·{@link Model#hessianVector} + λ·v on the
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
        Partial p = run(new Payload(round(x), v.clone()), Kind.HESSIAN_VECTOR);
        p.totalVector(1.0 / data.rows(), hv);
        if (l2 > 0) {
            for (int i = 0; i < n; i++) {
                if (weights[i]) {
                    hv[i] += l2 * v[i];
                }
            }
        }
    }

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

    private Partial run(Payload payload, Kind kind) {
        long t0 = System.nanoTime();
        Broadcast<Payload> b = jsc.broadcast(payload);
        long t1 = System.nanoTime();
        Partial p = data.blocks()
                .mapPartitions(new Kernel(recipe, b, kind, options.failFirstAttempt(), kernelNanos))
                .treeAggregate(new Partial(), Partial::merge, Partial::merge, options.treeDepth());
        long t2 = System.nanoTime();
        b.destroy();
        long t3 = System.nanoTime();
        passes++;
        broadcastNanos += (t1 - t0) + (t3 - t2);
        jobNanos += t2 - t1;
        if (p.rows() != data.rows()) {
            throw new IllegalStateException("the pass saw " + p.rows() + " rows, the training set has " + data.rows());
        }
        return p;
    }

    /** What a pass computes per block. */
    enum Kind { GRADIENT, VALUE, HESSIAN_VECTOR }

    /**
     * The broadcast value: θ in float32 and, for H·v, the direction v.
     *
     * @param w θ rounded to float32
     * @param v the direction of a Hessian-vector product, or null
     */
    record Payload(float[] w, double[] v) implements Serializable {}

    /**
     * The per-partition kernel: one {@link Partial} from all blocks of the partition.
     *
     * @param recipe the model every executor thread builds once
     * @param payload the broadcast θ (and v)
     * @param kind what to compute per block
     * @param failFirst whether a task's first attempt throws (fault-injection tests)
     * @param nanos the accumulator of kernel time
     */
    private record Kernel(ModelRecipe recipe, Broadcast<Payload> payload, Kind kind, boolean failFirst,
                          LongAccumulator nanos) implements FlatMapFunction<Iterator<Block>, Partial> {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Partial> call(Iterator<Block> blocks) {
            TaskContext task = TaskContext.get();
            if (failFirst && task != null && task.attemptNumber() == 0) {
                throw new IllegalStateException("injected failure of the first attempt of partition "
                        + task.partitionId());
            }
            Payload pl = payload.value();
            long t0 = System.nanoTime();
            Model m = recipe.model();
            System.arraycopy(pl.w(), 0, m.params(), 0, pl.w().length);
            Partial p = new Partial();
            double[] g = new double[m.paramCount()];
            while (blocks.hasNext()) {
                Block b = blocks.next();
                switch (kind) {
                    case GRADIENT -> {
                        double loss = dev.descent.train.ModelObjective.valueAndGradient(m, b.x(), b.y(), b.rows(), g);
                        scale(g, b.rows());
                        p.add(b.rows() * loss, g, b.rows());
                    }
                    case VALUE -> p.add(b.rows() * m.loss(b.x(), b.y(), b.rows()), new double[0], b.rows());
                    case HESSIAN_VECTOR -> {
                        dev.descent.train.ModelObjective.hessianVector(m, b.x(), b.y(), b.rows(), pl.v(), g);
                        scale(g, b.rows());
                        p.add(0, g, b.rows());
                    }
                }
            }
            nanos.add(System.nanoTime() - t0);
            List<Partial> out = new ArrayList<>(1);
            out.add(p);
            return out.iterator();
        }

        private static void scale(double[] g, int rows) {
            for (int i = 0; i < g.length; i++) {
                g[i] *= rows;
            }
        }
    }
}
