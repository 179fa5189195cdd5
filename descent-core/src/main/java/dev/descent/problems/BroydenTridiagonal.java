package dev.descent.problems;

import java.util.Arrays;
import java.util.List;

/**
 * Broyden tridiagonal function, Moré–Garbow–Hillstrom (1981) problem 30: n variable, m = n,
 * rᵢ = (3 − 2xᵢ)xᵢ − xᵢ₋₁ − 2xᵢ₊₁ + 1 with x₀ = xₙ₊₁ = 0; x0 = (−1, …, −1); f* = 0.
 */
final class BroydenTridiagonal extends SumOfSquares {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 10;

    BroydenTridiagonal(int n) {
        super(n, n);
    }

    static Problem problem(int n) {
        double[] x0 = new double[n];
        Arrays.fill(x0, -1);
        return new Problem("broyden-tridiagonal", List.of("mgh:30"), n, x0,
                new BroydenTridiagonal(n), 0, null, null,
                "Moré–Garbow–Hillstrom (1981) problem 30, Broyden tridiagonal; m = n");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 0; i < n; i++) {
            double prev = i > 0 ? x[i - 1] : 0;
            double next = i < n - 1 ? x[i + 1] : 0;
            r[i] = (3 - 2 * x[i]) * x[i] - prev - 2 * next + 1;
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 0; i < n; i++) {
            jac[i * n + i] = 3 - 4 * x[i];
            if (i > 0) {
                jac[i * n + i - 1] = -1;
            }
            if (i < n - 1) {
                jac[i * n + i + 1] = -2;
            }
        }
    }

    @Override
    void gradient(double[] x, double[] r, double[] grad) {
        for (int j = 0; j < n; j++) {
            double g = (3 - 4 * x[j]) * r[j];
            if (j < n - 1) {
                g -= r[j + 1];
            }
            if (j > 0) {
                g -= 2 * r[j - 1];
            }
            grad[j] = 2 * g;
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int i = 0; i < n; i++) {
            h[i * n + i] += r[i] * -4;
        }
    }
}
