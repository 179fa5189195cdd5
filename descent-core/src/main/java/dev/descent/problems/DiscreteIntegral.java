package dev.descent.problems;

import java.util.List;

/**
 * Discrete integral equation function, Moré–Garbow–Hillstrom (1981) problem 29: n variable,
 * m = n, rᵢ = xᵢ + h[(1 − tᵢ)Σⱼ₌₁ⁱ tⱼ(xⱼ + tⱼ + 1)³ + tᵢΣⱼ₌ᵢ₊₁ⁿ (1 − tⱼ)(xⱼ + tⱼ + 1)³]/2 with
 * h = 1/(n + 1), tᵢ = ih; x0 with x0ⱼ = tⱼ(tⱼ − 1); f* = 0 (at the solution of the discretized
 * integral equation, not known in closed form).
 */
final class DiscreteIntegral extends DiscretizedOnUnitInterval {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 10;

    DiscreteIntegral(int n) {
        super(n);
    }

    static Problem problem(int n) {
        return new Problem("discrete-integral", List.of("mgh:29"), n, start(n),
                new DiscreteIntegral(n), 0, null, null,
                "Moré–Garbow–Hillstrom (1981) problem 29, discrete integral equation; m = n");
    }

    /** The weight of xⱼ in rᵢ: tⱼ(1 − tᵢ) for j ≤ i, tᵢ(1 − tⱼ) for j &gt; i. */
    private double weight(int i, int j) {
        double ti = i * h;
        double tj = j * h;
        return j <= i ? tj * (1 - ti) : ti * (1 - tj);
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 1; i <= n; i++) {
            double s = 0;
            for (int j = 1; j <= n; j++) {
                double u = shifted(x, j);
                s += weight(i, j) * u * u * u;
            }
            r[i - 1] = x[i - 1] + h * s / 2;
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 1; i <= n; i++) {
            int row = (i - 1) * n;
            for (int j = 1; j <= n; j++) {
                double u = shifted(x, j);
                jac[row + j - 1] = 1.5 * h * weight(i, j) * u * u;
            }
            jac[row + i - 1] += 1;
        }
    }

    @Override
    void gradient(double[] x, double[] r, double[] grad) {
        for (int j = 1; j <= n; j++) {
            double u = shifted(x, j);
            double s = 0;
            for (int i = 1; i <= n; i++) {
                s += r[i - 1] * weight(i, j);
            }
            grad[j - 1] = 2 * (r[j - 1] + 1.5 * h * u * u * s);
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] hess) {
        for (int j = 1; j <= n; j++) {
            double u = shifted(x, j);
            double s = 0;
            for (int i = 1; i <= n; i++) {
                s += r[i - 1] * weight(i, j);
            }
            hess[(j - 1) * n + j - 1] += s * 3 * h * u;
        }
    }
}
