package dev.descent.problems;

import java.util.List;

/**
 * Brown and Dennis function, Moré–Garbow–Hillstrom (1981) problem 16: n = 4, m ≥ n (here
 * m = 20), rᵢ = (x₁ + tᵢx₂ − exp(tᵢ))² + (x₃ + x₄ sin tᵢ − cos tᵢ)² with tᵢ = i/5;
 * x0 = (25, 5, −5, −1); f* = 85822.2 (for m = 20).
 */
final class BrownDennis extends SumOfSquares {

    BrownDennis() {
        super(4, 20);
    }

    static Problem problem() {
        return new Problem("brown-dennis", List.of("mgh:16"), 4, new double[] {25, 5, -5, -1},
                new BrownDennis(), 85822.2, null, null,
                "Moré–Garbow–Hillstrom (1981) problem 16, Brown and Dennis; n = 4, m = 20");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 1; i <= m; i++) {
            double t = i / 5.0;
            double a = x[0] + t * x[1] - Math.exp(t);
            double b = x[2] + x[3] * Math.sin(t) - Math.cos(t);
            r[i - 1] = a * a + b * b;
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 1; i <= m; i++) {
            double t = i / 5.0;
            double s = Math.sin(t);
            double a = x[0] + t * x[1] - Math.exp(t);
            double b = x[2] + x[3] * s - Math.cos(t);
            int row = (i - 1) * 4;
            jac[row] = 2 * a;
            jac[row + 1] = 2 * a * t;
            jac[row + 2] = 2 * b;
            jac[row + 3] = 2 * b * s;
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int i = 1; i <= m; i++) {
            double t = i / 5.0;
            double s = Math.sin(t);
            double c = 2 * r[i - 1];
            h[0] += c;
            addSym(h, 0, 1, c * t);
            h[5] += c * t * t;
            h[10] += c;
            addSym(h, 2, 3, c * s);
            h[15] += c * s * s;
        }
    }
}
