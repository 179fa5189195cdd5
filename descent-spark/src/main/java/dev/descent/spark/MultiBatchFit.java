package dev.descent.spark;

import dev.descent.stochastic.MultiBatchLbfgs;
import dev.descent.stochastic.QuasiNewtonStats;
import dev.descent.stochastic.SampledMethod;

/**
 * Multi-batch L-BFGS on Spark ({@code --method mb-lbfgs}): descent-core's
 * {@link MultiBatchLbfgs} (Berahas, Nocedal and Takáč, NIPS 2016: its samples, overlaps,
 * curvature pairs, damping and stochastic Armijo search) run on a
 * {@link SampledSparkObjective}, whose sampling units are the partitions. Each iteration computes
 * its gradient over a sample S_k = O_{k−1} ∪ N_k ∪ O_k of partitions, one Spark job per block
 * (O_{k−1}, N_k, O_k), so the overlap O_k's gradient at x_k and, one iteration later, at x_{k+1}
 * come out of jobs run anyway: the curvature pair uses the same partitions at both points. This
 * class only drives the loop (a fixed number of iterations: the sampled values give no reliable
 * convergence test) and evaluates the full objective once at the end.
 */
public final class MultiBatchFit {

    private MultiBatchFit() {}

    /**
     * The run's settings.
     *
     * @param method the multi-batch L-BFGS configuration (overlap r, memory, damping, line search)
     * @param sample the fraction of the partitions in each sample, in (0, 1]; |S| =
     *     max(1, round(sample·P)) partitions
     * @param maxIterations iterations, ≥ 1
     * @param seed seeds the order in which partitions are drawn (epoch by epoch, without
     *     replacement)
     */
    public record Config(MultiBatchLbfgs method, double sample, int maxIterations, long seed) {
        /** Validates the sample fraction and the iterations. */
        public Config {
            if (!(sample > 0 && sample <= 1)) {
                throw new IllegalArgumentException("--sample must be in (0, 1] (a fraction of the partitions), got " + sample);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("--max-iter must be >= 1, got " + maxIterations);
            }
        }

        /**
         * The sample size for P partitions.
         *
         * @param partitions P ≥ 1
         * @return max(1, round(sample·P)), at most P
         */
        public int batch(int partitions) {
            return (int) Math.min(partitions, Math.max(1, Math.round(sample * partitions)));
        }
    }

    /**
     * What the run did.
     *
     * @param x the final parameters
     * @param objective the full objective F(x) at the end
     * @param gradNorm ‖∇F(x)‖∞ at the end
     * @param status {@code ITERATION_LIMIT}, or {@code NON_FINITE} when a sample's value was not
     *     finite (x is then the last finite iterate)
     * @param iterations iterations taken
     * @param passes passes over the data: the samples' rows ÷ N, plus 1 for the final evaluation
     * @param seconds wall time, the final evaluation included
     * @param batch partitions per sample
     * @param stats the curvature pairs' and line searches' counters
     */
    public record Outcome(double[] x, double objective, double gradNorm, String status, int iterations, double passes,
                          double seconds, int batch, QuasiNewtonStats stats) {}

    /**
     * Runs multi-batch L-BFGS from {@code f}'s initial point.
     *
     * @param f the full-batch objective on the cached data
     * @param c the settings
     * @return the outcome
     */
    public static Outcome run(SparkObjective f, Config c) {
        long t0 = System.nanoTime();
        SampledSparkObjective sampled = new SampledSparkObjective(f);
        int batch = c.batch(sampled.size());
        SampledMethod m = c.method().create(sampled, batch, c.seed());
        double[] x0 = f.initialPoint();
        float[] theta = new float[x0.length];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = (float) x0[i];
        }
        String status = "ITERATION_LIMIT";
        int k = 0;
        while (k < c.maxIterations()) {
            double fs = m.step(theta, c.method().lr());
            k++;
            if (!Double.isFinite(fs)) {
                status = "NON_FINITE";
                break;
            }
        }
        if (!"NON_FINITE".equals(status)) {
            m.settle(theta); // a step still to be tested (search=overlap, sqn's guard) is tested before θ is reported
        }
        double[] x = new double[theta.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = theta[i];
        }
        double[] g = new double[x.length];
        double fx = f.evaluate(x, g);
        double gInf = 0;
        for (double v : g) {
            gInf = Math.max(gInf, Math.abs(v));
        }
        return new Outcome(x, fx, gInf, status, k, sampled.passes() + 1, (System.nanoTime() - t0) * 1e-9, batch, m.stats());
    }
}
