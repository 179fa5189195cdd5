package dev.descent.spark;

import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
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

    /** The methods {@link #run} accepts. */
    public static final List<String> METHODS = List.of("lbfgs", "newton-cg", "bfgs", "gd", "cg", "cg-hz");

    /**
     * A fit's configuration.
     *
     * @param source the data source ({@link SparkData#load})
     * @param load how to load it
     * @param model {@code softmax}, {@code logistic} or a model spec such as {@code mlp:64}
     * @param l2 λ ≥ 0 of the penalty (λ/2)·‖W‖²
     * @param method one of {@link #METHODS}
     * @param settings the minimizer's stopping rules
     * @param seed the model's initialization seed (MLPs; the linear models start at zero)
     * @param objective tree depth and fault injection
     * @param compareMllib whether to fit MLlib too
     * @param mllibTol MLlib's {@code tol}, &gt; 0
     * @param mllibMaxIter MLlib's {@code maxIter}, ≥ 1
     */
    public record Config(String source, SparkData.Options load, String model, double l2, String method,
                         Settings settings, long seed, SparkObjective.Options objective, boolean compareMllib,
                         double mllibTol, int mllibMaxIter) {
        /** Validates the method, λ and MLlib's settings. */
        public Config {
            if (!METHODS.contains(method.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("--method " + method + " is not one of " + String.join(", ", METHODS)
                        + (method.equalsIgnoreCase("mb-lbfgs") ? " (mb-lbfgs on Spark is not built yet)" : ""));
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
     * @param passes passes over the data (one per evaluation or Hessian-vector product)
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
                         int iterations, long passes, double seconds, double loadSeconds, TrainingSet data,
                         int executors, int cores, SparkObjective.Stats breakdown, double minimizerSeconds,
                         Tasks tasks, List<SparkObjective.Point> history, double[] x, MllibBaseline.Outcome mllib,
                         SparkObjective.Point toMllib) {}

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
        TrainingSet data = SparkData.load(spark, c.source(), c.load());
        double loadSeconds = (System.nanoTime() - t0) * 1e-9;
        try {
            ModelRecipe recipe = ModelRecipe.of(c.model(), data.features(), data.classes(), c.seed(), c.load().blockRows());
            SparkObjective objective = new SparkObjective(data, recipe, c.l2(), c.objective());
            Method method = Method.named(c.method());
            TaskTimes times = new TaskTimes();
            spark.sparkContext().addSparkListener(times);
            objective.startClock();
            Result r;
            try {
                r = Minimize.run(objective, objective.initialPoint(), method, c.settings());
            } finally {
                TaskTimes.drain(spark.sparkContext());
                spark.sparkContext().removeSparkListener(times);
            }
            SparkObjective.Stats stats = objective.stats();
            double inEvaluations = stats.broadcastSeconds() + stats.jobSeconds() + stats.driverSeconds();
            List<SparkObjective.Point> history = objective.history();
            MllibBaseline.Outcome mllib = null;
            SparkObjective.Point toMllib = null;
            if (c.compareMllib()) {
                mllib = MllibBaseline.fit(spark, objective, c.mllibTol(), c.mllibMaxIter());
                for (SparkObjective.Point p : history) {
                    if (p.f() <= mllib.objective()) {
                        toMllib = p;
                        break;
                    }
                }
            }
            int infos = spark.sparkContext().statusTracker().getExecutorInfos().length;
            boolean local = spark.sparkContext().isLocal();
            return new Report(r.method(), recipe.spec(), r.status().name(), r.f(), r.gradNorm(), r.iterations(),
                    stats.passes(), r.stats().seconds(), loadSeconds, data, local ? 1 : Math.max(1, infos - 1),
                    spark.sparkContext().defaultParallelism(), stats, Math.max(0, r.stats().seconds() - inEvaluations),
                    times.snapshot(), history, r.x(), mllib, toMllib);
        } finally {
            data.unpersist();
        }
    }
}
