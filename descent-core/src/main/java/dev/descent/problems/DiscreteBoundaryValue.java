package dev.descent.problems;

import java.util.List;

/**
 * Discrete boundary value function, Moré–Garbow–Hillstrom (1981) problem 28: n variable,
 * m = n, rᵢ = 2xᵢ − xᵢ₋₁ − xᵢ₊₁ + h²(xᵢ + tᵢ + 1)³/2 with h = 1/(n + 1), tᵢ = ih and
 * x₀ = xₙ₊₁ = 0; x0 with x0ⱼ = tⱼ(tⱼ − 1); f* = 0 (at the solution of the discretized
 * boundary value problem, not known in closed form).
 */
final class DiscreteBoundaryValue extends DiscretizedOnUnitInterval {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 10;

    DiscreteBoundaryValue(int n) {
        super(n);
    }

    static Problem problem(int n) {
        return new Problem("discrete-boundary-value", List.of("mgh:28"), n, start(n),
                new DiscreteBoundaryValue(n), 0, null, null,
                "Moré–Garbow–Hillstrom (1981) problem 28, discrete boundary value; m = n");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        for (int i = 1; i <= n; i++) {
            double xi = x[i - 1];
            double prev = i > 1 ? x[i - 2] : 0;
            double next = i < n ? x[i] : 0;
            double u = shifted(x, i);
            r[i - 1] = 2 * xi - prev - next + h * h * u * u * u / 2;
        }
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 1; i <= n; i++) {
            int row = (i - 1) * n;
            double u = shifted(x, i);
            jac[row + i - 1] = 2 + 1.5 * h * h * u * u;
            if (i > 1) {
                jac[row + i - 2] = -1;
            }
            if (i < n) {
                jac[row + i] = -1;
            }
        }
    }

    @Override
    void gradient(double[] x, double[] r, double[] grad) {
        for (int j = 1; j <= n; j++) {
            double u = shifted(x, j);
            double g = (2 + 1.5 * h * h * u * u) * r[j - 1];
            if (j > 1) {
                g -= r[j - 2];
            }
            if (j < n) {
                g -= r[j];
            }
            grad[j - 1] = 2 * g;
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] hess) {
        for (int i = 1; i <= n; i++) {
            double u = shifted(x, i);
            hess[(i - 1) * n + i - 1] += r[i - 1] * 3 * h * h * u;
        }
    }
}
