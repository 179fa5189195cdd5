package dev.descent.problems;

import java.util.Arrays;
import java.util.List;

/**
 * Extended Rosenbrock function, Moré–Garbow–Hillstrom (1981) problem 21: n even, m = n,
 * r₂ᵢ₋₁ = 10(x₂ᵢ − x₂ᵢ₋₁²), r₂ᵢ = 1 − x₂ᵢ₋₁, so
 * f = Σᵢ 100(x₂ᵢ − x₂ᵢ₋₁²)² + (1 − x₂ᵢ₋₁)²; x0 = (−1.2, 1, …, −1.2, 1); f* = 0 at (1, …, 1).
 *
 * <p>Written directly over the pairs (no Jacobian), O(n) per evaluation without allocation, so it
 * serves the n = 10⁶ benchmarks. The Hessian is block diagonal; the Hessian-vector product is
 * O(n).
 */
final class ExtendedRosenbrock implements ExactSecondOrder {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 10;

    private final int n;

    ExtendedRosenbrock(int n) {
        this.n = n;
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
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x) {
        return sum(x, null);
    }

    @Override
    public double evaluate(double[] x, double[] grad) {
        return sum(x, grad);
    }

    /** f(x), summed pair by pair; writes ∇f into {@code grad} unless it is null. */
    private double sum(double[] x, double[] grad) {
        double f = 0;
        for (int i = 0; i < n; i += 2) {
            double a = x[i];
            double t = 10 * (x[i + 1] - a * a);
            double u = 1 - a;
            f += t * t + u * u;
            if (grad != null) {
                grad[i] = -40 * a * t - 2 * u;
                grad[i + 1] = 20 * t;
            }
        }
        return f;
    }

    /** Writes ∇²f into the n×n row-major {@code h}. */
    @Override
    public void hessian(double[] x, double[] h) {
        Arrays.fill(h, 0, n * n, 0.0);
        for (int i = 0; i < n; i += 2) {
            double a = x[i];
            h[i * n + i] = 1200 * a * a - 400 * x[i + 1] + 2;
            h[i * n + i + 1] = -400 * a;
            h[(i + 1) * n + i] = -400 * a;
            h[(i + 1) * n + i + 1] = 200;
        }
    }

    /** Writes ∇²f·v into {@code hv}. */
    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        for (int i = 0; i < n; i += 2) {
            double a = x[i];
            double haa = 1200 * a * a - 400 * x[i + 1] + 2;
            double hab = -400 * a;
            hv[i] = haa * v[i] + hab * v[i + 1];
            hv[i + 1] = hab * v[i] + 200 * v[i + 1];
        }
    }
}
