package dev.descent.problems;

import java.util.List;

/**
 * Gaussian function, Moré–Garbow–Hillstrom (1981) problem 9: n = 3, m = 15,
 * rᵢ = x₁exp(−x₂(tᵢ − x₃)²/2) − yᵢ with tᵢ = (8 − i)/2; x0 = (0.4, 1, 0);
 * f* = 1.12793·10⁻⁸.
 */
final class Gaussian extends SumOfSquares {

    private static final double[] Y = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521,
        0.3989, 0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};

    Gaussian() {
        super(3, 15);
    }

    static Problem problem() {
        return new Problem("gaussian", List.of("mgh:9"), 3, new double[] {0.4, 1, 0},
                new Gaussian(), 1.12793e-8, null, null,
                "Moré–Garbow–Hillstrom (1981) problem 9, Gaussian; n = 3, m = 15");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 1; i <= m; i++) {
            double q = (8 - i) / 2.0 - x[2];
            r[i - 1] = x[0] * Math.exp(-x[1] * q * q / 2) - Y[i - 1];
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 1; i <= m; i++) {
            double q = (8 - i) / 2.0 - x[2];
            double e = Math.exp(-x[1] * q * q / 2);
            int row = (i - 1) * 3;
            jac[row] = e;
            jac[row + 1] = -x[0] * e * q * q / 2;
            jac[row + 2] = x[0] * e * x[1] * q;
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        double x1 = x[0];
        double x2 = x[1];
        for (int i = 1; i <= m; i++) {
            double q = (8 - i) / 2.0 - x[2];
            double e = Math.exp(-x2 * q * q / 2);
            double ri = r[i - 1];
            addSym(h, 0, 1, ri * -e * q * q / 2);
            addSym(h, 0, 2, ri * e * x2 * q);
            h[4] += ri * x1 * e * q * q * q * q / 4;
            addSym(h, 1, 2, ri * -x1 * e * (x2 * q * q * q / 2 - q));
            h[8] += ri * x1 * x2 * e * (x2 * q * q - 1);
        }
    }
}
