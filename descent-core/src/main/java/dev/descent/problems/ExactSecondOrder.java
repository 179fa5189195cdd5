package dev.descent.problems;

import dev.descent.minimize.Objective;
import java.util.Optional;

/**
 * A test objective that writes its exact Hessian and its exact Hessian-vector product by formula:
 * the structured problems (extended Powell and Rosenbrock, the quadratics, logistic regression),
 * whose product costs O(n) or O(nnz) where forming ∇²f costs O(n²).
 *
 * <p>Implementing the two writers is all it takes: {@link #hessian()} and {@link #hessianVector()}
 * return them, so the capability and the formula cannot disagree.
 */
interface ExactSecondOrder extends Objective {

    /**
     * Writes ∇²f(x) into the n×n row-major {@code h}, entirely overwritten.
     *
     * @param x the point, length n; not modified
     * @param h the caller's buffer of length n²
     */
    void hessian(double[] x, double[] h);

    /**
     * Writes ∇²f(x)·v into {@code hv}, without forming the Hessian.
     *
     * @param x the point, length n; not modified
     * @param v the direction, length n; not modified
     * @param hv the caller's buffer of length n, overwritten
     */
    void hessianVector(double[] x, double[] v, double[] hv);

    /** The exact Hessian: {@link #hessian(double[], double[])}. */
    @Override
    default Optional<Hessian> hessian() {
        return Optional.of(this::hessian);
    }

    /** The exact product: {@link #hessianVector(double[], double[], double[])}. */
    @Override
    default Optional<HessianVector> hessianVector() {
        return Optional.of(this::hessianVector);
    }
}
