package dev.descent.problems;

import java.util.List;

/**
 * Chebyquad function, Moré–Garbow–Hillstrom (1981) problem 35: n variable, m ≥ n (here m = n),
 * rᵢ = (1/n)Σⱼ Tᵢ(xⱼ) − ∫₀¹Tᵢ(ξ)dξ, where Tᵢ is the i-th Chebyshev polynomial shifted to
 * [0, 1] (Tᵢ(ξ) = cos(i·arccos(2ξ − 1))) and ∫₀¹Tᵢ = 0 for odd i, −1/(i² − 1) for even i;
 * x0 with x0ⱼ = j/(n + 1); f* = 0 for m = n, 1 ≤ n ≤ 7 and n = 9; f* = 3.51687·10⁻³ for
 * m = n = 8; 6.50395·10⁻³ for m = n = 10; unknown (NaN) otherwise. The minimizer is never
 * unique (any permutation of x* is one).
 */
final class Chebyquad extends SumOfSquares {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 8;

    /** Scratch: T, dT/dξ and d²T/dξ² of orders 0..m at one ξ. */
    private final double[] t;
    private final double[] dt;
    private final double[] ddt;

    Chebyquad(int n) {
        super(n, n);
        t = new double[m + 1];
        dt = new double[m + 1];
        ddt = new double[m + 1];
    }

    static Problem problem(int n) {
        double[] x0 = new double[n];
        for (int j = 1; j <= n; j++) {
            x0[j - 1] = j / (n + 1.0);
        }
        double fStar = n <= 7 || n == 9 ? 0 : n == 8 ? 3.51687e-3 : n == 10 ? 6.50395e-3
                : Double.NaN;
        return new Problem("chebyquad", List.of("mgh:35"), n, x0, new Chebyquad(n), fStar, null,
                null, "Moré–Garbow–Hillstrom (1981) problem 35, Chebyquad; m = n;"
                        + " f* known for n <= 10");
    }

    /** Fills t, dt, ddt with Tₖ(ξ) and its first two derivatives in ξ, k = 0..m. */
    private void chebyshev(double xi) {
        double y = 2 * xi - 1;
        t[0] = 1;
        dt[0] = 0;
        ddt[0] = 0;
        t[1] = y;
        dt[1] = 2;
        ddt[1] = 0;
        // Tₖ₊₁ = 2yTₖ − Tₖ₋₁ with dy/dξ = 2
        for (int k = 1; k < m; k++) {
            t[k + 1] = 2 * y * t[k] - t[k - 1];
            dt[k + 1] = 4 * t[k] + 2 * y * dt[k] - dt[k - 1];
            ddt[k + 1] = 8 * dt[k] + 2 * y * ddt[k] - ddt[k - 1];
        }
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 1; i <= m; i++) {
            r[i - 1] = i % 2 == 0 ? 1.0 / (i * i - 1) : 0;
        }
        for (int j = 0; j < n; j++) {
            chebyshev(x[j]);
            for (int i = 1; i <= m; i++) {
                r[i - 1] += t[i] / n;
            }
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int j = 0; j < n; j++) {
            chebyshev(x[j]);
            for (int i = 1; i <= m; i++) {
                jac[(i - 1) * n + j] = dt[i] / n;
            }
        }
    }

    @Override
    void gradient(double[] x, double[] r, double[] grad) {
        for (int j = 0; j < n; j++) {
            chebyshev(x[j]);
            double s = 0;
            for (int i = 1; i <= m; i++) {
                s += r[i - 1] * dt[i];
            }
            grad[j] = 2 * s / n;
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        for (int j = 0; j < n; j++) {
            chebyshev(x[j]);
            double s = 0;
            for (int i = 1; i <= m; i++) {
                s += r[i - 1] * ddt[i] / n;
            }
            h[j * n + j] += s;
        }
    }
}
