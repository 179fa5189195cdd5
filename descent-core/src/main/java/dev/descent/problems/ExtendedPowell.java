package dev.descent.problems;

import java.util.List;

/**
 * Extended Powell singular function, Moré–Garbow–Hillstrom (1981) problem 22: n a multiple of 4,
 * m = n; on each block (a, b, c, d) = (x₄ᵢ₋₃, x₄ᵢ₋₂, x₄ᵢ₋₁, x₄ᵢ) the residuals are a + 10b,
 * √5(c − d), (b − 2c)², √10(a − d)², so
 * f = Σ (a + 10b)² + 5(c − d)² + (b − 2c)⁴ + 10(a − d)⁴; x0 = (3, −1, 0, 1, …);
 * f* = 0 at the origin, where the Hessian is singular.
 *
 * <p>Written directly over the blocks ({@link BlockSeparable}): O(n) per evaluation without
 * allocation, and a block-diagonal Hessian.
 */
final class ExtendedPowell extends BlockSeparable {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 12;

    ExtendedPowell(int n) {
        super(n, 4);
    }

    static Problem problem(int n) {
        double[] x0 = new double[n];
        for (int i = 0; i < n; i += 4) {
            x0[i] = 3;
            x0[i + 1] = -1;
            x0[i + 2] = 0;
            x0[i + 3] = 1;
        }
        return new Problem("extended-powell", List.of("mgh:22"), n, x0, new ExtendedPowell(n), 0,
                new double[n], null,
                "Moré–Garbow–Hillstrom (1981) problem 22, extended Powell singular;"
                        + " n a multiple of 4, m = n; the Hessian is singular at x*");
    }

    @Override
    double block(double[] x, int i, double[] grad) {
        double r1 = x[i] + 10 * x[i + 1];
        double r2 = x[i + 2] - x[i + 3];
        double t3 = x[i + 1] - 2 * x[i + 2];
        double t4 = x[i] - x[i + 3];
        double t3c = t3 * t3 * t3;
        double t4c = t4 * t4 * t4;
        if (grad != null) {
            grad[i] = 2 * r1 + 40 * t4c;
            grad[i + 1] = 20 * r1 + 4 * t3c;
            grad[i + 2] = 10 * r2 - 8 * t3c;
            grad[i + 3] = -10 * r2 - 40 * t4c;
        }
        return r1 * r1 + 5 * r2 * r2 + t3c * t3 + 10 * t4c * t4;
    }

    @Override
    void blockHessian(double[] x, int i, double[] h) {
        double t3 = x[i + 1] - 2 * x[i + 2];
        double t4 = x[i] - x[i + 3];
        double p = 12 * t3 * t3;
        double q = 120 * t4 * t4;
        int a = i;
        int b = i + 1;
        int c = i + 2;
        int d = i + 3;
        h[a * n + a] = 2 + q;
        h[a * n + b] = 20;
        h[a * n + d] = -q;
        h[b * n + a] = 20;
        h[b * n + b] = 200 + p;
        h[b * n + c] = -2 * p;
        h[c * n + b] = -2 * p;
        h[c * n + c] = 10 + 4 * p;
        h[c * n + d] = -10;
        h[d * n + a] = -q;
        h[d * n + c] = -10;
        h[d * n + d] = 10 + q;
    }

    @Override
    void blockHessianVector(double[] x, int i, double[] v, double[] hv) {
        double t3 = x[i + 1] - 2 * x[i + 2];
        double t4 = x[i] - x[i + 3];
        double p = 12 * t3 * t3;
        double q = 120 * t4 * t4;
        double va = v[i];
        double vb = v[i + 1];
        double vc = v[i + 2];
        double vd = v[i + 3];
        hv[i] = (2 + q) * va + 20 * vb - q * vd;
        hv[i + 1] = 20 * va + (200 + p) * vb - 2 * p * vc;
        hv[i + 2] = -2 * p * vb + (10 + 4 * p) * vc - 10 * vd;
        hv[i + 3] = -q * va - 10 * vc + (10 + q) * vd;
    }
}
