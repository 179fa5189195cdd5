package dev.descent.problems;

import java.util.Arrays;
import java.util.List;

/**
 * Linear function, rank 1 with zero columns and rows, Moré–Garbow–Hillstrom (1981) problem 34:
 * n variable, m ≥ n, r₁ = −1, rᵢ = (i − 1)(Σⱼ₌₂ⁿ⁻¹ j·xⱼ) − 1 for 2 ≤ i ≤ m − 1, rₘ = −1;
 * x0 = (1, …, 1); f* = (m² + 3m − 6)/(2(2m − 3)) at every point with
 * Σⱼ₌₂ⁿ⁻¹ j·xⱼ = 3/(2m − 3), so the minimizer is not unique.
 */
final class LinearRank1Zero extends SumOfSquares {

    LinearRank1Zero(int n, int m) {
        super(n, m);
    }

    static Problem problem(int n, int m) {
        double[] x0 = new double[n];
        Arrays.fill(x0, 1);
        return new Problem("linear-rank1-zero", List.of("mgh:34"), n, x0,
                new LinearRank1Zero(n, m), (m * (double) m + 3 * m - 6) / (2 * (2 * m - 3.0)),
                null, null,
                "Moré–Garbow–Hillstrom (1981) problem 34, linear function - rank 1 with zero"
                        + " columns and rows; m = " + m
                        + "; f* at every x with sum_{j=2}^{n-1} j x_j = 3/(2m-3)");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        double s = 0;
        for (int j = 2; j <= n - 1; j++) {
            s += j * x[j - 1];
        }
        r[0] = -1;
        for (int i = 2; i <= m - 1; i++) {
            r[i - 1] = (i - 1) * s - 1;
        }
        r[m - 1] = -1;
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 2; i <= m - 1; i++) {
            for (int j = 2; j <= n - 1; j++) {
                jac[(i - 1) * n + j - 1] = (double) (i - 1) * j;
            }
        }
    }

    @Override
    void gradient(double[] x, double[] r, double[] grad) {
        double s = 0;
        for (int i = 2; i <= m - 1; i++) {
            s += (i - 1) * r[i - 1];
        }
        for (int j = 1; j <= n; j++) {
            grad[j - 1] = j >= 2 && j <= n - 1 ? 2 * j * s : 0;
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        // the residuals are affine: no curvature
    }
}
