package dev.descent.problems;

import java.util.List;

/**
 * Jennrich and Sampson function, Moré–Garbow–Hillstrom (1981) problem 6: n = 2, m = 10,
 * rᵢ = 2 + 2i − (exp(i·x₁) + exp(i·x₂)); x0 = (0.3, 0.4); f* = 124.362 at
 * x₁ = x₂ = 0.2578 (for m = 10). The minimizer is symmetric but the paper gives it to 4 digits
 * only, so x* is not recorded.
 */
final class JennrichSampson extends SumOfSquares {

    JennrichSampson() {
        super(2, 10);
    }

    static Problem problem() {
        return new Problem("jennrich-sampson", List.of("mgh:6"), 2, new double[] {0.3, 0.4},
                new JennrichSampson(), 124.362, null, null,
                "Moré–Garbow–Hillstrom (1981) problem 6, Jennrich and Sampson; n = 2, m = 10;"
                        + " f* = 124.362 at x1 = x2 = 0.2578");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 1; i <= m; i++) {
            r[i - 1] = 2 + 2 * i - (Math.exp(i * x[0]) + Math.exp(i * x[1]));
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 1; i <= m; i++) {
            jac[(i - 1) * 2] = -i * Math.exp(i * x[0]);
            jac[(i - 1) * 2 + 1] = -i * Math.exp(i * x[1]);
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int i = 1; i <= m; i++) {
            double ri = r[i - 1];
            h[0] -= ri * i * i * Math.exp(i * x[0]);
            h[3] -= ri * i * i * Math.exp(i * x[1]);
        }
    }
}
