package dev.descent.problems;

import java.util.List;

/**
 * Beale function, Moré–Garbow–Hillstrom (1981) problem 5: n = 2, m = 3,
 * rᵢ = yᵢ − x₁(1 − x₂ⁱ) with y = (1.5, 2.25, 2.625); x0 = (1, 1); f* = 0 at (3, 0.5).
 */
final class Beale extends SumOfSquares {

    private static final double[] Y = {1.5, 2.25, 2.625};

    Beale() {
        super(2, 3);
    }

    static Problem problem() {
        return new Problem("beale", List.of("mgh:5"), 2, new double[] {1, 1}, new Beale(), 0,
                new double[] {3, 0.5}, null,
                "Moré–Garbow–Hillstrom (1981) problem 5, Beale; n = 2, m = 3");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 1; i <= 3; i++) {
            r[i - 1] = Y[i - 1] - x[0] * (1 - Math.pow(x[1], i));
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 1; i <= 3; i++) {
            jac[(i - 1) * 2] = -(1 - Math.pow(x[1], i));
            jac[(i - 1) * 2 + 1] = x[0] * i * Math.pow(x[1], i - 1);
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int i = 1; i <= 3; i++) {
            double ri = r[i - 1];
            addSym(h, 0, 1, ri * i * Math.pow(x[1], i - 1));
            if (i >= 2) {
                h[3] += ri * x[0] * i * (i - 1) * Math.pow(x[1], i - 2);
            }
        }
    }
}
