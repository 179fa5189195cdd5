package dev.descent.problems;

import java.util.List;

/**
 * Bard function, Moré–Garbow–Hillstrom (1981) problem 8: n = 3, m = 15,
 * rᵢ = yᵢ − (x₁ + uᵢ/(vᵢx₂ + wᵢx₃)) with uᵢ = i, vᵢ = 16 − i, wᵢ = min(uᵢ, vᵢ);
 * x0 = (1, 1, 1); f* = 8.21487·10⁻³; the paper also reports f = 17.4286 at
 * (0.8406, −∞, −∞).
 */
final class Bard extends SumOfSquares {

    private static final double[] Y = {0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37,
        0.58, 0.73, 0.96, 1.34, 2.10, 4.39};

    Bard() {
        super(3, 15);
    }

    static Problem problem() {
        return new Problem("bard", List.of("mgh:8"), 3, new double[] {1, 1, 1}, new Bard(),
                8.21487e-3, null, new double[] {17.4286},
                "Moré–Garbow–Hillstrom (1981) problem 8, Bard; n = 3, m = 15;"
                        + " also f = 17.4286 as x2, x3 -> -inf with x1 = 0.8406");
    }

    /** vᵢ = 16 − i. */
    private static double v(int i) {
        return 16 - i;
    }

    /** wᵢ = min(uᵢ, vᵢ) with uᵢ = i. */
    private static double w(int i) {
        return Math.min(i, 16 - i);
    }

    /** The denominator vᵢx₂ + wᵢx₃ of rᵢ. */
    private static double d(double[] x, int i) {
        return v(i) * x[1] + w(i) * x[2];
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 1; i <= m; i++) {
            r[i - 1] = Y[i - 1] - (x[0] + i / d(x, i));
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 1; i <= m; i++) {
            double u = i;
            double v = v(i);
            double w = w(i);
            double d = d(x, i);
            int row = (i - 1) * 3;
            jac[row] = -1;
            jac[row + 1] = u * v / (d * d);
            jac[row + 2] = u * w / (d * d);
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int i = 1; i <= m; i++) {
            double v = v(i);
            double w = w(i);
            double d = d(x, i);
            double c = -2 * r[i - 1] * i / (d * d * d);
            h[4] += c * v * v;
            addSym(h, 1, 2, c * v * w);
            h[8] += c * w * w;
        }
    }
}
