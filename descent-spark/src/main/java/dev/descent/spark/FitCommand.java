package dev.descent.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.minimize.Settings;
import dev.descent.stochastic.MultiBatchLbfgs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code descent spark fit}: one fit of a descent minimizer on Spark, optionally beside MLlib. */
@Command(name = "fit", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Fits softmax or binary logistic regression (or an MLP) with a descent minimizer on Spark: "
                + "the full-batch objective is a treeAggregate over the cached data.",
            "Example: descent spark fit --data synthetic:rows=500000,features=100,classes=10,seed=1 "
                + "--model softmax --l2 1e-4 --master local[2] --compare-mllib"})
public final class FitCommand implements Callable<Integer> {

    /** Created by picocli. */
    public FitCommand() {}

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "SOURCE",
            description = "synthetic:rows=N,features=D,classes=K,seed=S | libsvm:PATH | csv:PATH | parquet:PATH | "
                    + "fashion-mnist[:DIR] (a path ending in .libsvm/.svm/.txt, .csv or .parquet works alone)")
    String data;

    @Option(names = "--model", defaultValue = "softmax", paramLabel = "MODEL",
            description = "softmax (multinomial), logistic (binary, labels 0/1) or an MLP spec such as mlp:64")
    String model;

    @Option(names = "--l2", defaultValue = "1e-4", paramLabel = "LAMBDA",
            description = "λ of the penalty (λ/2)·‖W‖² on the weights, not the intercepts, as MLlib's regParam")
    double l2;

    @Option(names = "--method", defaultValue = "lbfgs", paramLabel = "METHOD",
            description = "lbfgs, newton-cg, bfgs (small models), gd, cg, cg-hz, or mb-lbfgs (multi-batch L-BFGS over "
                    + "samples of partitions, --sample and --overlap)")
    String method;

    @Option(names = "--master", paramLabel = "URL",
            description = "local[N], local[N,F], spark://HOST:PORT, ... (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "P", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "partitions of the cached data (default: Spark's default parallelism; 8 times it for mb-lbfgs)")
    int partitions;

    @Option(names = "--block-rows", defaultValue = "4096", paramLabel = "B",
            description = "rows per block, the unit of the matrix kernels")
    int blockRows;

    @Option(names = "--label", defaultValue = "label", paramLabel = "COLUMN",
            description = "label column of CSV and Parquet data")
    String label;

    @Option(names = "--classes", defaultValue = "0", paramLabel = "K", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "label classes; labels must lie in [0, K) (default: the largest label + 1)")
    int classes;

    @Option(names = "--max-iter", defaultValue = "500", paramLabel = "N", description = "iteration limit")
    int maxIter;

    @Option(names = "--grad-tol", defaultValue = "1e-8", paramLabel = "TOL",
            description = "stop when ‖∇f‖∞ ≤ TOL")
    double gradTol;

    @Option(names = "--f-tol", defaultValue = "1e-9", paramLabel = "TOL",
            description = "stop when f changed by at most TOL·max(|f|, 1) over the last --f-window iterations")
    double fTol;

    @Option(names = "--f-window", defaultValue = "5", paramLabel = "W",
            description = "iterations over which --f-tol compares f (1: the last iteration only)")
    int fWindow;

    @Option(names = "--sample", defaultValue = "0.25", paramLabel = "F",
            description = "mb-lbfgs: the fraction of the partitions in each iteration's sample")
    double sample;

    @Option(names = "--overlap", defaultValue = "0.25", paramLabel = "R",
            description = "mb-lbfgs: the fraction of a sample shared with the next one, in (0, 0.5], or 1")
    double overlap;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed of the MLP weights' initialization and of mb-lbfgs's partition order")
    long seed;

    @Option(names = "--compare-mllib", description = "also fit MLlib's LogisticRegression on the same cached data")
    boolean compareMllib;

    @Option(names = "--mllib-tol", defaultValue = "1e-9", paramLabel = "TOL", description = "MLlib's tol")
    double mllibTol;

    @Option(names = "--mllib-max-iter", defaultValue = "1000", paramLabel = "N", description = "MLlib's maxIter")
    int mllibMaxIter;

    @Option(names = "--tree-depth", defaultValue = "2", paramLabel = "D", description = "treeAggregate depth")
    int treeDepth;

    @Option(names = "--connect-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "how long to try a spark:// master and wait for its first executor")
    double connectTimeout;

    @Option(names = "--trace", paramLabel = "FILE.csv",
            description = "write the curves, one row per evaluation: who,passes,seconds,objective")
    Path trace;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() {
        if (partitions < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--partitions must be >= 1, got " + partitions);
        }
        if (!(connectTimeout > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--connect-timeout must be > 0, got " + connectTimeout);
        }
        if (trace != null && trace.toAbsolutePath().getParent() != null && !Files.isDirectory(trace.toAbsolutePath().getParent())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--trace " + trace + ": the directory "
                    + trace.toAbsolutePath().getParent() + " does not exist; create it first");
        }
        Settings settings;
        try {
            settings = Settings.DEFAULTS.withMaxIterations(maxIter).withGradTol(gradTol).withFTol(fTol);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage()
                    .replace("maxIterations", "--max-iter").replace("gradTol", "--grad-tol").replace("fTol", "--f-tol"));
        }
        MultiBatchLbfgs d = MultiBatchLbfgs.DEFAULT;
        MultiBatchFit.Config multiBatch = new MultiBatchFit.Config(
                new MultiBatchLbfgs(d.lr(), overlap, d.memory(), d.damping(), d.c1(), d.backtracks()), sample,
                Math.max(1, maxIter), seed);
        SparkFit.Config config = new SparkFit.Config(data, new SparkData.Options(partitions, blockRows, label, classes),
                model, l2, method.toLowerCase(Locale.ROOT), settings, fWindow, seed,
                new SparkObjective.Options(treeDepth, false), compareMllib, mllibTol, mllibMaxIter, multiBatch);
        SparkData.check(data);
        SparkSession spark = Sessions.open(master, "descent spark fit", connectTimeout);
        SparkFit.Report r;
        try {
            r = SparkFit.run(spark, config);
        } finally {
            spark.stop();
        }
        if (trace != null) {
            writeTrace(r, trace);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(r));
        } else {
            out.print(text(r));
        }
        out.flush();
        return 0;
    }

    /** The report as one JSON object (the issue's fields first, then the details). */
    static String json(SparkFit.Report r) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("method", r.method());
        o.put("objective", r.objective());
        o.put("iterations", r.iterations());
        o.put("passes", r.passes());
        o.put("seconds", r.seconds());
        o.put("partitions", r.data().partitions());
        o.put("executors", r.executors());
        if (r.mllib() != null) {
            ObjectNode ml = o.putObject("mllib");
            ml.put("objective", r.mllib().objective());
            ml.put("iterations", r.mllib().iterations());
            ml.put("passes", r.mllib().passes());
            ml.put("seconds", r.mllib().seconds());
            ml.put("mllibObjective", r.mllib().mllibObjective());
            ml.put("gradNorm", r.mllib().gradNorm());
            ml.put("blas", r.mllib().blas());
        } else {
            o.putNull("mllib");
        }
        o.put("model", r.model());
        o.put("status", r.status());
        o.put("gradNorm", r.gradNorm());
        o.put("cores", r.cores());
        o.put("gemm", dev.descent.linalg.Gemm.describe());
        o.put("rows", r.data().rows());
        o.put("features", r.data().features());
        o.put("classes", r.data().classes());
        o.put("source", r.data().source());
        o.put("loadSeconds", r.loadSeconds());
        ObjectNode b = o.putObject("breakdown");
        b.put("broadcastSeconds", r.breakdown().broadcastSeconds());
        b.put("jobSeconds", r.breakdown().jobSeconds());
        b.put("kernelSeconds", r.breakdown().kernelSeconds());
        b.put("driverEvaluationSeconds", r.breakdown().driverSeconds());
        b.put("minimizerSeconds", r.minimizerSeconds());
        b.put("jobs", r.tasks().jobs());
        b.put("tasks", r.tasks().tasks());
        b.put("failedTasks", r.tasks().failedTasks());
        b.put("taskDeserializeSeconds", r.tasks().deserializeSeconds());
        b.put("taskRunSeconds", r.tasks().runSeconds());
        b.put("taskCpuSeconds", r.tasks().cpuSeconds());
        b.put("resultSerializeSeconds", r.tasks().resultSerializeSeconds());
        b.put("resultBytes", r.tasks().resultBytes());
        if (r.toMllib() != null) {
            ObjectNode t = o.putObject("reachedMllib");
            t.put("passes", r.toMllib().passes());
            t.put("seconds", r.toMllib().seconds());
            t.put("objective", r.toMllib().f());
        } else {
            o.putNull("reachedMllib");
        }
        try {
            return m.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(SparkFit.Report r) {
        StringBuilder s = new StringBuilder();
        s.append(fmt("data     %s: %d rows, %d features, %d classes, %d partitions (loaded and cached in %.1f s)%n",
                r.data().source(), r.data().rows(), r.data().features(), r.data().classes(), r.data().partitions(), r.loadSeconds()));
        s.append(fmt("cluster  %d executor(s), %d task slots%n", r.executors(), r.cores()));
        s.append(fmt("descent  %s on %s: objective %.10g, |g|inf %.2e, %d iterations, %s passes, %.2f s (%s)%n",
                r.method(), r.model(), r.objective(), r.gradNorm(), r.iterations(), passes(r.passes()), r.seconds(), r.status()));
        s.append(fmt("         time: jobs %.2f s (kernels %.2f s summed over tasks), broadcast %.3f s, minimizer %.3f s%n",
                r.breakdown().jobSeconds(), r.breakdown().kernelSeconds(), r.breakdown().broadcastSeconds(), r.minimizerSeconds()));
        if (r.mllib() != null) {
            s.append(fmt("mllib    LogisticRegression: objective %.10g (descent's objective at MLlib's coefficients), "
                    + "%d iterations, %d passes, %.2f s (BLAS: %s)%n", r.mllib().objective(), r.mllib().iterations(),
                    r.mllib().passes(), r.mllib().seconds(), r.mllib().blas()));
            if (r.toMllib() != null) {
                s.append(fmt("         descent reached MLlib's objective after %s passes, %.2f s (%.2f× MLlib's seconds)%n",
                        passes(r.toMllib().passes()), r.toMllib().seconds(), r.toMllib().seconds() / r.mllib().seconds()));
            } else {
                s.append(fmt("         descent did not reach MLlib's objective (%.3g above it)%n", r.objective() - r.mllib().objective()));
            }
        }
        return s.toString();
    }

    private static void writeTrace(SparkFit.Report r, Path file) {
        StringBuilder s = new StringBuilder("who,passes,seconds,objective\n");
        for (ObjectivePoint p : r.history()) {
            s.append(fmt("descent,%s,%.6f,%.17g%n", passes(p.passes()), p.seconds(), p.f()));
        }
        if (r.mllib() != null) {
            for (ObjectivePoint p : r.mllib().history()) {
                s.append(fmt("mllib,%s,%.6f,%.17g%n", passes(p.passes()), p.seconds(), p.f()));
            }
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, s);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A pass count: whole passes as integers, fractional ones (sampled jobs) to four decimals. */
    private static String passes(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : fmt("%.4f", p);
    }

    private static String fmt(String f, Object... a) {
        return String.format(Locale.ROOT, f, a);
    }
}
