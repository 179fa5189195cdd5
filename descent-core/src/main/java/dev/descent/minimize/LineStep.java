package dev.descent.minimize;

/**
 * The outcome of one line search.
 *
 * @param alpha the chosen step α (the last one evaluated when {@code outcome} is not
 *     {@link Outcome#FAILED})
 * @param phi φ(α)
 * @param dphi φ′(α)
 * @param evaluations how many times φ was evaluated
 * @param outcome what the search achieved
 */
public record LineStep(double alpha, double phi, double dphi, int evaluations, Outcome outcome) {

    /** What a line search achieved. */
    public enum Outcome {
        /** The search's own conditions hold at α (Armijo, or strong Wolfe for Moré–Thuente). */
        SATISFIED,
        /** φ(α) &lt; φ(0), but the search stopped before its conditions held (rounding, budget). */
        DECREASE_ONLY,
        /** No point with φ(α) &lt; φ(0) was found. */
        FAILED
    }

    /**
     * Whether the step may be taken: φ(α) decreased.
     *
     * @return true unless the outcome is {@link Outcome#FAILED}
     */
    public boolean accepted() {
        return outcome != Outcome.FAILED;
    }
}
