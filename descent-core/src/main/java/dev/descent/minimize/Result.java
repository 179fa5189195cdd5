package dev.descent.minimize;

import java.util.List;
import java.util.Locale;

/**
 * What a minimizer returns, in gonum/optimize's shape: where it stopped ({@link Location}), what
 * it cost ({@link Stats}), and why ({@link Status}), plus the last iteration's convergence
 * {@link Measures}, the settings, and an optional trace. {@link #toString()} prints a summary in
 * the style of Optim.jl: status, candidate solution, convergence measures each beside its own
 * tolerance with ≤ / ≰, and work counters.
 *
 * @param method the method's name, e.g. {@code lbfgs}
 * @param location the final point, f and ∇f there
 * @param stats evaluation counts, iterations and runtime
 * @param status why it stopped
 * @param measures the convergence measures of the last iteration
 * @param precision the arithmetic of the iterates x
 * @param settings the settings the run used
 * @param trace one {@link Iterate} per iteration when {@link Settings#trace()}, else empty
 */
public record Result(
        String method,
        Location location,
        Stats stats,
        Status status,
        Measures measures,
        Precision precision,
        Settings settings,
        List<Iterate> trace) {

    /**
     * Where the run stopped.
     *
     * @param x the final point (the last finite one when the status is {@link Status#NON_FINITE})
     * @param f f(x), exactly as evaluated at {@code x}
     * @param gradient ∇f(x)
     * @param gradNorm ‖∇f(x)‖∞
     */
    public record Location(double[] x, double f, double[] gradient, double gradNorm) {}

    /**
     * What the run cost.
     *
     * @param iterations iterations completed (accepted steps, or optimizer steps)
     * @param fEvals calls of {@link Objective#evaluate} (each gives f and ∇f), including the
     *     finite-difference Hessian-vector products of Newton-CG on an objective without them
     * @param gEvals gradient evaluations; equal to {@code fEvals}, since every evaluation computes ∇f
     * @param hEvals Hessian evaluations
     * @param hvEvals exact Hessian-vector products
     * @param seconds wall-clock time of the run
     */
    public record Stats(int iterations, long fEvals, long gEvals, long hEvals, long hvEvals, double seconds) {}

    /**
     * The convergence measures of the last iteration, in the form the tests of {@link Settings} use.
     *
     * @param xChange ‖xₖ − xₖ₋₁‖∞ (NaN before the first iteration), compared with xTol
     * @param fChange |fₖ − fₖ₋₁| (NaN before the first iteration)
     * @param relativeFChange |fₖ − fₖ₋₁| / max(|fₖ|, |fₖ₋₁|, 1), compared with fTol
     */
    public record Measures(double xChange, double fChange, double relativeFChange) {
        /** Before the first iteration: every change NaN. */
        static final Measures NONE = new Measures(Double.NaN, Double.NaN, Double.NaN);
    }

    /** The arithmetic of the iterates. */
    public enum Precision {
        /** x is a {@code double[]} throughout (every line-search method; first-order optimizers without weight decay). */
        DOUBLE,
        /**
         * x is rounded to float32 parameters after every step, as in training: a first-order
         * optimizer whose step depends on θ itself (weight decay) runs on float32 θ, so steps
         * below half a float32 ulp of x are lost and ‖∇f‖ may stall near 1e-3·scale.
         */
        FLOAT32
    }

    /**
     * The final point.
     *
     * @return {@code location().x()}
     */
    public double[] x() {
        return location.x;
    }

    /**
     * The final objective value.
     *
     * @return {@code location().f()}
     */
    public double f() {
        return location.f;
    }

    /**
     * The final gradient's ∞-norm.
     *
     * @return {@code location().gradNorm()}
     */
    public double gradNorm() {
        return location.gradNorm;
    }

    /**
     * Iterations completed.
     *
     * @return {@code stats().iterations()}
     */
    public int iterations() {
        return stats.iterations;
    }

    /**
     * Whether a convergence test fired.
     *
     * @return {@code status().converged()}
     */
    public boolean converged() {
        return status.converged();
    }

    /**
     * liblbfgs's convergence measure at the final point, compared with relGradTol.
     *
     * @return ‖∇f‖₂ / max(1, ‖x‖₂)
     */
    public double relativeGradNorm() {
        return Stopping.relativeGradient(location.gradient, location.x);
    }

    /**
     * Dennis and Schnabel's relative gradient at the final point, compared with precisionTol.
     *
     * @return max|gᵢ|·max(|xᵢ|, 1) / max(|f|, 1)
     */
    public double scaledGradNorm() {
        return Stopping.scaledGradient(location.gradient, location.x, location.f);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(" * Status: ").append(status.kind().label())
                .append(" (").append(status.message()).append(")\n\n");
        double[] x = location.x;
        b.append(" * Candidate solution\n");
        b.append(fmt("    Final objective value:     %.6e%n", location.f));
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
        if (precision == Precision.FLOAT32) {
            b.append("    Precision:     float32 iterates (the optimizer's weight decay acts on θ)\n");
        }
        b.append("\n * Convergence measures\n");
        b.append(measure("|x - x'|", measures.xChange, settings.xTol()));
        b.append(measure("|f(x) - f(x')|/max(|f|,1)", measures.relativeFChange, settings.fTol()));
        b.append(measure("|g(x)|", location.gradNorm, settings.gradTol()));
        if (settings.relGradTol() > 0) {
            b.append(measure("|g(x)|₂/max(|x|₂,1)", relativeGradNorm(), settings.relGradTol()));
        }
        if (status == Status.CONVERGED_PRECISION || status == Status.LINE_SEARCH_FAILED) {
            b.append(measure("max|gᵢ|·max(|xᵢ|,1)/max(|f|,1)", scaledGradNorm(), settings.precisionTol()));
        }
        b.append("\n * Work counters\n");
        b.append(fmt("    Seconds run:   %.4g  (vs limit %s)%n", stats.seconds,
                Double.isInfinite(settings.timeLimitSeconds()) ? "Inf" : fmt("%.4g", settings.timeLimitSeconds())));
        b.append(fmt("    Iterations:    %d%n", stats.iterations));
        b.append(fmt("    f(x) calls:    %d%n", stats.fEvals));
        b.append(fmt("    ∇f(x) calls:   %d%n", stats.gEvals));
        if (stats.hEvals > 0) {
            b.append(fmt("    ∇²f(x) calls:  %d%n", stats.hEvals));
        }
        if (stats.hvEvals > 0) {
            b.append(fmt("    ∇²f(x)v calls: %d%n", stats.hvEvals));
        }
        return b.toString();
    }

    private static String measure(String name, double value, double tol) {
        return fmt("    %-32s= %.1e %s %.1e%n", name, value, value <= tol ? "≤" : "≰", tol);
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
