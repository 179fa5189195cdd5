package dev.descent.minimize;

/**
 * The one stopping test every minimizer runs after each iteration (gonum/optimize's
 * {@code checkLocationConvergence} followed by its limits), so that the line-search loop and the
 * first-order loop stop by the same rules; see {@link Settings} for the tests and their order.
 */
final class Stopping {

    private Stopping() {}

    /**
     * The convergence tests at a new iterate: gradient, then f, then x.
     *
     * @param s the settings
     * @param gInf ‖∇f(x)‖∞
     * @param relGrad ‖∇f‖₂ / max(1, ‖x‖₂), or +∞ when relGradTol is off
     * @param m the changes of the last iteration ({@link Result.Measures#NONE} at the start)
     * @return the convergence status, or null when no test fired
     */
    static Status location(Settings s, double gInf, double relGrad, Result.Measures m) {
        if (gInf <= s.gradTol() || relGrad <= s.relGradTol()) {
            return Status.CONVERGED_GRADIENT;
        }
        if (s.fTol() > 0 && m.relativeFChange() <= s.fTol()) {
            return Status.CONVERGED_F;
        }
        if (s.xTol() > 0 && m.xChange() <= s.xTol()) {
            return Status.CONVERGED_X;
        }
        return null;
    }

    /**
     * The budgets: iterations, evaluations, time.
     *
     * @return the limit that was reached, or null
     */
    static Status limits(Settings s, int iterations, long fEvals, long startNanos) {
        if (iterations >= s.maxIterations()) {
            return Status.ITERATION_LIMIT;
        }
        if (fEvals >= s.maxEvaluations()) {
            return Status.EVALUATION_LIMIT;
        }
        if ((System.nanoTime() - startNanos) * 1e-9 > s.timeLimitSeconds()) {
            return Status.TIME_LIMIT;
        }
        return null;
    }

    /** The changes of one iteration from fOld to f with step ∞-norm {@code xChange}. */
    static Result.Measures measures(double xChange, double fOld, double f) {
        double df = Math.abs(fOld - f);
        return new Result.Measures(xChange, df, df / Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1));
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

    /**
     * max|gᵢ|·max(|xᵢ|, 1) / max(|f|, 1): the relative change of f per relative change of x
     * (Dennis and Schnabel, <i>Numerical Methods for Unconstrained Optimization</i>, §7.2).
     */
    static double scaledGradient(double[] g, double[] x, double f) {
        double m = 0;
        for (int i = 0; i < g.length; i++) {
            m = Math.max(m, Math.abs(g[i]) * Math.max(Math.abs(x[i]), 1));
        }
        return m / Math.max(Math.abs(f), 1);
    }
}
