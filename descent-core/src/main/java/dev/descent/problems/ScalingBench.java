package dev.descent.problems;

import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the wall time per iteration of minimizers against the dimension N on one problem
 * family (the extended Rosenbrock function, MGH problem 21, from its standard start), and fits
 * log t = a + b·log N per method. The lecture's claim is b ≈ 3 for Newton (dense Cholesky),
 * b ≈ 2 for BFGS (dense inverse-Hessian update) and b ≈ 1 for L-BFGS (O(mN)); at small N the
 * O(N) cost of f and ∇f and fixed overheads lower the measured slopes.
 *
 * <p>Each point runs the method for a fixed number of iterations (gradient tolerance 0, so that
 * it does not stop early; a run that stops anyway is timed over the iterations it made), at
 * least {@code repeats} times and until 0.3 s have been spent (at most 1000 runs), and keeps the
 * median with the range. One warm-up run per method at the smallest N goes
 * first so that the JIT has compiled the loops. Used by {@code descent bench scaling} and the tour.
 */
public final class ScalingBench {

    private ScalingBench() {}

    /** The problem family: the extended Rosenbrock function (MGH 21) at its standard start. */
    public static final String PROBLEM = "extended-rosenbrock";

    /**
     * One measurement.
     *
     * @param method the method name
     * @param n the dimension
     * @param secondsPerIteration median over the repeats of wall time / iterations
     * @param minSeconds the fastest repeat's time per iteration
     * @param maxSeconds the slowest repeat's time per iteration
     * @param iterations iterations per run
     * @param runs how many runs the median is taken over
     */
    public record Point(String method, int n, double secondsPerIteration, double minSeconds, double maxSeconds,
            int iterations, int runs) {}

    /**
     * The measured points and the fitted log–log slope per method.
     *
     * @param points every (method, n) measurement, methods in the order given
     * @param slopes method → least-squares slope of log(seconds per iteration) on log N, all dims
     * @param tailSlopes method → the same slope over the three largest dims (the asymptotic regime)
     */
    public record Report(List<Point> points, Map<String, Double> slopes, Map<String, Double> tailSlopes) {}

    /**
     * Runs the measurement.
     *
     * @param methods method names for {@link Method#named} (e.g. newton, bfgs, lbfgs)
     * @param dims dimensions, even (the problem needs pairs), ascending
     * @param iterations iterations per run, ≥ 1
     * @param repeats the least number of runs per point, ≥ 1
     * @return the points (median seconds per iteration with their range) and the fitted slopes
     * @throws IllegalArgumentException for an unknown method, an odd or non-positive dimension
     */
    public static Report run(List<String> methods, int[] dims, int iterations, int repeats) {
        return run(methods, dims, iterations, repeats, DEFAULT_MIN_SECONDS);
    }

    /** The least time spent per point by {@link #run(List, int[], int, int)}: 0.3 s. */
    public static final double DEFAULT_MIN_SECONDS = 0.3;

    /**
     * As {@link #run(List, int[], int, int)}, with runs repeated until {@code minSeconds} have
     * been spent on a point (at least {@code repeats} runs, at most 1000 or {@code repeats}).
     *
     * @param methods method names for {@link Method#named} (e.g. newton, bfgs, lbfgs)
     * @param dims dimensions, even (the problem needs pairs)
     * @param iterations iterations per run, ≥ 1
     * @param repeats the least number of runs per point, ≥ 1
     * @param minSeconds the least wall time per point, ≥ 0 (0: exactly {@code repeats} runs)
     * @return the points (median seconds per iteration with their range) and the fitted slopes
     */
    public static Report run(List<String> methods, int[] dims, int iterations, int repeats, double minSeconds) {
        if (!(minSeconds >= 0) || Double.isInfinite(minSeconds)) {
            throw new IllegalArgumentException("minSeconds must be finite and ≥ 0, got " + minSeconds);
        }
        if (iterations < 1 || repeats < 1) {
            throw new IllegalArgumentException("iterations and repeats must be ≥ 1, got " + iterations + " and " + repeats);
        }
        if (dims.length == 0) {
            throw new IllegalArgumentException("give at least one dimension");
        }
        int[] sorted = dims.clone();
        Arrays.sort(sorted);
        for (int n : sorted) {
            if (n < 2 || n % 2 != 0) {
                throw new IllegalArgumentException("dimension " + n + " is not allowed: the extended Rosenbrock "
                        + "function needs an even N >= 2");
            }
        }
        List<Method> ms = new ArrayList<>();
        for (String name : methods) {
            Method m = Method.named(name.strip());
            if (m instanceof Method.FirstOrder) {
                throw new IllegalArgumentException("the scaling benchmark times line-search methods; '" + name
                        + "' is a first-order optimizer");
            }
            ms.add(m);
        }
        Settings s = Settings.DEFAULTS.withGradTol(0).withMaxIterations(iterations);
        List<Point> points = new ArrayList<>();
        Map<String, Double> slopes = new LinkedHashMap<>();
        Map<String, Double> tails = new LinkedHashMap<>();
        for (Method m : ms) {
            Problem warm = Problems.named(PROBLEM, sorted[0]);
            Minimize.run(warm.objective(), warm.x0(), m, s);
            double[] logN = new double[sorted.length];
            double[] logT = new double[sorted.length];
            for (int k = 0; k < sorted.length; k++) {
                int n = sorted[k];
                Problem p = Problems.named(PROBLEM, n);
                // at least `repeats` runs, and more (up to 1000) until minSeconds have been spent, so that
                // the cheap points are medians over many runs on a shared, noisy machine
                double[] t = new double[Math.max(repeats, 1000)];
                int runs = 0;
                int its = 0;
                long spent = 0;
                long budget = (long) (minSeconds * 1e9);
                while (runs < repeats || (spent < budget && runs < t.length)) {
                    long t0 = System.nanoTime();
                    Result res = Minimize.run(p.objective(), p.x0(), m, s);
                    long dt = System.nanoTime() - t0;
                    spent += dt;
                    its = Math.max(1, res.iterations());
                    t[runs++] = dt * 1e-9 / its;
                }
                t = Arrays.copyOf(t, runs);
                Arrays.sort(t);
                double median = runs % 2 == 1 ? t[runs / 2] : 0.5 * (t[runs / 2 - 1] + t[runs / 2]);
                points.add(new Point(m.name(), n, median, t[0], t[runs - 1], its, runs));
                logN[k] = Math.log(n);
                logT[k] = Math.log(median);
            }
            slopes.put(m.name(), slope(logN, logT, 0));
            tails.put(m.name(), slope(logN, logT, Math.max(0, sorted.length - 3)));
        }
        return new Report(List.copyOf(points), slopes, tails);
    }

    /**
     * Least-squares slope of y on x over indices [from, end); NaN with fewer than two points.
     *
     * @param x the abscissae
     * @param y the ordinates, as many as {@code x}
     * @param from the first index used
     * @return the slope, or NaN with fewer than two points
     */
    public static double slope(double[] x, double[] y, int from) {
        int k = x.length - from;
        if (k < 2) {
            return Double.NaN;
        }
        double mx = 0, my = 0;
        for (int i = from; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= k;
        my /= k;
        double sxy = 0, sxx = 0;
        for (int i = from; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
