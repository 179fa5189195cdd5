package dev.descent.problems;

import java.util.Arrays;
import java.util.List;

/**
 * Broyden banded function, Moré–Garbow–Hillstrom (1981) problem 31: n variable, m = n,
 * rᵢ = xᵢ(2 + 5xᵢ²) + 1 − Σ_{j∈Jᵢ} xⱼ(1 + xⱼ) with
 * Jᵢ = {j ≠ i : max(1, i − mₗ) ≤ j ≤ min(n, i + mᵤ)}, mₗ = 5, mᵤ = 1; x0 = (−1, …, −1);
 * f* = 0.
 */
final class BroydenBanded extends SumOfSquares {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 10;

    private static final int ML = 5;
    private static final int MU = 1;

    BroydenBanded(int n) {
        super(n, n);
    }

    static Problem problem(int n) {
        double[] x0 = new double[n];
        Arrays.fill(x0, -1);
        return new Problem("broyden-banded", List.of("mgh:31"), n, x0, new BroydenBanded(n), 0,
                null, null, "Moré–Garbow–Hillstrom (1981) problem 31, Broyden banded; m = n");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = Math.max(0, i - ML); j <= Math.min(n - 1, i + MU); j++) {
                if (j != i) {
                    s += x[j] * (1 + x[j]);
                }
            }
            r[i] = x[i] * (2 + 5 * x[i] * x[i]) + 1 - s;
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - ML); j <= Math.min(n - 1, i + MU); j++) {
                jac[i * n + j] = j == i ? 2 + 15 * x[i] * x[i] : -(1 + 2 * x[j]);
            }
        }
    }

    @Override
    void gradient(double[] x, double[] r, double[] grad) {
        // column j holds row j's diagonal and rows i ≠ j with j ∈ Jᵢ, i.e. j − mᵤ ≤ i ≤ j + mₗ
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = Math.max(0, j - MU); i <= Math.min(n - 1, j + ML); i++) {
                if (i != j) {
                    s += r[i];
                }
            }
            grad[j] = 2 * ((2 + 15 * x[j] * x[j]) * r[j] - (1 + 2 * x[j]) * s);
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - ML); j <= Math.min(n - 1, i + MU); j++) {
                h[j * n + j] += r[i] * (j == i ? 30 * x[i] : -2);
            }
        }
    }
}
