package dev.descent.problems;

import java.util.List;

/**
 * Rosenbrock's function, Moré–Garbow–Hillstrom (1981) problem 1: n = 2, m = 2,
 * r₁ = 10(x₂ − x₁²), r₂ = 1 − x₁; x0 = (−1.2, 1); f* = 0 at (1, 1).
 *
 * <p>Reference: J. J. Moré, B. S. Garbow, K. E. Hillstrom, Testing unconstrained optimization
 * software, ACM TOMS 7(1) 17–41 (1981).
 */
final class Rosenbrock extends SumOfSquares {

    Rosenbrock() {
        super(2, 2);
    }

    static Problem problem() {
        return new Problem("rosenbrock", List.of("mgh:1"), 2, new double[] {-1.2, 1},
                new Rosenbrock(), 0, new double[] {1, 1}, null,
                "Moré–Garbow–Hillstrom (1981) problem 1, Rosenbrock; n = 2, m = 2");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        r[0] = 10 * (x[1] - x[0] * x[0]);
        r[1] = 1 - x[0];
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        jac[0] = -20 * x[0];
        jac[1] = 10;
        jac[2] = -1;
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        h[0] += r[0] * -20;
    }
}
