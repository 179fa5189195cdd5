package dev.descent.problems;

import java.util.Arrays;
import java.util.List;

/**
 * Brown almost-linear function, Moré–Garbow–Hillstrom (1981) problem 27: n variable, m = n,
 * rᵢ = xᵢ + Σⱼ xⱼ − (n + 1) for 1 ≤ i &lt; n, rₙ = (Πⱼ xⱼ) − 1; x0 = (1/2, …, 1/2);
 * f* = 0 at (α, …, α, α^(1−n)) for every root α of nαⁿ − (n + 1)αⁿ⁻¹ + 1 = 0 (α = 1 among
 * them), so the minimizer is not unique; the paper also reports f = 1 at (0, …, 0, n + 1).
 */
final class BrownAlmostLinear extends SumOfSquares {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 10;

    BrownAlmostLinear(int n) {
        super(n, n);
    }

    static Problem problem(int n) {
        double[] x0 = new double[n];
        Arrays.fill(x0, 0.5);
        return new Problem("brown-almost-linear", List.of("mgh:27"), n, x0,
                new BrownAlmostLinear(n), 0, null, new double[] {1},
                "Moré–Garbow–Hillstrom (1981) problem 27, Brown almost-linear; m = n;"
                        + " f* = 0 at (1, ..., 1) among others; also f = 1 at (0, ..., 0, n+1)");
    }

    @Override
    void computeResiduals(double[] x, double[] r) {
        double s = 0;
        double p = 1;
        for (int j = 0; j < n; j++) {
            s += x[j];
            p *= x[j];
        }
        for (int i = 0; i < n - 1; i++) {
            r[i] = x[i] + s - (n + 1);
        }
        r[n - 1] = p - 1;
    }

    @Override
    void computeJacobian(double[] x, double[] jac) {
        for (int i = 0; i < n - 1; i++) {
            for (int j = 0; j < n; j++) {
                jac[i * n + j] = 1;
            }
            jac[i * n + i] = 2;
        }
        int last = (n - 1) * n;
        for (int j = 0; j < n; j++) {
            double p = 1;
            for (int k = 0; k < n; k++) {
                if (k != j) {
                    p *= x[k];
                }
            }
            jac[last + j] = p;
        }
    }

    @Override
    void gradient(double[] x, double[] r, double[] grad) {
        double sumR = 0;
        for (int i = 0; i < n - 1; i++) {
            sumR += r[i];
        }
        // Πₖ≠ⱼ xₖ from prefix and suffix products, exact when some xₖ = 0
        double prefix = 1;
        for (int j = 0; j < n; j++) {
            grad[j] = prefix;
            prefix *= x[j];
        }
        double suffix = 1;
        for (int j = n - 1; j >= 0; j--) {
            double others = grad[j] * suffix;
            suffix *= x[j];
            grad[j] = 2 * (sumR + (j < n - 1 ? r[j] : 0) + r[n - 1] * others);
        }
    }

    @Override
    void addResidualCurvature(double[] x, double[] r, double[] h) {
        double c = r[n - 1];
        for (int j = 0; j < n; j++) {
            for (int k = j + 1; k < n; k++) {
                double p = 1;
                for (int l = 0; l < n; l++) {
                    if (l != j && l != k) {
                        p *= x[l];
                    }
                }
                addSym(h, j, k, c * p);
            }
        }
    }
}
