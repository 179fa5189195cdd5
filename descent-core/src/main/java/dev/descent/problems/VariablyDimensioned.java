package dev.descent.problems;

import java.util.Arrays;
import java.util.List;

/**
 * Variably dimensioned function, Moré–Garbow–Hillstrom (1981) problem 25: n variable,
 * m = n + 2, rᵢ = xᵢ − 1 for 1 ≤ i ≤ n, rₙ₊₁ = Σⱼ j(xⱼ − 1), rₙ₊₂ = (Σⱼ j(xⱼ − 1))²;
 * x0 with x0ⱼ = 1 − j/n; f* = 0 at (1, …, 1).
 */
final class VariablyDimensioned extends SumOfSquares {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 10;

    VariablyDimensioned(int n) {
        super(n, n + 2);
    }

    static Problem problem(int n) {
        double[] x0 = new double[n];
        for (int j = 1; j <= n; j++) {
            x0[j - 1] = 1 - (double) j / n;
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        return new Problem("variably-dimensioned", List.of("mgh:25"), n, x0,
                new VariablyDimensioned(n), 0, ones, null,
                "Moré–Garbow–Hillstrom (1981) problem 25, variably dimensioned; m = n + 2");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        double s = 0;
        for (int j = 1; j <= n; j++) {
            r[j - 1] = x[j - 1] - 1;
            s += j * (x[j - 1] - 1);
        }
        r[n] = s;
        r[n + 1] = s * s;
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        double s = 0;
        for (int j = 1; j <= n; j++) {
            s += j * (x[j - 1] - 1);
        }
        for (int j = 1; j <= n; j++) {
            jac[(j - 1) * n + j - 1] = 1;
            jac[n * n + j - 1] = j;
            jac[(n + 1) * n + j - 1] = 2 * s * j;
        }
    }

    @Override
    void gradient(double[] x, double[] r, double[] grad) {
        double s = r[n];
        for (int j = 1; j <= n; j++) {
            grad[j - 1] = 2 * (r[j - 1] + j * r[n] + 2 * s * j * r[n + 1]);
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        double c = r[n + 1] * 2;
        for (int j = 1; j <= n; j++) {
            for (int k = 1; k <= n; k++) {
                h[(j - 1) * n + k - 1] += c * (j * k);
            }
        }
    }
}
