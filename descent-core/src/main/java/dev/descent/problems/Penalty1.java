package dev.descent.problems;

import java.util.List;

/**
 * Penalty function I, Moré–Garbow–Hillstrom (1981) problem 23: n variable, m = n + 1,
 * rᵢ = √a(xᵢ − 1) for 1 ≤ i ≤ n, rₙ₊₁ = (Σⱼ xⱼ²) − 1/4 with a = 10⁻⁵; x0 = (1, 2, …, n);
 * f* = 2.24997·10⁻⁵ (n = 4), 7.08765·10⁻⁵ (n = 10); unknown (NaN) for other n.
 */
final class Penalty1 extends SumOfSquares {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 4;

    private static final double SQRT_A = Math.sqrt(1e-5);

    Penalty1(int n) {
        super(n, n + 1);
    }

    static Problem problem(int n) {
        double[] x0 = new double[n];
        for (int j = 0; j < n; j++) {
            x0[j] = j + 1;
        }
        double fStar = switch (n) {
            case 4 -> 2.24997e-5;
            case 10 -> 7.08765e-5;
            default -> Double.NaN;
        };
        return new Problem("penalty1", List.of("mgh:23"), n, x0, new Penalty1(n), fStar, null,
                null, "Moré–Garbow–Hillstrom (1981) problem 23, penalty function I; m = n + 1;"
                        + " f* known for n = 4, 10");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            r[j] = SQRT_A * (x[j] - 1);
            s += x[j] * x[j];
        }
        r[n] = s - 0.25;
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int j = 0; j < n; j++) {
            jac[j * n + j] = SQRT_A;
            jac[n * n + j] = 2 * x[j];
        }
    }

    @Override
    void gradient(double[] x, double[] r, double[] grad) {
        for (int j = 0; j < n; j++) {
            grad[j] = 2 * (SQRT_A * r[j] + 2 * x[j] * r[n]);
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int j = 0; j < n; j++) {
            h[j * n + j] += 2 * r[n];
        }
    }
}
