package dev.descent.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark MLlib's {@code LogisticRegression} on the same cached training set (its rows converted
 * to an ML DataFrame and cached before the clock starts), configured to
 * minimize the same objective as {@link SparkObjective}: {@code standardization=false},
 * {@code elasticNetParam=0}, {@code regParam=λ}, with intercepts, family {@code multinomial}
 * for softmax and {@code binomial} for logistic, a tight {@code tol} and a high {@code maxIter}.
 * Its coefficients are then evaluated under descent's objective, so both are judged by one
 * function.
 */
public final class MllibBaseline {

    private MllibBaseline() {}

    /**
     * What MLlib did.
     *
     * @param objective MLlib's coefficients evaluated by {@link SparkObjective#evaluate}
     * @param gradNorm ‖∇f‖∞ of descent's objective at MLlib's coefficients
     * @param mllibObjective MLlib's own last objective value (its {@code objectiveHistory})
     * @param iterations MLlib's {@code totalIterations}
     * @param passes Spark jobs run by {@code fit} (each is one pass over the data: the summary
     *     statistics, the blockifying and every loss-and-gradient aggregation)
     * @param seconds wall time of {@code fit}
     * @param history objective against iteration (MLlib's {@code objectiveHistory}) with the
     *     seconds since the start of {@code fit} at the end of the job that evaluated it (the
     *     last {@code history.size()} jobs are the evaluations; NaN when they cannot be matched)
     * @param blas the BLAS implementation MLlib used on the driver, e.g. {@code VectorBLAS}
     */
    public record Outcome(double objective, double gradNorm, double mllibObjective, int iterations, long passes,
                          double seconds, List<ObjectivePoint> history, String blas) {}

    /**
     * Fits MLlib on {@code objective}'s data and model ({@code softmax} or {@code logistic} only).
     *
     * @param spark the session that holds {@code objective}'s data
     * @param objective descent's objective: its data, model and λ; evaluates MLlib's coefficients
     * @param tol MLlib's convergence tolerance, &gt; 0
     * @param maxIter MLlib's iteration limit, ≥ 1
     * @return what MLlib did, judged by descent's objective
     * @throws IllegalArgumentException for a model MLlib's logistic regression does not have
     */
    public static Outcome fit(SparkSession spark, SparkObjective objective, double tol, int maxIter) {
        ModelRecipe recipe = objective.recipe();
        TrainingSet data = objective.data();
        boolean binary = recipe.spec().equals("softmax:loss=bce");
        if (!binary && !recipe.spec().equals("softmax")) {
            throw new IllegalArgumentException("--compare-mllib needs --model softmax or logistic (MLlib has no "
                    + recipe.spec() + ")");
        }
        NativeBlas.protectMllib();
        LogisticRegression lr = new LogisticRegression()
                .setFamily(binary ? "binomial" : "multinomial")
                .setRegParam(objective.l2())
                .setElasticNetParam(0)
                .setStandardization(false)
                .setFitIntercept(true)
                .setTol(tol)
                .setMaxIter(maxIter);
        // MLlib starts, like descent, from data already cached in the executors: its rows are
        // converted from descent's cached blocks and cached before the clock starts (MLlib then
        // makes and caches its own blocks inside fit, as it always does; that is timed)
        org.apache.spark.sql.Dataset<Row> df = SparkData.toDataFrame(spark, data).cache();
        df.count();
        JobClock jobs = new JobClock();
        spark.sparkContext().addSparkListener(jobs);
        long t0 = System.nanoTime();
        LogisticRegressionModel model;
        try {
            model = lr.fit(df);
        } finally {
            TaskTimes.drain(spark.sparkContext());
            spark.sparkContext().removeSparkListener(jobs);
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        df.unpersist(false);
        double[] hist = model.summary().objectiveHistory();
        List<ObjectivePoint> history = new ArrayList<>();
        List<Long> ends = jobs.ends();
        int offset = ends.size() - hist.length;
        for (int i = 0; i < hist.length; i++) {
            double s = offset >= 0 ? (ends.get(offset + i) - jobs.start(t0)) * 1e-9 : Double.NaN;
            history.add(new ObjectivePoint(offset >= 0 ? offset + i + 1 : i + 1, s, hist[i]));
        }
        double[] x = coefficients(model, recipe, data.features(), binary);
        double[] g = new double[x.length];
        double f = objective.evaluate(x, g);
        double gInf = 0;
        for (double v : g) {
            gInf = Math.max(gInf, Math.abs(v));
        }
        return new Outcome(f, gInf, hist.length == 0 ? Double.NaN : hist[hist.length - 1],
                model.summary().totalIterations(), jobs.started(), seconds, history, NativeBlas.mllibBlas());
    }

    /** MLlib's coefficients in descent's layout: W (outputs × d, row-major), then the intercepts. */
    static double[] coefficients(LogisticRegressionModel model, ModelRecipe recipe, int d, boolean binary) {
        int k = recipe.outputs();
        double[] x = new double[k * d + k];
        if (binary) {
            Vector w = model.coefficients();
            for (int j = 0; j < d; j++) {
                x[j] = w.apply(j);
            }
            x[d] = model.intercept();
        } else {
            Matrix w = model.coefficientMatrix();
            Vector b = model.interceptVector();
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    x[c * d + j] = w.apply(c, j);
                }
                x[k * d + c] = b.apply(c);
            }
        }
        return x;
    }

    /** Counts the jobs of a fit and notes when each ended (driver nanoTime). */
    private static final class JobClock extends SparkListener {
        private final List<Long> ends = new ArrayList<>();
        private long started;
        private long firstStartMillis = -1;
        private final long nanoAtCreate = System.nanoTime();
        private final long millisAtCreate = System.currentTimeMillis();

        @Override
        public synchronized void onJobStart(SparkListenerJobStart e) {
            started++;
            if (firstStartMillis < 0) {
                firstStartMillis = e.time();
            }
        }

        @Override
        public synchronized void onJobEnd(SparkListenerJobEnd e) {
            // job times are wall-clock milliseconds; convert to the nanoTime scale of this JVM
            ends.add(nanoAtCreate + (e.time() - millisAtCreate) * 1_000_000L);
        }

        synchronized long started() {
            return started;
        }

        synchronized List<Long> ends() {
            return List.copyOf(ends);
        }

        long start(long t0) {
            return t0;
        }
    }
}
