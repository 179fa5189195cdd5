package dev.descent.minimize;

/**
 * When a minimizer stops, and what it records. Immutable and validated; start from
 * {@link #DEFAULTS} and change fields with the {@code with*} methods.
 *
 * <p>Stopping tests, checked in this order after every iteration (a test with tolerance 0 is off):
 * <ul>
 *   <li>gradient: ‖∇f(x)‖∞ ≤ {@code gradTol} (default 1e-8, as Optim.jl), or
 *       ‖∇f(x)‖₂ / max(1, ‖x‖₂) ≤ {@code relGradTol} (liblbfgs's test; default 0 = off);
 *   <li>f: |fₖ − fₖ₊₁| ≤ {@code fTol} · max(|fₖ|, |fₖ₊₁|, 1) (scipy L-BFGS-B's form; default 0);
 *   <li>x: ‖xₖ₊₁ − xₖ‖∞ ≤ {@code xTol} (default 0);
 *   <li>limits: {@code maxIterations} (default 1000), {@code maxEvaluations} of f (default
 *       100 000), {@code timeLimitSeconds} (default +∞).
 * </ul>
 *
 * @param gradTol tolerance on the ∞-norm of the gradient, ≥ 0
 * @param relGradTol tolerance on ‖∇f‖₂ / max(1, ‖x‖₂), ≥ 0
 * @param fTol relative tolerance on the change of f, ≥ 0
 * @param xTol tolerance on the ∞-norm of the step, ≥ 0
 * @param maxIterations iteration budget, ≥ 0
 * @param maxEvaluations budget of objective evaluations, ≥ 1
 * @param timeLimitSeconds wall-clock limit, &gt; 0 (may be +∞)
 * @param trace whether to record one {@link Iterate} per iteration
 * @param traceX whether the trace records x at every dimension (it always does when n ≤ 10)
 */
public record Settings(
        double gradTol,
        double relGradTol,
        double fTol,
        double xTol,
        int maxIterations,
        long maxEvaluations,
        double timeLimitSeconds,
        boolean trace,
        boolean traceX) {

    /** gradTol 1e-8, every other tolerance off, 1000 iterations, 100 000 evaluations, no trace. */
    public static final Settings DEFAULTS =
            new Settings(1e-8, 0, 0, 0, 1000, 100_000, Double.POSITIVE_INFINITY, false, false);

    /** Validates every field; see the class comment for the ranges. */
    public Settings {
        requireTolerance("gradTol", gradTol);
        requireTolerance("relGradTol", relGradTol);
        requireTolerance("fTol", fTol);
        requireTolerance("xTol", xTol);
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be >= 1, got " + maxEvaluations);
        }
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("timeLimitSeconds must be > 0, got " + timeLimitSeconds);
        }
    }

    private static void requireTolerance(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    public Settings withGradTol(double v) {
        return new Settings(v, relGradTol, fTol, xTol, maxIterations, maxEvaluations, timeLimitSeconds, trace, traceX);
    }

    public Settings withRelGradTol(double v) {
        return new Settings(gradTol, v, fTol, xTol, maxIterations, maxEvaluations, timeLimitSeconds, trace, traceX);
    }

    public Settings withFTol(double v) {
        return new Settings(gradTol, relGradTol, v, xTol, maxIterations, maxEvaluations, timeLimitSeconds, trace, traceX);
    }

    public Settings withXTol(double v) {
        return new Settings(gradTol, relGradTol, fTol, v, maxIterations, maxEvaluations, timeLimitSeconds, trace, traceX);
    }

    public Settings withMaxIterations(int v) {
        return new Settings(gradTol, relGradTol, fTol, xTol, v, maxEvaluations, timeLimitSeconds, trace, traceX);
    }

    public Settings withMaxEvaluations(long v) {
        return new Settings(gradTol, relGradTol, fTol, xTol, maxIterations, v, timeLimitSeconds, trace, traceX);
    }

    public Settings withTimeLimitSeconds(double v) {
        return new Settings(gradTol, relGradTol, fTol, xTol, maxIterations, maxEvaluations, v, trace, traceX);
    }

    public Settings withTrace(boolean v) {
        return new Settings(gradTol, relGradTol, fTol, xTol, maxIterations, maxEvaluations, timeLimitSeconds, v, traceX);
    }

    public Settings withTraceX(boolean v) {
        return new Settings(gradTol, relGradTol, fTol, xTol, maxIterations, maxEvaluations, timeLimitSeconds, trace, v);
    }
}
