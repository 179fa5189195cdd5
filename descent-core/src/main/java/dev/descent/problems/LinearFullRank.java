package dev.descent.problems;

import java.util.Arrays;
import java.util.List;

/**
 * Linear function, full rank, Moré–Garbow–Hillstrom (1981) problem 32: n variable, m ≥ n,
 * rᵢ = xᵢ − (2/m)Σⱼ xⱼ − 1 for 1 ≤ i ≤ n, rᵢ = −(2/m)Σⱼ xⱼ − 1 for n &lt; i ≤ m;
 * x0 = (1, …, 1); f* = m − n at (−1, …, −1).
 */
final class LinearFullRank extends SumOfSquares {

    LinearFullRank(int n, int m) {
        super(n, m);
    }

    static Problem problem(int n, int m) {
        double[] x0 = new double[n];
        Arrays.fill(x0, 1);
        double[] xStar = new double[n];
        Arrays.fill(xStar, -1);
        return new Problem("linear-full-rank", List.of("mgh:32"), n, x0,
                new LinearFullRank(n, m), m - n, xStar, null,
                "Moré–Garbow–Hillstrom (1981) problem 32, linear function - full rank; m = " + m);
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += x[j];
        }
        double c = 2 * s / m + 1;
        for (int i = 0; i < m; i++) {
            r[i] = (i < n ? x[i] : 0) - c;
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        Arrays.fill(jac, 0, m * n, -2.0 / m);
        for (int i = 0; i < n; i++) {
            jac[i * n + i] += 1;
        }
    }

    @Override
    void gradient(double[] x, double[] r, double[] grad) {
        double sumR = 0;
        for (int i = 0; i < m; i++) {
            sumR += r[i];
        }
        for (int j = 0; j < n; j++) {
            grad[j] = 2 * (r[j] - 2.0 / m * sumR);
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        // the residuals are affine: no curvature
    }
}
