package dev.descent.problems;

import java.util.List;

/**
 * Freudenstein and Roth function, Moré–Garbow–Hillstrom (1981) problem 2: n = 2, m = 2,
 * r₁ = −13 + x₁ + ((5 − x₂)x₂ − 2)x₂, r₂ = −29 + x₁ + ((x₂ + 1)x₂ − 14)x₂; x0 = (0.5, −2).
 * f* = 0 at (5, 4); the paper also reports the local minimum f = 48.9842… at
 * (11.41…, −0.8968…), which is where most methods stop from x0.
 */
final class FreudensteinRoth extends SumOfSquares {

    FreudensteinRoth() {
        super(2, 2);
    }

    static Problem problem() {
        return new Problem("freudenstein-roth", List.of("mgh:2"), 2, new double[] {0.5, -2},
                new FreudensteinRoth(), 0, new double[] {5, 4}, new double[] {48.9842},
                "Moré–Garbow–Hillstrom (1981) problem 2, Freudenstein and Roth; n = 2, m = 2;"
                        + " local minimum f = 48.9842 at (11.41, -0.8968)");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        double x1 = x[0];
        double x2 = x[1];
        r[0] = -13 + x1 + ((5 - x2) * x2 - 2) * x2;
        r[1] = -29 + x1 + ((x2 + 1) * x2 - 14) * x2;
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        double x2 = x[1];
        jac[0] = 1;
        jac[1] = (10 - 3 * x2) * x2 - 2;
        jac[2] = 1;
        jac[3] = (3 * x2 + 2) * x2 - 14;
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        double x2 = x[1];
        h[3] += r[0] * (10 - 6 * x2) + r[1] * (6 * x2 + 2);
    }
}
