package dev.descent.problems;

import java.util.List;

/**
 * Penalty function II, Moré–Garbow–Hillstrom (1981) problem 24: n variable, m = 2n,
 * r₁ = x₁ − 0.2, rᵢ = √a(exp(xᵢ/10) + exp(xᵢ₋₁/10) − yᵢ) for 2 ≤ i ≤ n,
 * rᵢ = √a(exp(xᵢ₋ₙ₊₁/10) − exp(−1/10)) for n &lt; i &lt; 2n, r₂ₙ = (Σⱼ (n − j + 1)xⱼ²) − 1,
 * with a = 10⁻⁵ and yᵢ = exp(i/10) + exp((i − 1)/10); x0 = (1/2, …, 1/2);
 * f* = 9.37629·10⁻⁶ (n = 4), 2.93660·10⁻⁴ (n = 10); unknown (NaN) for other n. The catalogue
 * takes n ≤ 3000: beyond, yᵢ² overflows a double.
 */
final class Penalty2 extends SumOfSquares {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 4;

    /** Beyond this n the data yᵢ = exp(i/10) make f overflow. */
    static final int MAX_DIMENSION = 3000;

    private static final double SQRT_A = Math.sqrt(1e-5);

    Penalty2(int n) {
        super(n, 2 * n);
    }

    static Problem problem(int n) {
        double[] x0 = new double[n];
        java.util.Arrays.fill(x0, 0.5);
        double fStar = switch (n) {
            case 4 -> 9.37629e-6;
            case 10 -> 2.93660e-4;
            default -> Double.NaN;
        };
        return new Problem("penalty2", List.of("mgh:24"), n, x0, new Penalty2(n), fStar, null,
                null, "Moré–Garbow–Hillstrom (1981) problem 24, penalty function II; m = 2n;"
                        + " f* known for n = 4, 10");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        r[0] = x[0] - 0.2;
        for (int i = 2; i <= n; i++) {
            double y = Math.exp(i / 10.0) + Math.exp((i - 1) / 10.0);
            r[i - 1] = SQRT_A * (Math.exp(x[i - 1] / 10) + Math.exp(x[i - 2] / 10) - y);
        }
        for (int i = n + 1; i < 2 * n; i++) {
            r[i - 1] = SQRT_A * (Math.exp(x[i - n] / 10) - Math.exp(-0.1));
        }
        double s = 0;
        for (int j = 1; j <= n; j++) {
            s += (n - j + 1) * x[j - 1] * x[j - 1];
        }
        r[2 * n - 1] = s - 1;
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        jac[0] = 1;
        for (int i = 2; i <= n; i++) {
            int row = (i - 1) * n;
            jac[row + i - 1] = SQRT_A * Math.exp(x[i - 1] / 10) / 10;
            jac[row + i - 2] = SQRT_A * Math.exp(x[i - 2] / 10) / 10;
        }
        for (int i = n + 1; i < 2 * n; i++) {
            jac[(i - 1) * n + i - n] = SQRT_A * Math.exp(x[i - n] / 10) / 10;
        }
        int last = (2 * n - 1) * n;
        for (int j = 1; j <= n; j++) {
            jac[last + j - 1] = 2 * (n - j + 1) * x[j - 1];
        }
    }

    @Override
    void gradient(double[] x, double[] r, double[] grad) {
        java.util.Arrays.fill(grad, 0, n, 0.0);
        grad[0] = 2 * r[0];
        for (int i = 2; i <= n; i++) {
            double ri2 = 2 * r[i - 1];
            grad[i - 1] += ri2 * SQRT_A * Math.exp(x[i - 1] / 10) / 10;
            grad[i - 2] += ri2 * SQRT_A * Math.exp(x[i - 2] / 10) / 10;
        }
        for (int i = n + 1; i < 2 * n; i++) {
            int k = i - n;
            grad[k] += 2 * r[i - 1] * SQRT_A * Math.exp(x[k] / 10) / 10;
        }
        double last = 2 * r[2 * n - 1];
        for (int j = 1; j <= n; j++) {
            grad[j - 1] += last * 2 * (n - j + 1) * x[j - 1];
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int i = 2; i <= n; i++) {
            double ri = r[i - 1];
            h[(i - 1) * n + i - 1] += ri * SQRT_A * Math.exp(x[i - 1] / 10) / 100;
            h[(i - 2) * n + i - 2] += ri * SQRT_A * Math.exp(x[i - 2] / 10) / 100;
        }
        for (int i = n + 1; i < 2 * n; i++) {
            int k = i - n;
            h[k * n + k] += r[i - 1] * SQRT_A * Math.exp(x[k] / 10) / 100;
        }
        for (int j = 1; j <= n; j++) {
            h[(j - 1) * n + j - 1] += r[2 * n - 1] * 2 * (n - j + 1);
        }
    }
}
