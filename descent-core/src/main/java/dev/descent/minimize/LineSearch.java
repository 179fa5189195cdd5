package dev.descent.minimize;

/**
 * A line search: given φ(α) = f(x + α·d) with φ′(0) &lt; 0, choose a step α &gt; 0.
 * The two implementations are {@link Armijo} (backtracking to sufficient decrease) and
 * {@link MoreThuente} (strong Wolfe conditions). Both are immutable configurations; a search
 * keeps its working state in local variables, so one instance serves any number of runs.
 *
 * <p>Both treat a non-finite φ(α) or φ′(α) as "the step is too long" and shorten it.
 */
public sealed interface LineSearch permits Armijo, MoreThuente {

    /**
     * Searches along φ.
     *
     * @param phi the line function; its last evaluation is at the returned α whenever the
     *     outcome is {@link LineStep.Outcome#SATISFIED}
     * @param phi0 φ(0)
     * @param dphi0 φ′(0), negative
     * @param alpha0 the first trial step, &gt; 0
     * @return the step and what the search achieved
     */
    LineStep search(LineFunction phi, double phi0, double dphi0, double alpha0);

    /**
     * A short name.
     *
     * @return {@code armijo} or {@code more-thuente}
     */
    String name();
}
