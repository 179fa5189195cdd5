package dev.descent.problems;

import java.util.List;

/**
 * Watson function, Moré–Garbow–Hillstrom (1981) problem 20: 2 ≤ n ≤ 31, m = 31,
 * rᵢ = Σⱼ₌₂ⁿ (j − 1)xⱼtᵢ^(j−2) − (Σⱼ₌₁ⁿ xⱼtᵢ^(j−1))² − 1 with tᵢ = i/29 for 1 ≤ i ≤ 29,
 * r₃₀ = x₁, r₃₁ = x₂ − x₁² − 1; x0 = (0, …, 0); f* = 2.28767·10⁻³ (n = 6),
 * 1.39976·10⁻⁶ (n = 9), 4.72238·10⁻¹⁰ (n = 12); unknown (NaN) for other n.
 */
final class Watson extends SumOfSquares {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 6;

    Watson(int n) {
        super(n, 31);
    }

    static Problem problem(int n) {
        double fStar = switch (n) {
            case 6 -> 2.28767e-3;
            case 9 -> 1.39976e-6;
            case 12 -> 4.72238e-10;
            default -> Double.NaN;
        };
        return new Problem("watson", List.of("mgh:20"), n, new double[n], new Watson(n), fStar,
                null, null,
                "Moré–Garbow–Hillstrom (1981) problem 20, Watson; 2 <= n <= 31, m = 31;"
                        + " f* known for n = 6, 9, 12");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 1; i <= 29; i++) {
            double t = i / 29.0;
            double s1 = 0;
            double s2 = x[0];
            double p = 1;
            for (int j = 2; j <= n; j++) {
                s1 += (j - 1) * x[j - 1] * p;
                p *= t;
                s2 += x[j - 1] * p;
            }
            r[i - 1] = s1 - s2 * s2 - 1;
        }
        r[29] = x[0];
        r[30] = x[1] - x[0] * x[0] - 1;
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 1; i <= 29; i++) {
            double t = i / 29.0;
            double s2 = 0;
            double p = 1;
            for (int j = 1; j <= n; j++) {
                s2 += x[j - 1] * p;
                p *= t;
            }
            int row = (i - 1) * n;
            // ∂rᵢ/∂xⱼ = (j − 1)t^(j−2) − 2·s2·t^(j−1)
            double pm = 0;
            p = 1;
            for (int j = 1; j <= n; j++) {
                jac[row + j - 1] = (j - 1) * pm - 2 * s2 * p;
                pm = p;
                p *= t;
            }
        }
        jac[29 * n] = 1;
        jac[30 * n] = -2 * x[0];
        jac[30 * n + 1] = 1;
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int i = 1; i <= 29; i++) {
            double t = i / 29.0;
            double ri = r[i - 1];
            double pj = 1;
            for (int j = 0; j < n; j++) {
                double pk = 1;
                for (int k = 0; k < n; k++) {
                    h[j * n + k] += ri * -2 * (pj * pk);
                    pk *= t;
                }
                pj *= t;
            }
        }
        h[0] += r[30] * -2;
    }
}
