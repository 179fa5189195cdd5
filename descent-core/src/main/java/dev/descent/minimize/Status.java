package dev.descent.minimize;

/**
 * Why a minimizer stopped, in three kinds (as gonum/optimize separates convergence from an early
 * stop): {@link Kind#CONVERGED} (a convergence test fired: success), {@link Kind#STOPPED} (a
 * budget or the caller ended the run: not a failure, but x is not certified), and
 * {@link Kind#FAILED} (the method could not go on).
 */
public enum Status {
    /** ‖∇f(x)‖∞ ≤ gradTol, or liblbfgs's ‖∇f‖₂ / max(1, ‖x‖₂) ≤ relGradTol. */
    CONVERGED_GRADIENT(Kind.CONVERGED, "gradient norm below tolerance"),
    /** |f(xₖ) − f(xₖ₊₁)| / max(|f(xₖ)|, |f(xₖ₊₁)|, 1) ≤ fTol. */
    CONVERGED_F(Kind.CONVERGED, "relative change in f below tolerance"),
    /** ‖xₖ₊₁ − xₖ‖∞ ≤ xTol. */
    CONVERGED_X(Kind.CONVERGED, "change in x below tolerance"),
    /**
     * No step decreased f, even along −∇f with the memory reset, at a point where the relative
     * gradient max|gᵢ|·max(|xᵢ|, 1) / max(|f|, 1) is at most {@link Settings#precisionTol()}:
     * f's rounding error hides any further decrease, so x is as good as f's precision allows.
     */
    CONVERGED_PRECISION(Kind.CONVERGED, "f cannot decrease within its rounding error; relative gradient below tolerance"),
    /** The iteration budget was used up (the normal end of a fixed-budget first-order run). */
    ITERATION_LIMIT(Kind.STOPPED, "iteration limit reached"),
    /** The budget of function evaluations was used up. */
    EVALUATION_LIMIT(Kind.STOPPED, "function evaluation limit reached"),
    /** The wall-clock time limit passed. */
    TIME_LIMIT(Kind.STOPPED, "time limit reached"),
    /** The caller's {@link Callback} asked to stop. */
    STOPPED_BY_CALLBACK(Kind.STOPPED, "stopped by the callback"),
    /**
     * No step decreased f, even along −∇f with the memory reset, and the relative gradient is
     * above {@link Settings#precisionTol()}: a real failure (a wrong gradient, a badly scaled
     * problem, or a non-smooth f).
     */
    LINE_SEARCH_FAILED(Kind.FAILED, "line search failed to decrease f, also along steepest descent"),
    /** f or ∇f was NaN or infinite; the result holds the last finite point. */
    NON_FINITE(Kind.FAILED, "f or its gradient became NaN or infinite");

    /** The three kinds of ending. */
    public enum Kind {
        /** A convergence test fired: printed as "success". */
        CONVERGED,
        /** A budget or the caller ended the run: printed as "stopped". */
        STOPPED,
        /** The method could not continue: printed as "failure". */
        FAILED;

        /**
         * The word {@link Result#toString()} prints for this kind.
         *
         * @return {@code success}, {@code stopped} or {@code failure}
         */
        public String label() {
            return switch (this) {
                case CONVERGED -> "success";
                case STOPPED -> "stopped";
                case FAILED -> "failure";
            };
        }
    }

    private final Kind kind;
    private final String message;

    Status(Kind kind, String message) {
        this.kind = kind;
        this.message = message;
    }

    /**
     * Which kind of ending this is.
     *
     * @return converged, stopped or failed
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Whether a convergence test fired.
     *
     * @return true for the {@code CONVERGED_*} statuses
     */
    public boolean converged() {
        return kind == Kind.CONVERGED;
    }

    /**
     * Whether the method failed (line search, non-finite values); a used-up budget is not a failure.
     *
     * @return true for {@link #LINE_SEARCH_FAILED} and {@link #NON_FINITE}
     */
    public boolean failed() {
        return kind == Kind.FAILED;
    }

    /**
     * A short human explanation.
     *
     * @return for example {@code "iteration limit reached"}
     */
    public String message() {
        return message;
    }
}
