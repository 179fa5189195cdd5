package dev.descent.minimize;

/**
 * When a minimizer stops, and what it records. Immutable and validated; start from
 * {@link #DEFAULTS} and change fields with the {@code with*} methods, each of which checks its
 * value ({@link IllegalArgumentException} naming the field).
 *
 * <p>Every method, first-order optimizers included, runs the same tests after every iteration
 * (gonum/optimize's {@code checkLocationConvergence}, then its limits), in this order; a
 * tolerance of 0 turns its test off:
 * <ol>
 *   <li>gradient: ‖∇f(x)‖∞ ≤ {@code gradTol} (default 1e-8, as Optim.jl), or
 *       ‖∇f(x)‖₂ / max(1, ‖x‖₂) ≤ {@code relGradTol} (liblbfgs's test; default 0 = off);
 *   <li>f: |fₖ − fₖ₊₁| / max(|fₖ|, |fₖ₊₁|, 1) ≤ {@code fTol} (scipy L-BFGS-B's form, where
 *       fTol = factr·ε_mach; default 0 = off);
 *   <li>x: ‖xₖ₊₁ − xₖ‖∞ ≤ {@code xTol} (default 0 = off);
 *   <li>limits: {@code maxIterations} (default 1000), {@code maxEvaluations} of f (default
 *       100 000), {@code timeLimitSeconds} (default +∞).
 * </ol>
 * A line search that cannot decrease f (also along −∇f) ends the run with
 * {@link Status#CONVERGED_PRECISION} when the relative gradient
 * max|gᵢ|·max(|xᵢ|, 1) / max(|f|, 1) is at most {@code precisionTol} (Dennis and Schnabel's
 * scaled gradient, default ε_mach^⅓ ≈ 6.06e-6, their default gradtol), and with
 * {@link Status#LINE_SEARCH_FAILED} otherwise. So a run that reaches the rounding floor of f, as
 * L-BFGS, BFGS, CG and Newton-CG do at ‖∇f‖∞ ≈ 1e-7 on a well-posed ridge regression whose f is
 * about 35 (RidgeRegressionTest), reports success, where scipy's defaults also do. The test is
 * stricter than Dennis and Schnabel's own stopping rule (their UMSTOP accepts a point whose
 * relative gradient is below ε^⅓ whether or not the line search could still move), so it cannot
 * call a point converged that their algorithm would not; a wrong gradient on an objective with a
 * very large |f| can pass it, which {@code withPrecisionTol(0)} rules out.
 *
 * @param gradTol tolerance on the ∞-norm of the gradient, finite and ≥ 0; default 1e-8
 * @param relGradTol tolerance on ‖∇f‖₂ / max(1, ‖x‖₂), finite and ≥ 0; default 0 (off)
 * @param fTol relative tolerance on the change of f, finite and ≥ 0; default 0 (off)
 * @param xTol tolerance on the ∞-norm of the step, finite and ≥ 0; default 0 (off)
 * @param precisionTol tolerance on the relative gradient under which a line search that cannot
 *     decrease f counts as convergence, finite and ≥ 0; default ε_mach^⅓ ≈ 6.06e-6; 0 makes every
 *     such search a {@link Status#LINE_SEARCH_FAILED}
 * @param maxIterations iteration budget, ≥ 0; default 1000
 * @param maxEvaluations budget of objective evaluations, ≥ 1; default 100 000
 * @param timeLimitSeconds wall-clock limit in seconds, &gt; 0 (may be +∞); default +∞
 * @param trace whether to record one {@link Iterate} per iteration; default false
 * @param traceX whether the trace records x at every dimension (it always does when n ≤ 10);
 *     default false
 */
