package dev.descent.problems;

import java.util.Arrays;
import java.util.List;

/**
 * Extended Rosenbrock function, Moré–Garbow–Hillstrom (1981) problem 21: n even, m = n,
 * r₂ᵢ₋₁ = 10(x₂ᵢ − x₂ᵢ₋₁²), r₂ᵢ = 1 − x₂ᵢ₋₁, so
 * f = Σᵢ 100(x₂ᵢ − x₂ᵢ₋₁²)² + (1 − x₂ᵢ₋₁)²; x0 = (−1.2, 1, …, −1.2, 1); f* = 0 at (1, …, 1).
 *
 * <p>Written directly over the pairs ({@link BlockSeparable}, no Jacobian): O(n) per evaluation
 * without allocation, so it serves the n = 10⁶ benchmarks; the Hessian is block diagonal.
 */
final class ExtendedRosenbrock extends BlockSeparable {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 10;

    ExtendedRosenbrock(int n) {
        super(n, 2);
    }

    static Problem problem(int n) {
        double[] x0 = new double[n];
        double[] ones = new double[n];
        for (int i = 0; i < n; i += 2) {
            x0[i] = -1.2;
            x0[i + 1] = 1;
        }
        Arrays.fill(ones, 1);
        return new Problem("extended-rosenbrock", List.of("mgh:21"), n, x0,
                new ExtendedRosenbrock(n), 0, ones, null,
                "Moré–Garbow–Hillstrom (1981) problem 21, extended Rosenbrock; n even, m = n");
    }

    @Override
    double block(double[] x, int i, double[] grad) {
        double a = x[i];
        double t = 10 * (x[i + 1] - a * a);
        double u = 1 - a;
        if (grad != null) {
            grad[i] = -40 * a * t - 2 * u;
            grad[i + 1] = 20 * t;
        }
        return t * t + u * u;
    }

    @Override
    void blockHessian(double[] x, int i, double[] h) {
        double a = x[i];
        h[i * n + i] = 1200 * a * a - 400 * x[i + 1] + 2;
        h[i * n + i + 1] = -400 * a;
        h[(i + 1) * n + i] = -400 * a;
        h[(i + 1) * n + i + 1] = 200;
    }

    @Override
    void blockHessianVector(double[] x, int i, double[] v, double[] hv) {
        double a = x[i];
        double haa = 1200 * a * a - 400 * x[i + 1] + 2;
        double hab = -400 * a;
        hv[i] = haa * v[i] + hab * v[i + 1];
        hv[i + 1] = hab * v[i] + 200 * v[i + 1];
    }
}
