package dev.descent.problems;

import java.util.List;

/**
 * Meyer function, Moré–Garbow–Hillstrom (1981) problem 10: n = 3, m = 16,
 * rᵢ = x₁exp(x₂/(tᵢ + x₃)) − yᵢ with tᵢ = 45 + 5i; x0 = (0.02, 4000, 250); f* = 87.9458.
 */
final class Meyer extends SumOfSquares {

    private static final double[] Y = {34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744,
        8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872};

    Meyer() {
        super(3, 16);
    }

    static Problem problem() {
        return new Problem("meyer", List.of("mgh:10"), 3, new double[] {0.02, 4000, 250},
                new Meyer(), 87.9458, null, null,
                "Moré–Garbow–Hillstrom (1981) problem 10, Meyer; n = 3, m = 16");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 1; i <= m; i++) {
            double d = 45 + 5 * i + x[2];
            r[i - 1] = x[0] * Math.exp(x[1] / d) - Y[i - 1];
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 1; i <= m; i++) {
            double d = 45 + 5 * i + x[2];
            double e = Math.exp(x[1] / d);
            int row = (i - 1) * 3;
            jac[row] = e;
            jac[row + 1] = x[0] * e / d;
            jac[row + 2] = -x[0] * e * x[1] / (d * d);
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        double x1 = x[0];
        double x2 = x[1];
        for (int i = 1; i <= m; i++) {
            double d = 45 + 5 * i + x[2];
            double e = Math.exp(x2 / d);
            double ri = r[i - 1];
            addSym(h, 0, 1, ri * e / d);
            addSym(h, 0, 2, ri * -e * x2 / (d * d));
            h[4] += ri * x1 * e / (d * d);
            addSym(h, 1, 2, ri * -x1 * e * (x2 / (d * d * d) + 1 / (d * d)));
            h[8] += ri * x1 * x2 * e * (x2 / (d * d * d * d) + 2 / (d * d * d));
        }
    }
}
