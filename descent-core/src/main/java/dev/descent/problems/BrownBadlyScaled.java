package dev.descent.problems;

import java.util.List;

/**
 * Brown badly scaled function, Moré–Garbow–Hillstrom (1981) problem 4: n = 2, m = 3,
 * r₁ = x₁ − 10⁶, r₂ = x₂ − 2·10⁻⁶, r₃ = x₁x₂ − 2; x0 = (1, 1); f* = 0 at (10⁶, 2·10⁻⁶).
 */
final class BrownBadlyScaled extends SumOfSquares {

    BrownBadlyScaled() {
        super(2, 3);
    }

    static Problem problem() {
        return new Problem("brown-badly-scaled", List.of("mgh:4"), 2, new double[] {1, 1},
                new BrownBadlyScaled(), 0, new double[] {1e6, 2e-6}, null,
                "Moré–Garbow–Hillstrom (1981) problem 4, Brown badly scaled; n = 2, m = 3");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        r[0] = x[0] - 1e6;
        r[1] = x[1] - 2e-6;
        r[2] = x[0] * x[1] - 2;
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        jac[0] = 1;
        jac[3] = 1;
        jac[4] = x[1];
        jac[5] = x[0];
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        addSym(h, 0, 1, r[2]);
    }
}
