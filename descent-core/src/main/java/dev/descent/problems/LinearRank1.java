package dev.descent.problems;

import java.util.Arrays;
import java.util.List;

/**
 * Linear function, rank 1, Moré–Garbow–Hillstrom (1981) problem 33: n variable, m ≥ n,
 * rᵢ = i(Σⱼ j·xⱼ) − 1; x0 = (1, …, 1); f* = m(m − 1)/(2(2m + 1)) at every point with
 * Σⱼ j·xⱼ = 3/(2m + 1), so the minimizer is not unique.
 */
final class LinearRank1 extends SumOfSquares {

    LinearRank1(int n, int m) {
        super(n, m);
    }

    static Problem problem(int n, int m) {
        double[] x0 = new double[n];
        Arrays.fill(x0, 1);
        return new Problem("linear-rank1", List.of("mgh:33"), n, x0, new LinearRank1(n, m),
                m * (m - 1.0) / (2 * (2 * m + 1.0)), null, null,
                "Moré–Garbow–Hillstrom (1981) problem 33, linear function - rank 1; m = " + m
                        + "; f* at every x with sum_j j x_j = 3/(2m+1)");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        double s = 0;
        for (int j = 1; j <= n; j++) {
            s += j * x[j - 1];
        }
        for (int i = 1; i <= m; i++) {
            r[i - 1] = i * s - 1;
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 1; i <= m; i++) {
            for (int j = 1; j <= n; j++) {
                jac[(i - 1) * n + j - 1] = (double) i * j;
            }
        }
    }

    @Override
    void gradient(double[] x, double[] r, double[] grad) {
        double s = 0;
        for (int i = 1; i <= m; i++) {
            s += i * r[i - 1];
        }
        for (int j = 1; j <= n; j++) {
            grad[j - 1] = 2 * j * s;
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        // the residuals are affine: no curvature
    }
}
