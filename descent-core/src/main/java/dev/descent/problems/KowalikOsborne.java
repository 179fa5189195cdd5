package dev.descent.problems;

import java.util.List;

/**
 * Kowalik and Osborne function, Moré–Garbow–Hillstrom (1981) problem 15: n = 4, m = 11,
 * rᵢ = yᵢ − x₁(uᵢ² + uᵢx₂)/(uᵢ² + uᵢx₃ + x₄); x0 = (0.25, 0.39, 0.415, 0.39);
 * f* = 3.07505·10⁻⁴; the paper also reports f = 1.02734·10⁻³ at (+∞, −14.07…, −∞, −∞).
 */
final class KowalikOsborne extends SumOfSquares {

    private static final double[] Y = {0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456,
        0.0342, 0.0323, 0.0235, 0.0246};
    private static final double[] U = {4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714,
        0.0625};

    KowalikOsborne() {
        super(4, 11);
    }

    static Problem problem() {
        return new Problem("kowalik-osborne", List.of("mgh:15"), 4,
                new double[] {0.25, 0.39, 0.415, 0.39}, new KowalikOsborne(), 3.07505e-4, null,
                new double[] {1.02734e-3},
                "Moré–Garbow–Hillstrom (1981) problem 15, Kowalik and Osborne; n = 4, m = 11;"
                        + " also f = 1.02734e-3 as x1 -> +inf, x3, x4 -> -inf with x2 = -14.07");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 0; i < m; i++) {
            double u = U[i];
            r[i] = Y[i] - x[0] * (u * u + u * x[1]) / (u * u + u * x[2] + x[3]);
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 0; i < m; i++) {
            double u = U[i];
            double num = u * u + u * x[1];
            double den = u * u + u * x[2] + x[3];
            int row = i * 4;
            jac[row] = -num / den;
            jac[row + 1] = -x[0] * u / den;
            jac[row + 2] = x[0] * num * u / (den * den);
            jac[row + 3] = x[0] * num / (den * den);
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        double x1 = x[0];
        for (int i = 0; i < m; i++) {
            double u = U[i];
            double num = u * u + u * x[1];
            double den = u * u + u * x[2] + x[3];
            double d2 = den * den;
            double d3 = d2 * den;
            double ri = r[i];
            addSym(h, 0, 1, ri * -u / den);
            addSym(h, 0, 2, ri * num * u / d2);
            addSym(h, 0, 3, ri * num / d2);
            addSym(h, 1, 2, ri * x1 * u * u / d2);
            addSym(h, 1, 3, ri * x1 * u / d2);
            h[2 * 4 + 2] += ri * -2 * x1 * num * u * u / d3;
            addSym(h, 2, 3, ri * -2 * x1 * num * u / d3);
            h[3 * 4 + 3] += ri * -2 * x1 * num / d3;
        }
    }
}
