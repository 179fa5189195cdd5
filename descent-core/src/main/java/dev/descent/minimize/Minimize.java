package dev.descent.minimize;

import dev.descent.linalg.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point: {@code Minimize.run(objective, x0, method, settings)} minimizes an
 * {@link Objective} from x0 and returns a {@link Result} that says why it stopped.
 *
 * <p>Every line-search method runs through one generic loop (as in Optim.jl):
 * <ol>
 *   <li>stop if a test of {@link Settings} fires (gradient, then the limits);
 *   <li>d ← the direction rule's proposal; if it is not a descent direction (dᵀ∇f ≥ 0 or
 *       non-finite), reset the rule's memory and take its fresh proposal, else −∇f;
 *   <li>α ← the line search from the first trial α₀: 1 for Newton-type and for quasi-Newton
 *       rules with curvature memory, 1/‖d‖₂ at the start or after a reset (as liblbfgs), and
 *       αₖ₋₁·∇fₖ₋₁ᵀdₖ₋₁ / ∇fₖᵀdₖ for gradient descent and CG (Nocedal–Wright eq. 3.60);
 *   <li>if the search found no decrease, reset the memory and retry along −∇f; if that fails
 *       too, stop with {@link Status#LINE_SEARCH_FAILED};
 *   <li>x ← x + αd, update the rule with s = αd and y = ∇fₖ₊₁ − ∇fₖ; then the f and x tests.
 * </ol>
 * A NaN or infinite f or ∇f at the accepted point stops the run with {@link Status#NON_FINITE}
 * and the last finite x; nothing inside the loop throws for a numerical reason.
 *
 * <p>Not thread-safe per call's objective; different runs are independent.
 */
public final class Minimize {

    /** The most elements of one Java array (a few below Integer.MAX_VALUE, as the JDK allows). */
    private static final long MAX_DENSE = Integer.MAX_VALUE - 8;

    private Minimize() {}

    /** Runs {@code method} with {@link Settings#DEFAULTS}. */
    public static Result run(Objective objective, double[] x0, Method method) {
        return run(objective, x0, method, Settings.DEFAULTS);
    }

    /**
     * Minimizes {@code objective} from {@code x0} (not modified).
     *
     * @throws IllegalArgumentException when x0's length differs from the objective's dimension,
     *     when {@link Method.Newton} meets an objective without a Hessian (use newton-cg), or when
     *     Newton or BFGS would need an n×n array larger than Java allows (n &gt; 46340)
     */
    public static Result run(Objective objective, double[] x0, Method method, Settings settings) {
        int n = objective.dimension();
        if (x0.length != n) {
            throw new IllegalArgumentException("x0 has length " + x0.length + " but the objective has dimension " + n);
        }
        if (method instanceof Method.Newton && !objective.hasHessian()) {
            throw new IllegalArgumentException(
                    "newton needs the exact Hessian, which this objective does not provide; use newton-cg");
        }
        if ((method instanceof Method.Newton || method instanceof Method.Bfgs) && (long) n * n > MAX_DENSE) {
            throw new IllegalArgumentException(method.name() + " stores a dense n×n matrix, which a Java array holds only up to n = "
                    + (int) Math.sqrt(MAX_DENSE) + " (n = " + n + " here); use lbfgs or newton-cg");
        }
        if (method instanceof Method.FirstOrder fo) {
            return FirstOrderRun.run(objective, x0, fo, settings);
        }
        long t0 = System.nanoTime();
        Evaluator ev = new Evaluator(objective);
        Direction dir = switch (method) {
            case Method.GradientDescent m -> new SteepestDescentDirection();
            case Method.Newton m -> new NewtonDirection(n, ev);
            case Method.Bfgs m -> new BfgsDirection(n);
            case Method.Lbfgs m -> new LbfgsDirection(n, m.memory());
            case Method.NewtonCg m -> new NewtonCgDirection(n, ev);
            case Method.ConjugateGradient m -> new CgDirection(n, m.variant() == Method.ConjugateGradient.Variant.HAGER_ZHANG);
            case Method.FirstOrder m -> throw new AssertionError();
        };
        LineSearch ls = switch (method) {
            case Method.GradientDescent m -> m.lineSearch();
            case Method.Newton m -> m.lineSearch();
            case Method.Bfgs m -> m.lineSearch();
            case Method.Lbfgs m -> m.lineSearch();
            case Method.NewtonCg m -> m.lineSearch();
            case Method.ConjugateGradient m -> m.lineSearch();
            case Method.FirstOrder m -> throw new AssertionError();
        };
        boolean traceX = settings.traceX() || n <= 10;
        List<Iterate> trace = settings.trace() ? new ArrayList<>() : List.of();

        double[] x = x0.clone();
        double[] g = new double[n];
        double[] d = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        Ray ray = new Ray(ev, new double[n], new double[n]);
        double f = ev.evaluate(x, g);
        if (!Double.isFinite(f) || !Vec.isFinite(g)) {
            return result(method, x, f, Vec.normInf(g), Status.NON_FINITE, 0, ev, t0, Double.NaN, Double.NaN, settings, trace);
        }
        double gInf = Vec.normInf(g);
        if (settings.trace()) {
            trace.add(new Iterate(0, f, gInf, 0, ev.fEvals, traceX ? x.clone() : null));
        }
        double relGrad = settings.relGradTol() > 0 ? relativeGradient(g, x) : Double.POSITIVE_INFINITY;
        double xChange = Double.NaN;
        double fChange = Double.NaN;
        double prevAlpha = Double.NaN;
        double prevDg = Double.NaN;
        boolean fresh = true; // no usable step history for the α₀ of gradient descent / CG
        int k = 0;
        Status status;
        while (true) {
            // 1. stopping tests
            if (gInf <= settings.gradTol() || relGrad <= settings.relGradTol()) {
                status = Status.CONVERGED_GRADIENT;
                break;
            }
            if (k >= settings.maxIterations()) {
                status = Status.ITERATION_LIMIT;
                break;
            }
            if (ev.fEvals >= settings.maxEvaluations()) {
                status = Status.EVALUATION_LIMIT;
                break;
            }
            if ((System.nanoTime() - t0) * 1e-9 > settings.timeLimitSeconds()) {
                status = Status.TIME_LIMIT;
                break;
            }
            // 2. direction
            double dg = dir.compute(x, g, d);
            if (!(dg < 0) || !Double.isFinite(dg)) {
                dir.reset();
                fresh = true;
                dg = dir.compute(x, g, d);
                if (!(dg < 0) || !Double.isFinite(dg)) {
                    dg = steepest(g, d);
                }
            }
            // 3. line search
            double alpha0;
            if (dir.unitStep()) {
                alpha0 = 1;
            } else if (fresh || !(prevAlpha > 0)) {
                alpha0 = 1 / Vec.norm2(d);
            } else {
                alpha0 = prevAlpha * prevDg / dg;
            }
            if (!(alpha0 > 0) || !Double.isFinite(alpha0)) {
                alpha0 = 1;
            }
            ray.sawNonFinite = false;
            ray.sawFinite = false;
            ray.along(x, d);
            LineStep step = ls.search(ray, f, dg, alpha0);
            // 4. fallback: forget the memory, go along −∇f
            if (!step.accepted()) {
                dir.reset();
                fresh = true;
                dg = steepest(g, d);
                ray.along(x, d);
                step = ls.search(ray, f, dg, 1 / Vec.norm2(d));
                if (!step.accepted()) {
                    // NON_FINITE only when every trial point was NaN/∞; otherwise no decrease was found
                    status = ray.sawNonFinite && !ray.sawFinite ? Status.NON_FINITE : Status.LINE_SEARCH_FAILED;
                    break;
                }
            }
            if (ray.alpha != step.alpha()) {
                ray.evaluate(step.alpha());
            }
            double fNew = ray.f;
            double[] xNew = ray.xt;
            double[] gNew = ray.gt;
            if (!Double.isFinite(fNew) || !Vec.isFinite(gNew)) {
                status = Status.NON_FINITE;
                break;
            }
            // 5. accept; one pass for ‖s‖∞, ‖∇f‖∞ and liblbfgs's ‖∇f‖₂/max(1, ‖x‖₂)
            double sInf = 0;
            double gNewInf = 0;
            double gg = 0;
            double xx = 0;
            for (int i = 0; i < n; i++) {
                double si = Math.abs(xNew[i] - x[i]);
                double gi = gNew[i];
                double ga = Math.abs(gi);
                if (si > sInf) {
                    sInf = si;
                }
                if (ga > gNewInf) {
                    gNewInf = ga;
                }
                gg += gi * gi;
                xx += xNew[i] * xNew[i];
            }
            relGrad = Math.sqrt(gg) / Math.max(1, Math.sqrt(xx));
            dir.step(x, xNew, g, gNew, step.alpha(), s, y);
            ray.xt = x;
            ray.gt = g;
            ray.alpha = Double.NaN; // its buffers now hold the old point
            x = xNew;
            g = gNew;
            double fOld = f;
            f = fNew;
            xChange = sInf;
            fChange = Math.abs(fOld - fNew);
            prevAlpha = step.alpha();
            prevDg = dg;
            fresh = false;
            k++;
            gInf = gNewInf;
            if (settings.trace()) {
                trace.add(new Iterate(k, f, gInf, step.alpha(), ev.fEvals, traceX ? x.clone() : null));
            }
            if (gInf <= settings.gradTol() || relGrad <= settings.relGradTol()) {
                status = Status.CONVERGED_GRADIENT;
                break;
            }
            if (settings.fTol() > 0 && fChange <= settings.fTol() * Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1)) {
                status = Status.CONVERGED_F;
                break;
            }
            if (settings.xTol() > 0 && xChange <= settings.xTol()) {
                status = Status.CONVERGED_X;
                break;
            }
        }
        return result(method, x, f, gInf, status, k, ev, t0, xChange, fChange, settings, trace);
    }

    /** d ← −g; returns dᵀg = −‖g‖². */
    private static double steepest(double[] g, double[] d) {
        double dg = 0;
        for (int i = 0; i < g.length; i++) {
            d[i] = -g[i];
            dg -= g[i] * g[i];
        }
        return dg;
    }

    /** ‖g‖₂ / max(1, ‖x‖₂), liblbfgs's convergence measure. */
    static double relativeGradient(double[] g, double[] x) {
        double gg = 0;
        double xx = 0;
        for (int i = 0; i < g.length; i++) {
            gg += g[i] * g[i];
            xx += x[i] * x[i];
        }
        return Math.sqrt(gg) / Math.max(1, Math.sqrt(xx));
    }

    private static Result result(Method method, double[] x, double f, double gInf, Status status, int k,
            Evaluator ev, long t0, double xChange, double fChange, Settings settings, List<Iterate> trace) {
        double seconds = (System.nanoTime() - t0) * 1e-9;
        return new Result(method.name(), x, f, gInf, status, k, ev.fEvals, ev.gEvals, ev.hEvals, ev.hvEvals,
                seconds, xChange, fChange, settings, trace);
    }
}
