package dev.descent.minimize;

import java.util.List;
import java.util.Locale;

/**
 * What a minimizer returns: where it stopped, why, and what it cost. {@link #toString()} prints a
 * summary in the style of Optim.jl (status, candidate solution, convergence measures with ≤ / ≰
 * marks against their tolerances, work counters).
 *
 * @param method the method's name, e.g. {@code lbfgs}
 * @param x the final point (the last finite one when the status is {@link Status#NON_FINITE})
 * @param f f(x), exactly as evaluated at {@code x}
 * @param gradNorm ‖∇f(x)‖∞
 * @param status why it stopped
 * @param iterations iterations completed
 * @param fEvals calls of {@link Objective#evaluate} (each gives f and ∇f), including the
 *     finite-difference Hessian-vector products of Newton-CG on an objective without them
 * @param gEvals gradient evaluations; equal to {@code fEvals}, since every evaluation computes ∇f
 * @param hEvals Hessian evaluations
 * @param hvEvals exact Hessian-vector products
 * @param seconds wall-clock time of the run
 * @param xChange ‖xₖ − xₖ₋₁‖∞ of the last iteration (NaN before the first)
 * @param fChange |fₖ − fₖ₋₁| of the last iteration (NaN before the first)
 * @param settings the settings the run used
 * @param trace one {@link Iterate} per iteration when {@link Settings#trace()}, else empty
 */
public record Result(
        String method,
        double[] x,
        double f,
        double gradNorm,
        Status status,
        int iterations,
        long fEvals,
        long gEvals,
        long hEvals,
        long hvEvals,
        double seconds,
        double xChange,
        double fChange,
        Settings settings,
        List<Iterate> trace) {

    /** Shorthand for {@code status().converged()}. */
    public boolean converged() {
        return status.converged();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(" * Status: ").append(status.converged() ? "success" : "failure")
                .append(" (").append(status.message()).append(")\n\n");
        b.append(" * Candidate solution\n");
        b.append(fmt("    Final objective value:     %.6e%n", f));
        if (x.length <= 10) {
            b.append("    Minimizer:                 [");
            for (int i = 0; i < x.length; i++) {
                b.append(i == 0 ? "" : ", ").append(fmt("%.6g", x[i]));
            }
            b.append("]\n");
        }
        b.append("\n * Found with\n");
        b.append("    Algorithm:     ").append(method).append('\n');
        b.append(fmt("    Dimension:     %d%n", x.length));
        b.append("\n * Convergence measures\n");
        b.append(measure("|x - x'|", xChange, settings.xTol(), status == Status.CONVERGED_X));
        b.append(measure("|f(x) - f(x')|", fChange, settings.fTol(), status == Status.CONVERGED_F));
        b.append(measure("|g(x)|", gradNorm, settings.gradTol(), status == Status.CONVERGED_GRADIENT));
        b.append("\n * Work counters\n");
        b.append(fmt("    Seconds run:   %.4g  (vs limit %s)%n", seconds,
                Double.isInfinite(settings.timeLimitSeconds()) ? "Inf" : fmt("%.4g", settings.timeLimitSeconds())));
        b.append(fmt("    Iterations:    %d%n", iterations));
        b.append(fmt("    f(x) calls:    %d%n", fEvals));
        b.append(fmt("    ∇f(x) calls:   %d%n", gEvals));
        if (hEvals > 0) {
            b.append(fmt("    ∇²f(x) calls:  %d%n", hEvals));
        }
        if (hvEvals > 0) {
            b.append(fmt("    ∇²f(x)v calls: %d%n", hvEvals));
        }
        return b.toString();
    }

    private static String measure(String name, double value, double tol, boolean fired) {
        boolean below = value <= tol || fired;
        return fmt("    %-17s= %.1e %s %.1e%n", name, value, below ? "≤" : "≰", tol);
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
