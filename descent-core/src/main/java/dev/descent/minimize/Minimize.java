package dev.descent.minimize;

/**
 * The entry point: {@code Minimize.run(objective, x0, method, settings)} minimizes an
 * {@link Objective} from x0 and returns a {@link Result} that says why it stopped.
 *
 * <p>Every line-search method runs through one generic loop (as in Optim.jl): a start step that
 * evaluates x₀, then iterations of
 * <ol>
 *   <li>d ← the direction rule's proposal; if it is not a descent direction (dᵀ∇f ≥ 0 or
 *       non-finite), reset the rule's memory and take its fresh proposal, else −∇f;
 *   <li>α ← the line search from the first trial α₀: 1 for Newton-type and for quasi-Newton
 *       rules with curvature memory, 1/‖d‖₂ at the start or after a reset (as liblbfgs), and
 *       αₖ₋₁·∇fₖ₋₁ᵀdₖ₋₁ / ∇fₖᵀdₖ for gradient descent and CG (Nocedal–Wright eq. 3.60);
 *   <li>if the search found no decrease, reset the memory and retry along −∇f; if that fails
 *       too, stop with {@link Status#CONVERGED_PRECISION} when the relative gradient is below
 *       {@link Settings#precisionTol()} (f's rounding hides any further decrease), else with
 *       {@link Status#LINE_SEARCH_FAILED};
 *   <li>x ← x + αd, update the rule with s = αd and y = ∇fₖ₊₁ − ∇fₖ;
 * </ol>
 * and after the start and every iteration the trace row, the {@link Callback}, and the stopping
 * tests of {@link Settings} (the same ones for every method, first-order optimizers included).
 * A NaN or infinite f or ∇f at the accepted point stops the run with {@link Status#NON_FINITE}
 * and the last finite x; nothing inside the loop throws for a numerical reason.
 *
 * <p>{@link Method.FirstOrder} runs the optimizer's step instead of a line search; see there.
 * Each call is independent; an objective with scratch buffers must not be shared between
 * concurrent runs.
 */
public final class Minimize {

    /** The most elements of one Java array (a few below Integer.MAX_VALUE, as the JDK allows). */
    private static final long MAX_DENSE = Integer.MAX_VALUE - 8;

    private Minimize() {}

    /**
     * Runs {@code method} with {@link Settings#DEFAULTS}.
     *
     * @param objective the function to minimize
     * @param x0 the starting point, length {@code objective.dimension()}; not modified
     * @param method the method and its line search
     * @return where the run stopped, why, and what it cost
     * @throws IllegalArgumentException as {@link #run(Objective, double[], Method, Settings, Callback)}
     */
    public static Result run(Objective objective, double[] x0, Method method) {
        return run(objective, x0, method, Settings.DEFAULTS, Callback.NONE);
    }

    /**
     * Minimizes {@code objective} from {@code x0} with the given settings.
     *
     * @param objective the function to minimize
     * @param x0 the starting point, length {@code objective.dimension()}; not modified
     * @param method the method and its line search
     * @param settings tolerances, limits and tracing
     * @return where the run stopped, why, and what it cost
     * @throws IllegalArgumentException as {@link #run(Objective, double[], Method, Settings, Callback)}
     */
    public static Result run(Objective objective, double[] x0, Method method, Settings settings) {
        return run(objective, x0, method, settings, Callback.NONE);
    }

    /**
     * Minimizes {@code objective} from {@code x0}, calling {@code callback} at the start and after
     * every iteration; the callback may stop the run ({@link Status#STOPPED_BY_CALLBACK}).
     *
     * @param objective the function to minimize
     * @param x0 the starting point, length {@code objective.dimension()}; not modified
     * @param method the method and its line search
     * @param settings tolerances, limits and tracing
     * @param callback sees every iterate; {@link Callback#NONE} for none
     * @return where the run stopped, why, and what it cost
     * @throws IllegalArgumentException when x0's length differs from the objective's dimension,
     *     when {@link Method.Newton} meets an objective without a Hessian (use newton-cg), or when
     *     Newton or BFGS would need an n×n array larger than Java allows (n &gt; 46340)
     */
    public static Result run(Objective objective, double[] x0, Method method, Settings settings, Callback callback) {
        int n = objective.dimension();
        if (x0.length != n) {
            throw new IllegalArgumentException("x0 has length " + x0.length + " but the objective has dimension " + n);
        }
        if (method instanceof Method.Newton && objective.hessian().isEmpty()) {
            throw new IllegalArgumentException(
                    "newton needs the exact Hessian, which this objective does not provide; use newton-cg");
        }
        if ((method instanceof Method.Newton || method instanceof Method.Bfgs) && (long) n * n > MAX_DENSE) {
            throw new IllegalArgumentException(method.name() + " stores a dense n×n matrix, which a Java array holds only up to n = "
                    + (int) Math.sqrt(MAX_DENSE) + " (n = " + n + " here); use lbfgs or newton-cg");
        }
        if (method instanceof Method.FirstOrder fo) {
            return FirstOrderRun.run(objective, x0, fo, settings, callback);
        }
        return new LineSearchRun(objective, x0, method, settings, callback).run();
    }
}
