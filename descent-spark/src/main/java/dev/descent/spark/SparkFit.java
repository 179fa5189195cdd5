package dev.descent.spark;

import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.minimize.Status;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * One fit on Spark, as {@code descent spark fit} runs it: load and cache the data, build the
 * {@link SparkObjective}, run a descent minimizer on it, and optionally fit MLlib on the same
 * cached data ({@link MllibBaseline}). Library code: it returns a {@link Report} and prints
 * nothing.
 */
public final class SparkFit {

    private SparkFit() {}

    /**
     * Partitions per task slot that {@code mb-lbfgs} caches when none are asked for: 8, so that a
     * sample of a quarter of them (the default {@code --sample}) is a whole number of task waves.
     */
    public static final int MB_PARTITIONS_PER_SLOT = 8;

    /** The methods {@link #run} accepts. */
    public static final List<String> METHODS = List.of("lbfgs", "newton-cg", "bfgs", "gd", "cg", "cg-hz", "mb-lbfgs");

    /**
     * A fit's configuration.
     *
     * @param source the data source ({@link SparkData#load})
     * @param load how to load it
     * @param model {@code softmax}, {@code logistic} or a model spec such as {@code mlp:64}
     * @param l2 λ ≥ 0 of the penalty (λ/2)·‖W‖²
     * @param method one of {@link #METHODS}
     * @param settings the minimizer's stopping rules; its {@code fTol} is applied over
     *     {@code fWindow} iterations ({@link FWindow})
     * @param fWindow iterations w ≥ 1 of the f test: stop when f changed by at most
     *     fTol·max(|f|, 1) over the last w iterations (default 5; 1 is descent-core's test)
     * @param seed the model's initialization seed (MLPs; the linear models start at zero)
     * @param objective tree depth and fault injection
     * @param compareMllib whether to fit MLlib too
     * @param mllibTol MLlib's {@code tol}, &gt; 0
     * @param mllibMaxIter MLlib's {@code maxIter}, ≥ 1
     * @param multiBatch the settings of {@code mb-lbfgs} (sample, overlap, iterations, seed); unused
     *     by the other methods
     */
    public record Config(String source, SparkData.Options load, String model, double l2, String method,
                         Settings settings, int fWindow, long seed, SparkObjective.Options objective,
                         boolean compareMllib, double mllibTol, int mllibMaxIter, MultiBatchFit.Config multiBatch) {
        /** Validates the method, λ, the window and MLlib's settings. */
        public Config {
            method = method.toLowerCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("--method " + method + " is not one of " + String.join(", ", METHODS));
            }
            if (fWindow < 1) {
                throw new IllegalArgumentException("--f-window must be >= 1, got " + fWindow);
            }
            if (!(l2 >= 0) || Double.isInfinite(l2)) {
                throw new IllegalArgumentException("--l2 must be finite and >= 0, got " + l2);
            }
            if (!model.strip().equalsIgnoreCase("logistic")) {
                dev.descent.nn.ModelSpec.parse(model, 1, 2); // an unknown model fails here, before any Spark work
            }
            if (!(mllibTol > 0)) {
                throw new IllegalArgumentException("--mllib-tol must be > 0, got " + mllibTol);
            }
            if (mllibMaxIter < 1) {
                throw new IllegalArgumentException("--mllib-max-iter must be >= 1, got " + mllibMaxIter);
            }
        }
    }

    /**
     * Spark's task metrics summed over a phase.
     *
     * @param jobs jobs started
     * @param tasks tasks ended (failed attempts included)
     * @param failedTasks task attempts that failed
     * @param deserializeSeconds executor time deserializing tasks (closures, partitions)
     * @param runSeconds executor run time
     * @param cpuSeconds executor CPU time
     * @param resultSerializeSeconds executor time serializing results
     * @param resultBytes bytes of task results sent to the driver
     */
    public record Tasks(long jobs, long tasks, long failedTasks, double deserializeSeconds, double runSeconds,
                        double cpuSeconds, double resultSerializeSeconds, long resultBytes) {}

    /**
     * What a fit did.
     *
     * @param method the method's name
     * @param model the model recipe's spec
     * @param status the minimizer's status, e.g. {@code CONVERGED_GRADIENT}
     * @param objective the final objective
     * @param gradNorm ‖∇f‖∞ at the end
     * @param iterations iterations
     * @param passes passes over the data (one per full evaluation or Hessian-vector product; a
     *     job over R of the N rows, as mb-lbfgs's samples, counts R/N)
     * @param seconds wall time of the minimizer run
     * @param loadSeconds wall time of loading and caching the data
     * @param data the cached training set
     * @param executors executor JVMs (1 in local mode)
     * @param cores Spark's default parallelism (task slots)
     * @param breakdown the objective's time breakdown
     * @param minimizerSeconds driver time in the minimizer outside evaluations (two-loop recursion,
     *     line search bookkeeping)
     * @param tasks Spark's task metrics during the minimizer run
     * @param history f against passes and seconds, one point per evaluation
     * @param x the final parameters
     * @param mllib MLlib's outcome, or null without {@link Config#compareMllib()}
     * @param toMllib descent's first evaluation whose f is ≤ MLlib's final objective under
     *     descent's objective, or null (no MLlib, or never reached)
     */
    public record Report(String method, String model, String status, double objective, double gradNorm,
                         int iterations, double passes, double seconds, double loadSeconds, TrainingSet data,
                         int executors, int cores, PassTimes breakdown, double minimizerSeconds,
                         Tasks tasks, List<ObjectivePoint> history, double[] x, MllibBaseline.Outcome mllib,
                         ObjectivePoint toMllib) {}

    /**
     * Runs the fit in {@code spark}.
     *
     * @param spark the session
     * @param c the configuration
     * @return what the fit did; the cached data is released before it returns
     * @throws IllegalArgumentException for bad input (source, labels, model, method)
     */
    public static Report run(SparkSession spark, Config c) {
        long t0 = System.nanoTime();
        SparkData.Options load = c.load();
        if (c.method().equals("mb-lbfgs") && load.partitions() == 0) {
            load = load.withPartitions(MB_PARTITIONS_PER_SLOT * spark.sparkContext().defaultParallelism());
        }
        TrainingSet data = SparkData.load(spark, c.source(), load);
        double loadSeconds = (System.nanoTime() - t0) * 1e-9;
        try {
            ModelRecipe recipe = ModelRecipe.of(c.model(), data.features(), data.classes(), c.seed(), c.load().blockRows());
            SparkObjective objective = new SparkObjective(data, recipe, c.l2(), c.objective());
            TaskTimes times = new TaskTimes();
            spark.sparkContext().addSparkListener(times);
            objective.startClock();
            Run r;
            try {
                r = c.method().equals("mb-lbfgs") ? multiBatch(objective, c) : minimize(objective, c);
            } finally {
                TaskTimes.drain(spark.sparkContext());
                spark.sparkContext().removeSparkListener(times);
            }
            PassTimes stats = objective.stats();
            double inEvaluations = stats.broadcastSeconds() + stats.jobSeconds() + stats.driverSeconds();
            List<ObjectivePoint> history = r.history();
            MllibBaseline.Outcome mllib = null;
            ObjectivePoint toMllib = null;
            if (c.compareMllib()) {
                mllib = MllibBaseline.fit(spark, objective, c.mllibTol(), c.mllibMaxIter());
                for (ObjectivePoint p : history) {
                    if (p.f() <= mllib.objective()) {
                        toMllib = p;
                        break;
                    }
                }
            }
            int infos = spark.sparkContext().statusTracker().getExecutorInfos().length;
            boolean local = spark.sparkContext().isLocal();
            return new Report(c.method(), recipe.spec(), r.status(), r.f(), r.gradNorm(), r.iterations(),
                    r.passes(), r.seconds(), loadSeconds, data, local ? 1 : Math.max(1, infos - 1),
                    spark.sparkContext().defaultParallelism(), stats, Math.max(0, r.seconds() - inEvaluations),
                    times.snapshot(), history, r.x(), mllib, toMllib);
        } finally {
            data.unpersist();
        }
    }
    /** The outcome of either kind of method, as the report needs it. */
    private record Run(String status, double f, double gradNorm, int iterations, double passes, double seconds,
                       double[] x, List<ObjectivePoint> history) {}

    /** A descent minimizer on the full-batch objective, with the f test over {@code fWindow} iterations. */
    private static Run minimize(SparkObjective objective, Config c) {
        Settings s = c.settings();
        FWindow window = s.fTol() > 0 && c.fWindow() > 1 ? new FWindow(s.fTol(), c.fWindow()) : null;
        Result r = window == null
                ? Minimize.run(objective, objective.initialPoint(), Method.named(c.method()), s)
                : Minimize.run(objective, objective.initialPoint(), Method.named(c.method()), s.withFTol(0), window);
        String status = window != null && window.fired() && r.status() == Status.STOPPED_BY_CALLBACK
                ? Status.CONVERGED_F.name() : r.status().name();
        return new Run(status, r.f(), r.gradNorm(), r.iterations(), objective.passes(), r.stats().seconds(), r.x(),
                objective.history());
    }

    /** Multi-batch L-BFGS over samples of partitions; its one full evaluation is the history. */
    private static Run multiBatch(SparkObjective objective, Config c) {
        MultiBatchFit.Outcome o = MultiBatchFit.run(objective, c.multiBatch());
        return new Run(o.status(), o.objective(), o.gradNorm(), o.iterations(), o.passes(), o.seconds(), o.x(),
                List.of(new ObjectivePoint(o.passes(), o.seconds(), o.objective())));
    }
}
