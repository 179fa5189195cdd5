package dev.descent.problems;

import java.util.List;

/**
 * Powell badly scaled function, Moré–Garbow–Hillstrom (1981) problem 3: n = 2, m = 2,
 * r₁ = 10⁴x₁x₂ − 1, r₂ = exp(−x₁) + exp(−x₂) − 1.0001; x0 = (0, 1);
 * f* = 0 at (1.098…·10⁻⁵, 9.106…).
 */
final class PowellBadlyScaled extends SumOfSquares {

    PowellBadlyScaled() {
        super(2, 2);
    }

    static Problem problem() {
        return new Problem("powell-badly-scaled", List.of("mgh:3"), 2, new double[] {0, 1},
                new PowellBadlyScaled(), 0, null, null,
                "Moré–Garbow–Hillstrom (1981) problem 3, Powell badly scaled; n = 2, m = 2;"
                        + " f* = 0 at (1.098e-5, 9.106)");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        r[0] = 1e4 * x[0] * x[1] - 1;
        r[1] = Math.exp(-x[0]) + Math.exp(-x[1]) - 1.0001;
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        jac[0] = 1e4 * x[1];
        jac[1] = 1e4 * x[0];
        jac[2] = -Math.exp(-x[0]);
        jac[3] = -Math.exp(-x[1]);
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        addSym(h, 0, 1, r[0] * 1e4);
        h[0] += r[1] * Math.exp(-x[0]);
        h[3] += r[1] * Math.exp(-x[1]);
    }
}
