package dev.descent.problems;

import dev.descent.minimize.Objective;

/**
 * A nonlinear least-squares objective f(x) = Σᵢ₌₁ᵐ rᵢ(x)², given by its residuals r: ℝⁿ → ℝᵐ and
 * their Jacobian J = ∂r/∂x.
 *
 * <p>Then ∇f = 2Jᵀr and ∇²f = 2(JᵀJ + Σᵢ rᵢ∇²rᵢ). The Gauss-Newton matrix 2JᵀJ is not the
 * Hessian: {@link #hessian()} is present only where the residual curvature Σᵢ rᵢ∇²rᵢ is written
 * out by hand. Most problems of the Moré–Garbow–Hillstrom set have this form.
 */
public interface LeastSquares extends Objective {

    /**
     * The number of residuals m, at least 1.
     *
     * @return m ≥ 1
     */
    int residualCount();

    /**
     * Writes r(x) into {@code r}.
     *
     * @param x the point, length n; not modified
     * @param r the caller's buffer of length m
     */
    void residuals(double[] x, double[] r);

    /**
     * Writes the Jacobian J(x), row-major m×n (entry (i, j) = ∂rᵢ/∂xⱼ at {@code jac[i*n + j]}).
     *
     * @param x the point, length n; not modified
     * @param jac the caller's buffer of length m·n, entirely overwritten
     */
    void jacobian(double[] x, double[] jac);
}
