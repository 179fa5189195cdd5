package dev.descent.problems;

import java.util.List;

/**
 * Gulf research and development function, Moré–Garbow–Hillstrom (1981) problem 11: n = 3,
 * n ≤ m ≤ 100 (here m = 99), rᵢ = exp(−|yᵢ − x₂|^x₃ / x₁) − tᵢ with tᵢ = i/100 and
 * yᵢ = 25 + (−50 ln tᵢ)^(2/3); x0 = (5, 2.5, 0.15); f* = 0 at (50, 25, 1.5).
 *
 * <p>The paper prints "yᵢ mi x₂" where a minus sign is meant (as noted by funconstrain's
 * {@code gulf.R}, checked for this implementation). m = 99 follows funconstrain and Jamil and
 * Yang (2013): at i = 100, y = 25 = x₂* and the derivative in x₃ is singular there.
 */
final class Gulf extends SumOfSquares {

    Gulf() {
        super(3, 99);
    }

    static Problem problem() {
        return new Problem("gulf", List.of("mgh:11"), 3, new double[] {5, 2.5, 0.15}, new Gulf(),
                0, new double[] {50, 25, 1.5}, null,
                "Moré–Garbow–Hillstrom (1981) problem 11, Gulf research and development;"
                        + " n = 3, m = 99");
    }

    /** yᵢ = 25 + (−50 ln tᵢ)^(2/3). */
    private static double y(int i) {
        return 25 + Math.pow(-50 * Math.log(i / 100.0), 2.0 / 3.0);
    }

    /** uᵢ = |yᵢ − x₂|^x₃, the exponent's numerator in rᵢ. */
    private static double u(double[] x, int i) {
        return Math.pow(Math.abs(y(i) - x[1]), x[2]);
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 1; i <= m; i++) {
            r[i - 1] = Math.exp(-u(x, i) / x[0]) - i / 100.0;
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        double x1 = x[0];
        double x3 = x[2];
        for (int i = 1; i <= m; i++) {
            double d = x[1] - y(i);
            double u = u(x, i);
            double e = Math.exp(-u / x1);
            int row = (i - 1) * 3;
            jac[row] = e * u / (x1 * x1);
            jac[row + 1] = -e * x3 * u / (x1 * d);
            jac[row + 2] = -e * u * Math.log(Math.abs(d)) / x1;
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        double x1 = x[0];
        double x3 = x[2];
        for (int i = 1; i <= m; i++) {
            double d = x[1] - y(i);
            double u = u(x, i);
            double l = Math.log(Math.abs(d));
            double e = Math.exp(-u / x1);
            // rᵢ = exp(g) − tᵢ with g = −u/x₁, u = |d|^x₃: ∇²rᵢ = e(∇g∇gᵀ + ∇²g)
            double g1 = u / (x1 * x1);
            double g2 = -x3 * u / (x1 * d);
            double g3 = -u * l / x1;
            double g11 = -2 * u / (x1 * x1 * x1);
            double g12 = x3 * u / (d * x1 * x1);
            double g13 = u * l / (x1 * x1);
            double g22 = -x3 * (x3 - 1) * u / (x1 * d * d);
            double g23 = -u * (1 + x3 * l) / (x1 * d);
            double g33 = -u * l * l / x1;
            double c = r[i - 1] * e;
            h[0] += c * (g1 * g1 + g11);
            addSym(h, 0, 1, c * (g1 * g2 + g12));
            addSym(h, 0, 2, c * (g1 * g3 + g13));
            h[4] += c * (g2 * g2 + g22);
            addSym(h, 1, 2, c * (g2 * g3 + g23));
            h[8] += c * (g3 * g3 + g33);
        }
    }
}
