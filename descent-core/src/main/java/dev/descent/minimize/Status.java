package dev.descent.minimize;

/**
 * Why a minimizer stopped. The first three are convergence ({@link #converged()} is true); the
 * others say that it stopped early, and why, as in gonum/optimize's {@code Status}.
 */
public enum Status {
    /** ‖∇f(x)‖∞ ≤ gradTol (or the relative test ‖∇f‖₂ / max(1, ‖x‖₂) ≤ relGradTol fired). */
    CONVERGED_GRADIENT(true, "gradient norm below tolerance"),
    /** |f(xₖ) − f(xₖ₊₁)| ≤ fTol · max(|f(xₖ)|, |f(xₖ₊₁)|, 1). */
    CONVERGED_F(true, "relative change in f below tolerance"),
    /** ‖xₖ₊₁ − xₖ‖∞ ≤ xTol. */
    CONVERGED_X(true, "change in x below tolerance"),
    /** The iteration budget ran out. */
    ITERATION_LIMIT(false, "iteration limit reached"),
    /** The budget of function evaluations ran out. */
    EVALUATION_LIMIT(false, "function evaluation limit reached"),
    /** The wall-clock time limit passed. */
    TIME_LIMIT(false, "time limit reached"),
    /** No step decreased f, even along steepest descent with the memory reset. */
    LINE_SEARCH_FAILED(false, "line search failed to decrease f, also along steepest descent"),
    /** f or ∇f was NaN or infinite; the result holds the last finite point. */
    NON_FINITE(false, "f or its gradient became NaN or infinite");

    private final boolean converged;
    private final String message;

    Status(boolean converged, String message) {
        this.converged = converged;
        this.message = message;
    }

    /** Whether this status means a convergence criterion fired. */
    public boolean converged() {
        return converged;
    }

    /** A short human explanation. */
    public String message() {
        return message;
    }
}