public record Settings(
        double gradTol,
        double relGradTol,
        double fTol,
        double xTol,
        double precisionTol,
        int maxIterations,
        long maxEvaluations,
        double timeLimitSeconds,
        boolean trace,
        boolean traceX) {

    /** Dennis and Schnabel's default gradient tolerance, ε_mach^⅓ ≈ 6.06e-6. */
    public static final double CUBE_ROOT_EPS = Math.cbrt(Math.ulp(1.0));

    /**
     * gradTol 1e-8, precisionTol ε^⅓, the other tolerances off, 1000 iterations, 100 000
     * evaluations, no time limit, no trace.
     */
    public static final Settings DEFAULTS =
            new Settings(1e-8, 0, 0, 0, CUBE_ROOT_EPS, 1000, 100_000, Double.POSITIVE_INFINITY, false, false);

    /** Validates every field; see the class comment for the ranges. */
    public Settings {
        requireTolerance("gradTol", gradTol);
        requireTolerance("relGradTol", relGradTol);
        requireTolerance("fTol", fTol);
        requireTolerance("xTol", xTol);
        requireTolerance("precisionTol", precisionTol);
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

    /**
     * A copy with another gradient tolerance.
     *
     * @param v tolerance on ‖∇f‖∞, finite and ≥ 0 (0 = off)
     * @return the new settings
     */
    public Settings withGradTol(double v) {
        return new Settings(v, relGradTol, fTol, xTol, precisionTol, maxIterations, maxEvaluations, timeLimitSeconds, trace, traceX);
    }

    /**
     * A copy with another relative gradient tolerance (liblbfgs's ε).
     *
     * @param v tolerance on ‖∇f‖₂ / max(1, ‖x‖₂), finite and ≥ 0 (0 = off)
     * @return the new settings
     */
    public Settings withRelGradTol(double v) {
        return new Settings(gradTol, v, fTol, xTol, precisionTol, maxIterations, maxEvaluations, timeLimitSeconds, trace, traceX);
    }

    /**
     * A copy with another relative f tolerance (scipy L-BFGS-B's factr·ε_mach, 2.2e-9 there).
     *
     * @param v tolerance on |Δf| / max(|fₖ|, |fₖ₊₁|, 1), finite and ≥ 0 (0 = off)
     * @return the new settings
     */
    public Settings withFTol(double v) {
        return new Settings(gradTol, relGradTol, v, xTol, precisionTol, maxIterations, maxEvaluations, timeLimitSeconds, trace, traceX);
    }

    /**
     * A copy with another step tolerance.
     *
     * @param v tolerance on ‖xₖ₊₁ − xₖ‖∞, finite and ≥ 0 (0 = off)
     * @return the new settings
     */
    public Settings withXTol(double v) {
        return new Settings(gradTol, relGradTol, fTol, v, precisionTol, maxIterations, maxEvaluations, timeLimitSeconds, trace, traceX);
    }

    /**
     * A copy with another precision tolerance: the relative gradient under which a line search
     * that cannot decrease f ends in {@link Status#CONVERGED_PRECISION}.
     *
     * @param v tolerance on max|gᵢ|·max(|xᵢ|, 1) / max(|f|, 1), finite and ≥ 0 (0 = every such
     *     search is {@link Status#LINE_SEARCH_FAILED})
     * @return the new settings
     */
    public Settings withPrecisionTol(double v) {
        return new Settings(gradTol, relGradTol, fTol, xTol, v, maxIterations, maxEvaluations, timeLimitSeconds, trace, traceX);
    }

    /**
     * A copy with another iteration budget.
     *
     * @param v the number of iterations allowed, ≥ 0
     * @return the new settings
     */
    public Settings withMaxIterations(int v) {
        return new Settings(gradTol, relGradTol, fTol, xTol, precisionTol, v, maxEvaluations, timeLimitSeconds, trace, traceX);
    }

    /**
     * A copy with another evaluation budget.
     *
     * @param v the number of calls of {@link Objective#evaluate} allowed, ≥ 1
     * @return the new settings
     */
    public Settings withMaxEvaluations(long v) {
        return new Settings(gradTol, relGradTol, fTol, xTol, precisionTol, maxIterations, v, timeLimitSeconds, trace, traceX);
    }

    /**
     * A copy with another wall-clock limit.
     *
     * @param v seconds, &gt; 0 ({@link Double#POSITIVE_INFINITY} = none)
     * @return the new settings
     */
    public Settings withTimeLimitSeconds(double v) {
        return new Settings(gradTol, relGradTol, fTol, xTol, precisionTol, maxIterations, maxEvaluations, v, trace, traceX);
    }

    /**
     * A copy that does or does not record a trace.
     *
     * @param v whether {@link Result#trace()} holds one {@link Iterate} per iteration
     * @return the new settings
     */
    public Settings withTrace(boolean v) {
        return new Settings(gradTol, relGradTol, fTol, xTol, precisionTol, maxIterations, maxEvaluations, timeLimitSeconds, v, traceX);
    }

    /**
     * A copy that does or does not record x in the trace when n &gt; 10.
     *
     * @param v whether every {@link Iterate#x()} is recorded at any dimension
     * @return the new settings
     */
    public Settings withTraceX(boolean v) {
        return new Settings(gradTol, relGradTol, fTol, xTol, precisionTol, maxIterations, maxEvaluations, timeLimitSeconds, trace, v);
    }
}
