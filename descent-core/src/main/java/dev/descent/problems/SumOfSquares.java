package dev.descent.problems;

import java.util.Arrays;
import java.util.Optional;

/**
 * The shared base of the least-squares problems: subclasses give the residuals, the nonzero
 * entries of the Jacobian and the residual curvature Σᵢ rᵢ∇²rᵢ; this class forms
 * f = Σ rᵢ², ∇f = 2Jᵀr and ∇²f = 2(JᵀJ + Σᵢ rᵢ∇²rᵢ), whose Hessian-vector product is the
 * {@link dev.descent.minimize.Objective} default (the dense product with the Hessian).
 *
 * <p>The default gradient forms J (m·n doubles, allocated on first use); the variable-dimension
 * problems override {@link #gradient} with a direct O(m + n) (or O(mn) without storage) formula,
 * so their f and ∇f scale to large n. Holds scratch buffers for r, J and the Hessian, so an
 * instance is not safe for concurrent use.
 */
abstract class SumOfSquares implements LeastSquares {

    final int n;
    final int m;
    private final double[] r;
    private double[] jac;

    SumOfSquares(int n, int m) {
        this.n = n;
        this.m = m;
        this.r = new double[m];
    }

    /** The m×n Jacobian scratch, allocated on first use. */
    private double[] jacobianScratch() {
        if (jac == null) {
            long size = (long) m * n;
            if (size > Integer.MAX_VALUE - 8) {
                throw new UnsupportedOperationException("a dense " + m + "x" + n
                        + " Jacobian does not fit in an array; use a smaller dimension");
            }
            jac = new double[(int) size];
        }
        return jac;
    }

    /** Writes the residuals into {@code r} (length m). */
    abstract void computeResiduals(double[] x, double[] r);

    /** Writes the nonzero Jacobian entries into {@code jac}, which arrives filled with zeros. */
    abstract void computeJacobian(double[] x, double[] jac);

    /**
     * Adds the residual curvature Σᵢ rᵢ∇²rᵢ(x) to the n×n row-major {@code h}, given r = r(x).
     * Every problem of the catalogue writes it out by hand (the Moré–Garbow–Hillstrom paper gives
     * only r and J), so that ∇²f is exact; the finite-difference tests check it.
     */
    abstract void addResidualCurvature(double[] x, double[] r, double[] h);

    @Override
    public final int dimension() {
        return n;
    }

    @Override
    public final int residualCount() {
        return m;
    }

    @Override
    public final void residuals(double[] x, double[] out) {
        computeResiduals(x, out);
    }

    @Override
    public final void jacobian(double[] x, double[] out) {
        Arrays.fill(out, 0, m * n, 0.0);
        computeJacobian(x, out);
    }

    @Override
    public double value(double[] x) {
        computeResiduals(x, r);
        double f = 0;
        for (int i = 0; i < m; i++) {
            f += r[i] * r[i];
        }
        return f;
    }

    @Override
    public double evaluate(double[] x, double[] grad) {
        computeResiduals(x, r);
        double f = 0;
        for (int i = 0; i < m; i++) {
            f += r[i] * r[i];
        }
        gradient(x, r, grad);
        return f;
    }

    /**
     * Writes ∇f(x) = 2J(x)ᵀr into {@code grad}, given r = r(x). This default forms J; problems
     * with a sparse or structured J override it.
     */
    void gradient(double[] x, double[] r, double[] grad) {
        double[] j = jacobianScratch();
        jacobian(x, j);
        Arrays.fill(grad, 0, n, 0.0);
        for (int i = 0; i < m; i++) {
            double ri2 = 2 * r[i];
            int row = i * n;
            for (int k = 0; k < n; k++) {
                grad[k] += ri2 * j[row + k];
            }
        }
    }

    /** The exact ∇²f = 2(JᵀJ + Σᵢ rᵢ∇²rᵢ): {@link #hessian(double[], double[])}. */
    @Override
    public Optional<Hessian> hessian() {
        return Optional.of(this::hessian);
    }

    /** Writes ∇²f(x) into the n×n row-major {@code out}. */
    void hessian(double[] x, double[] out) {
        computeResiduals(x, r);
        double[] jac = jacobianScratch();
        jacobian(x, jac);
        Arrays.fill(out, 0, n * n, 0.0);
        addResidualCurvature(x, r, out);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int a = 0; a < n; a++) {
                double ja = jac[row + a];
                if (ja == 0) {
                    continue;
                }
                for (int b = 0; b < n; b++) {
                    out[a * n + b] += ja * jac[row + b];
                }
            }
        }
        for (int k = 0; k < n * n; k++) {
            out[k] *= 2;
        }
    }

    /** Adds {@code value} to the symmetric pair (a, b), (b, a) of the n×n {@code h}. */
    final void addSym(double[] h, int a, int b, double value) {
        h[a * n + b] += value;
        if (a != b) {
            h[b * n + a] += value;
        }
    }
}
