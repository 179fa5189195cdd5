package dev.descent.minimize;

import dev.descent.linalg.Vec;
import dev.descent.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a first-order {@link dev.descent.optim.Optimizer} on an {@link Objective}: at step t,
 * evaluate f and ∇f at the float32 parameters θₜ (widened to double), stop if
 * ‖∇f‖∞ ≤ gradTol, else θₜ₊₁ ← step(θₜ, ∇f, lr = schedule(t)). The precision boundary is
 * crossed once per step in each direction (x ↔ θ), the algorithm itself is the optimizer's.
 */
final class FirstOrderRun {

    private FirstOrderRun() {}

    static Result run(Objective objective, double[] x0, Method.FirstOrder method, Settings settings) {
        long t0 = System.nanoTime();
        int n = x0.length;
        Evaluator ev = new Evaluator(objective);
        Optimizer opt = method.optimizer().create(n);
        boolean traceX = settings.traceX() || n <= 10;
        List<Iterate> trace = settings.trace() ? new ArrayList<>() : List.of();
        float[] theta = new float[n];
        float[] grad = new float[n];
        Vec.toFloat(x0, theta);
        double[] x = new double[n];
        double[] g = new double[n];
        double[] xLast = new double[n];
        Vec.toDouble(theta, x);
        double fLast = Double.NaN;
        double gLast = Double.NaN;
        double xChange = Double.NaN;
        double fChange = Double.NaN;
        double lr = 0;
        Status status;
        int t = 0;
        while (true) {
            double f = ev.evaluate(x, g);
            if (!Double.isFinite(f) || !Vec.isFinite(g) || !Vec.isFinite(x)) {
                status = Status.NON_FINITE;
                if (t == 0) {
                    fLast = f;
                    gLast = Vec.normInf(g);
                    System.arraycopy(x, 0, xLast, 0, n);
                }
                break;
            }
            double gInf = Vec.normInf(g);
            if (t > 0) {
                double dx = 0;
                for (int i = 0; i < n; i++) {
                    dx = Math.max(dx, Math.abs(x[i] - xLast[i]));
                }
                xChange = dx;
                fChange = Math.abs(f - fLast);
            }
            System.arraycopy(x, 0, xLast, 0, n);
            fLast = f;
            gLast = gInf;
            if (settings.trace()) {
                trace.add(new Iterate(t, f, gInf, lr, ev.fEvals, traceX ? x.clone() : null));
            }
            if (gInf <= settings.gradTol()) {
                status = Status.CONVERGED_GRADIENT;
                break;
            }
            if (t >= settings.maxIterations()) {
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
            lr = method.schedule() == null ? method.optimizer().lr() : method.schedule().at(t);
            Vec.toFloat(g, grad);
            opt.step(theta, grad, lr);
            Vec.toDouble(theta, x);
            t++;
        }
        // t counts completed optimizer steps; when the run ended on a non-finite value, the last
        // step produced it and is not counted as an iteration that reached a valid point
        int iterations = status == Status.NON_FINITE ? Math.max(0, t - 1) : t;
        double seconds = (System.nanoTime() - t0) * 1e-9;
        return new Result(method.name(), xLast, fLast, gLast, status, iterations, ev.fEvals, ev.gEvals, 0, 0,
                seconds, xChange, fChange, settings, trace);
    }
}
