package dev.descent.problems;

import java.util.List;

/**
 * Wood function, Moré–Garbow–Hillstrom (1981) problem 14: n = 4, m = 6,
 * r₁ = 10(x₂ − x₁²), r₂ = 1 − x₁, r₃ = √90(x₄ − x₃²), r₄ = 1 − x₃, r₅ = √10(x₂ + x₄ − 2),
 * r₆ = 10^(−1/2)(x₂ − x₄); x0 = (−3, −1, −3, −1); f* = 0 at (1, 1, 1, 1).
 */
final class Wood extends SumOfSquares {

    private static final double S90 = Math.sqrt(90);
    private static final double S10 = Math.sqrt(10);

    Wood() {
        super(4, 6);
    }

    static Problem problem() {
        return new Problem("wood", List.of("mgh:14"), 4, new double[] {-3, -1, -3, -1},
                new Wood(), 0, new double[] {1, 1, 1, 1}, null,
                "Moré–Garbow–Hillstrom (1981) problem 14, Wood; n = 4, m = 6");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        r[0] = 10 * (x[1] - x[0] * x[0]);
        r[1] = 1 - x[0];
        r[2] = S90 * (x[3] - x[2] * x[2]);
        r[3] = 1 - x[2];
        r[4] = S10 * (x[1] + x[3] - 2);
        r[5] = (x[1] - x[3]) / S10;
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        jac[0] = -20 * x[0];
        jac[1] = 10;
        jac[4] = -1;
        jac[2 * 4 + 2] = -2 * S90 * x[2];
        jac[2 * 4 + 3] = S90;
        jac[3 * 4 + 2] = -1;
        jac[4 * 4 + 1] = S10;
        jac[4 * 4 + 3] = S10;
        jac[5 * 4 + 1] = 1 / S10;
        jac[5 * 4 + 3] = -1 / S10;
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        h[0] += r[0] * -20;
        h[2 * 4 + 2] += r[2] * -2 * S90;
    }
}
