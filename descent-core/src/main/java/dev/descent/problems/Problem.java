package dev.descent.problems;

import dev.descent.minimize.Objective;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A test problem: an {@link Objective} with its standard starting point and what is known about
 * its minimum.
 *
 * <p>Arrays are copied on the way in and on the way out, so a {@code Problem} is immutable. The
 * {@link #objective()} itself may hold scratch buffers and is not safe for concurrent use: take one
 * problem per thread from {@link Problems#named}.
 *
 * @param name the canonical catalogue name, e.g. {@code "wood"}
 * @param aliases the other names {@link Problems#named} accepts for it, e.g. {@code ["mgh:14"]}
 * @param dimension the number of variables n, equal to {@code objective.dimension()} and
 *     {@code x0.length}
 * @param x0 the standard starting point
 * @param objective f with its analytic gradient (and the exact Hessian where {@code objective.hessian()} is present)
 * @param fStar the known minimum value f*, or {@code NaN} when none is known for this dimension;
 *     where the reference reports several minima this is the smallest one
 * @param xStar a minimizer x* with f(x*) = f*, or {@code null} when the minimizer is not unique
 *     or not known in closed form
 * @param localMinima f values of other (non-global) local minima that the reference reports,
 *     including minima approached only as some x<sub>i</sub> → ±∞, and (said so in the note) ones
 *     found and verified here; a minimizer that stops at one of these has found a genuine
 *     stationary point. Empty when none are known.
 * @param note the reference (with the problem number for the Moré–Garbow–Hillstrom set), the
 *     residual count m for least-squares problems, and remarks on the minima
 */
public record Problem(
        String name,
        List<String> aliases,
        int dimension,
        double[] x0,
        Objective objective,
        double fStar,
        double[] xStar,
        double[] localMinima,
        String note) {

    /** Validates that the dimensions agree and copies the arrays. */
    public Problem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(x0, "x0");
        aliases = List.copyOf(aliases);
        note = Objects.requireNonNullElse(note, "");
        if (dimension < 1 || objective.dimension() != dimension || x0.length != dimension) {
            throw new IllegalArgumentException("problem " + name + ": dimension " + dimension
                    + ", objective dimension " + objective.dimension() + " and x0 length "
                    + x0.length + " must agree and be at least 1");
        }
        if (xStar != null && xStar.length != dimension) {
            throw new IllegalArgumentException("problem " + name + ": xStar has length "
                    + xStar.length + ", expected " + dimension);
        }
        x0 = x0.clone();
        xStar = xStar == null ? null : xStar.clone();
        localMinima = localMinima == null ? new double[0] : localMinima.clone();
    }

    /**
     * A copy of the standard starting point.
     *
     * @return a new array, the dimension's standard x₀
     */
    @Override
    public double[] x0() {
        return x0.clone();
    }

    /**
     * A copy of the known minimizer, or {@code null} when it is not unique or not known.
     *
     * @return a new array, or null
     */
    @Override
    public double[] xStar() {
        return xStar == null ? null : xStar.clone();
    }

    /**
     * A copy of the f values of reported non-global local minima (possibly empty).
     *
     * @return a new array of f values, empty when none are reported
     */
    @Override
    public double[] localMinima() {
        return localMinima.clone();
    }

    /**
     * Whether f* is known for this dimension.
     *
     * @return true when {@link #fStar()} is a known value, not NaN
     */
    public boolean hasFStar() {
        return !Double.isNaN(fStar);
    }

    /**
     * Whether a unique minimizer x* is known.
     *
     * @return true when {@link #xStar()} is not null
     */
    public boolean hasXStar() {
        return xStar != null;
    }

    /** Identity: an objective has no value equality, so neither has a problem. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    /** The identity hash, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** For example {@code Problem[wood, n=4, f*=0.0, x*=[1.0, 1.0, 1.0, 1.0]]}; x* only when n ≤ 10. */
    @Override
    public String toString() {
        return "Problem[" + name + ", n=" + dimension + ", f*=" + fStar
                + (xStar == null || dimension > 10 ? "" : ", x*=" + Arrays.toString(xStar)) + "]";
    }
}
