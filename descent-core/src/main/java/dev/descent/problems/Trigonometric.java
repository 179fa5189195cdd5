package dev.descent.problems;

import java.util.Arrays;
import java.util.List;

/**
 * Trigonometric function, Moré–Garbow–Hillstrom (1981) problem 26: n variable, m = n,
 * rᵢ = n − Σⱼ cos xⱼ + i(1 − cos xᵢ) − sin xᵢ; x0 = (1/n, …, 1/n); f* = 0.
 *
 * <p>At n = 10 there is also a strict local minimum f = 2.79506·10⁻⁵ (positive definite
 * Hessian), not in the paper, where BFGS, L-BFGS, Newton and CG stop from x0; it is listed in
 * {@link Problem#localMinima()} and was found with scipy 1.10.1
 * ({@code tools/problems_trig_local_scipy.py}).
 */
final class Trigonometric extends SumOfSquares {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 10;

    Trigonometric(int n) {
        super(n, n);
    }

    static Problem problem(int n) {
        double[] x0 = new double[n];
        Arrays.fill(x0, 1.0 / n);
        double[] local = n == 10 ? new double[] {2.79506e-5} : null;
        return new Problem("trigonometric", List.of("mgh:26"), n, x0, new Trigonometric(n), 0,
                null, local, "Moré–Garbow–Hillstrom (1981) problem 26, trigonometric; m = n"
                        + (n == 10 ? "; local minimum f = 2.79506e-5 (not in the paper; found"
                                + " with scipy, tools/problems_trig_local_scipy.py)" : ""));
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        double c = 0;
        for (int j = 0; j < n; j++) {
            c += Math.cos(x[j]);
        }
        for (int i = 1; i <= n; i++) {
            double xi = x[i - 1];
            r[i - 1] = n - c + i * (1 - Math.cos(xi)) - Math.sin(xi);
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 1; i <= n; i++) {
            int row = (i - 1) * n;
            for (int j = 0; j < n; j++) {
                jac[row + j] = Math.sin(x[j]);
            }
            double xi = x[i - 1];
            jac[row + i - 1] += i * Math.sin(xi) - Math.cos(xi);
        }
    }

    @Override
    void gradient(double[] x, double[] r, double[] grad) {
        double sumR = 0;
        for (int i = 0; i < n; i++) {
            sumR += r[i];
        }
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            grad[j] = 2 * (Math.sin(xj) * sumR
                    + r[j] * ((j + 1) * Math.sin(xj) - Math.cos(xj)));
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        double sumR = 0;
        for (int i = 0; i < n; i++) {
            sumR += r[i];
        }
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            h[j * n + j] += sumR * Math.cos(xj) + r[j] * ((j + 1) * Math.cos(xj) + Math.sin(xj));
        }
    }
}
