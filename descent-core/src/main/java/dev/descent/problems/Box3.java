package dev.descent.problems;

import java.util.List;

/**
 * Box three-dimensional function, Moré–Garbow–Hillstrom (1981) problem 12: n = 3, m ≥ n
 * (here m = 10), rᵢ = exp(−tᵢx₁) − exp(−tᵢx₂) − x₃(exp(−tᵢ) − exp(−10tᵢ)) with tᵢ = 0.1i;
 * x0 = (0, 10, 20); f* = 0 at (1, 10, 1), at (10, 1, −1) and wherever x₁ = x₂ and x₃ = 0, so
 * the minimizer is not unique.
 */
final class Box3 extends SumOfSquares {

    Box3() {
        super(3, 10);
    }

    static Problem problem() {
        return new Problem("box3", List.of("mgh:12"), 3, new double[] {0, 10, 20}, new Box3(), 0,
                null, null,
                "Moré–Garbow–Hillstrom (1981) problem 12, Box three-dimensional; n = 3, m = 10;"
                        + " f* = 0 at (1, 10, 1), (10, 1, -1) and wherever x1 = x2, x3 = 0");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 1; i <= m; i++) {
            double t = 0.1 * i;
            r[i - 1] = Math.exp(-t * x[0]) - Math.exp(-t * x[1])
                    - x[2] * (Math.exp(-t) - Math.exp(-10 * t));
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 1; i <= m; i++) {
            double t = 0.1 * i;
            int row = (i - 1) * 3;
            jac[row] = -t * Math.exp(-t * x[0]);
            jac[row + 1] = t * Math.exp(-t * x[1]);
            jac[row + 2] = -(Math.exp(-t) - Math.exp(-10 * t));
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int i = 1; i <= m; i++) {
            double t = 0.1 * i;
            h[0] += r[i - 1] * t * t * Math.exp(-t * x[0]);
            h[4] -= r[i - 1] * t * t * Math.exp(-t * x[1]);
        }
    }
}
