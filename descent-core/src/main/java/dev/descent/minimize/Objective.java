package dev.descent.minimize;

/**
 * A smooth function f: ℝⁿ → ℝ to minimize, evaluated in double precision.
 *
 * <p>Only {@link #evaluate} is required. An objective that knows its second derivatives
 * overrides {@link #hasHessian()}/{@link #hessian} and/or
 * {@link #hasHessianVector()}/{@link #hessianVector}; Newton needs the first, Newton-CG uses
 * the second and falls back to a finite-difference product of gradients without it.
 *
 * <p>Conventions (as in gonum/optimize): output arguments come first-class as caller-owned
 * buffers, and no method may modify {@code x}.
 */
public interface Objective {

    /** The number of variables n; at least 1. */
    int dimension();

    /**
     * Returns f(x) and writes ∇f(x) into {@code grad}.
     *
     * @param x the point, length n; not modified
     * @param grad the caller's buffer of length n, overwritten with the gradient
     * @return f(x); may be non-finite, which minimizers report as a status, never an exception
     */
    double evaluate(double[] x, double[] grad);

    /** Returns f(x) alone. The default evaluates the gradient too, into a scratch buffer. */
    default double value(double[] x) {
        return evaluate(x, new double[dimension()]);
    }

    /** Whether {@link #hessian} is implemented. */
    default boolean hasHessian() {
        return false;
    }

    /**
     * Writes the Hessian ∇²f(x) into {@code h}, row-major, n×n.
     *
     * @throws UnsupportedOperationException when {@link #hasHessian()} is false
     */
    default void hessian(double[] x, double[] h) {
        throw new UnsupportedOperationException("this objective has no analytic Hessian");
    }

    /** Whether {@link #hessianVector} is implemented exactly (not by finite differences). */
    default boolean hasHessianVector() {
        return hasHessian();
    }

    /**
     * Writes the Hessian-vector product ∇²f(x)·v into {@code hv}. The default forms the full
     * Hessian when {@link #hasHessian()}; objectives with a cheaper product override it.
     *
     * @throws UnsupportedOperationException when neither the product nor the Hessian is known
     */
    default void hessianVector(double[] x, double[] v, double[] hv) {
        if (!hasHessian()) {
            throw new UnsupportedOperationException("this objective has no Hessian-vector product");
        }
        int n = dimension();
        double[] h = new double[n * n];
        hessian(x, h);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += h[i * n + j] * v[j];
            }
            hv[i] = s;
        }
    }
}
