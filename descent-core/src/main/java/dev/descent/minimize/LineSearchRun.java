package dev.descent.minimize;

import dev.descent.linalg.Vec;

/**
 * The run of a line-search method (everything but {@link Method.FirstOrder}): the state of one
 * {@link Minimize#run}, with its {@link #start} and {@link #iterate} steps (as Optim.jl's
 * {@code initial_state} and {@code update_state!}). See {@link Minimize} for the loop's rules.
 */
final class LineSearchRun {
    private final Method method;
    private final Evaluator ev;
    private final Direction dir;
    private final LineSearch ls;
    private final Monitor monitor;
    private final int n;

    private double[] x;
    private double[] g;
    private final double[] d;
    private final double[] s;
    private final double[] y;
    private final Ray ray;
    private double f;
    private double gInf;
    private Result.Measures measures = Result.Measures.NONE;
    private double prevAlpha = Double.NaN;
    private double prevDg = Double.NaN;
    /** No usable step history for the α₀ of gradient descent and CG. */
    private boolean fresh = true;
    private int k;

    LineSearchRun(Objective objective, double[] x0, Method method, Settings settings, Callback callback) {
        this.method = method;
        this.n = x0.length;
        this.ev = new Evaluator(objective);
        this.monitor = new Monitor(settings, callback, n);
        this.dir = switch (method) {
            case Method.GradientDescent m -> new SteepestDescentDirection();
            case Method.Newton m -> new NewtonDirection(n, ev);
            case Method.Bfgs m -> new BfgsDirection(n);
            case Method.Lbfgs m -> new LbfgsDirection(n, m.memory());
            case Method.NewtonCg m -> new NewtonCgDirection(n, ev);
            case Method.ConjugateGradient m -> new CgDirection(n, m.variant() == Method.ConjugateGradient.Variant.HAGER_ZHANG);
            case Method.FirstOrder m -> throw new IllegalArgumentException("first-order methods run in FirstOrderRun");
        };
        this.ls = switch (method) {
            case Method.GradientDescent m -> m.lineSearch();
            case Method.Newton m -> m.lineSearch();
            case Method.Bfgs m -> m.lineSearch();
            case Method.Lbfgs m -> m.lineSearch();
            case Method.NewtonCg m -> m.lineSearch();
            case Method.ConjugateGradient m -> m.lineSearch();
            case Method.FirstOrder m -> throw new AssertionError();
        };
        this.x = x0.clone();
        this.g = new double[n];
        this.d = new double[n];
        this.s = new double[n];
        this.y = new double[n];
        this.ray = new Ray(ev, new double[n], new double[n]);
    }

    /** Runs to a status. */
    Result run() {
        Status status = start();
        while (status == null) {
            status = iterate();
        }
        Result.Stats stats = new Result.Stats(k, ev.fEvals, ev.gEvals, ev.hEvals, ev.hvEvals, monitor.seconds());
        return new Result(method.name(), new Result.Location(x, f, g, gInf), stats, status, measures,
                Result.Precision.DOUBLE, monitor.settings, monitor.trace);
    }

    /** Evaluates x₀ and runs the stopping test there; returns a status to stop with, or null. */
    private Status start() {
        f = ev.evaluate(x, g);
        gInf = Vec.normInf(g);
        if (!Double.isFinite(f) || !Vec.isFinite(g)) {
            return Status.NON_FINITE;
        }
        double relGrad = monitor.wantsRelativeGradient() ? Stopping.relativeGradient(g, x) : Double.POSITIVE_INFINITY;
        return monitor.check(0, x, f, gInf, relGrad, 0, ev.fEvals, measures);
    }

    /**
     * One iteration: direction, line search (falling back to −∇f with the memory reset), accept
     * the step, update the direction rule, then the stopping test. Returns a status to stop
     * with, or null.
     */
    private Status iterate() {
        // 1. direction; a non-descent proposal resets the rule's memory, then −∇f
        double dg = dir.compute(x, g, d);
        if (!(dg < 0) || !Double.isFinite(dg)) {
            dir.reset();
            fresh = true;
            dg = dir.compute(x, g, d);
            if (!(dg < 0) || !Double.isFinite(dg)) {
                dg = steepest(g, d);
            }
        }
        // 2. line search from α₀
        ray.sawNonFinite = false;
        ray.sawFinite = false;
        ray.along(x, d);
        LineStep step = ls.search(ray, f, dg, firstTrial(dg));
        // 3. fallback: forget the memory, go along −∇f
        if (!step.accepted()) {
            dir.reset();
            fresh = true;
            dg = steepest(g, d);
            ray.along(x, d);
            step = ls.search(ray, f, dg, 1 / Vec.norm2(d));
            if (!step.accepted()) {
                // NON_FINITE only when every trial point was NaN/∞; otherwise no decrease was found
                if (ray.sawNonFinite && !ray.sawFinite) {
                    return Status.NON_FINITE;
                }
                return Stopping.scaledGradient(g, x, f) <= monitor.settings.precisionTol()
                        ? Status.CONVERGED_PRECISION
                        : Status.LINE_SEARCH_FAILED;
            }
        }
        if (ray.alpha != step.alpha()) {
            ray.evaluate(step.alpha());
        }
        if (!Double.isFinite(ray.f) || !Vec.isFinite(ray.gt)) {
            return Status.NON_FINITE;
        }
        // 4. accept; one pass for ‖s‖∞, ‖∇f‖∞ and liblbfgs's ‖∇f‖₂/max(1, ‖x‖₂)
        double[] xNew = ray.xt;
        double[] gNew = ray.gt;
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
        double relGrad = monitor.wantsRelativeGradient() ? Math.sqrt(gg) / Math.max(1, Math.sqrt(xx)) : Double.POSITIVE_INFINITY;
        dir.step(x, xNew, g, gNew, step.alpha(), s, y);
        // swap buffers: the ray's now hold the old point
        ray.xt = x;
        ray.gt = g;
        ray.alpha = Double.NaN;
        x = xNew;
        g = gNew;
        measures = Stopping.measures(sInf, f, ray.f);
        f = ray.f;
        gInf = gNewInf;
        prevAlpha = step.alpha();
        prevDg = dg;
        fresh = false;
        k++;
        return monitor.check(k, x, f, gInf, relGrad, step.alpha(), ev.fEvals, measures);
    }

    /**
     * α₀: 1 for Newton-type and for quasi-Newton rules with curvature memory, 1/‖d‖₂ at the start
     * or after a reset (as liblbfgs), and αₖ₋₁·∇fₖ₋₁ᵀdₖ₋₁ / ∇fₖᵀdₖ for gradient descent and CG
     * (Nocedal–Wright eq. 3.60).
     */
    private double firstTrial(double dg) {
        double alpha0;
        if (dir.unitStep()) {
            alpha0 = 1;
        } else if (fresh || !(prevAlpha > 0)) {
            alpha0 = 1 / Vec.norm2(d);
        } else {
            alpha0 = prevAlpha * prevDg / dg;
        }
        return alpha0 > 0 && Double.isFinite(alpha0) ? alpha0 : 1;
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
}
