package dev.descent.problems;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A convex quadratic with a chosen condition number: f(x) = ½(x − x*)ᵀA(x − x*) with
 * A = QΛQᵀ, eigenvalues λᵢ = κ^(i/(n−1)) spaced geometrically in [1, κ] (λ = 1 when n = 1),
 * Q a seeded random orthogonal matrix (or the identity when not rotated), x* = (1, …, 1) and
 * x0 = 0; f* = 0.
 *
 * <p>The rotated form stores A densely (n² doubles, O(n²) per evaluation, O(n³) to build: Q is
 * the modified Gram–Schmidt orthonormalization of a seeded Gaussian matrix); the diagonal form is
 * O(n) and suits large n. ∇f = A(x − x*), ∇²f = A.
 */
final class Quadratic implements ExactSecondOrder {

    /** The catalogue's default dimension. */
    static final int DEFAULT_DIMENSION = 10;
    static final double DEFAULT_KAPPA = 100;
    static final long DEFAULT_SEED = 1;

    private final int n;
    private final double[] lambda;
    /** A, row-major n×n; null when diagonal. */
    private final double[] a;
    private final double[] d;
    private final double[] scratch;

    Quadratic(int n, double kappa, long seed, boolean rotate) {
        this.n = n;
        this.lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = n == 1 ? 1 : Math.pow(kappa, i / (double) (n - 1));
        }
        this.a = rotate ? rotated(lambda, seed) : null;
        this.d = new double[n];
        this.scratch = new double[n];
    }

    static Problem problem(int n, double kappa, long seed, boolean rotate) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        return new Problem("quadratic", List.of(), n, new double[n],
                new Quadratic(n, kappa, seed, rotate), 0, ones, null,
                "convex quadratic 1/2 (x - 1)^T A (x - 1); condition number " + kappa
                        + (rotate ? ", seeded rotation (seed " + seed + ")" : ", diagonal"));
    }

    /** QΛQᵀ for Q from the modified Gram–Schmidt orthonormalization of a Gaussian matrix. */
    private static double[] rotated(double[] lambda, long seed) {
        int n = lambda.length;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] q = new double[n * n]; // column k at q[k*n .. k*n+n-1]
        for (int k = 0; k < n * n; k++) {
            q[k] = rng.nextGaussian();
        }
        for (int k = 0; k < n; k++) {
            int ck = k * n;
            for (int j = 0; j < k; j++) {
                int cj = j * n;
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[cj + i] * q[ck + i];
                }
                for (int i = 0; i < n; i++) {
                    q[ck + i] -= dot * q[cj + i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[ck + i] * q[ck + i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                q[ck + i] /= norm;
            }
        }
        // A = VᵀΛV with the eigenvectors as the rows of V: aᵢⱼ = Σₖ λₖ·wᵢₖ·wⱼₖ for W = Vᵀ, so the
        // inner loop is a contiguous dot product and only j ≤ i is computed
        double[] w = new double[n * n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                w[i * n + k] = q[k * n + i];
            }
        }
        double[] wl = new double[n];
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int k = 0; k < n; k++) {
                wl[k] = w[ri + k] * lambda[k];
            }
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += wl[k] * w[rj + k];
                }
                a[ri + j] = s;
                a[rj + i] = s;
            }
        }
        return a;
    }

    /** out = A·v. */
    private void multiply(double[] v, double[] out) {
        if (a == null) {
            for (int i = 0; i < n; i++) {
                out[i] = lambda[i] * v[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += a[row + j] * v[j];
            }
            out[i] = s;
        }
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double evaluate(double[] x, double[] grad) {
        for (int i = 0; i < n; i++) {
            d[i] = x[i] - 1;
        }
        multiply(d, grad);
        double f = 0;
        for (int i = 0; i < n; i++) {
            f += d[i] * grad[i];
        }
        return f / 2;
    }

    @Override
    public double value(double[] x) {
        return evaluate(x, scratch);
    }

    /** Writes ∇²f into the n×n row-major {@code h}. */
    @Override
    public void hessian(double[] x, double[] h) {
        if (a != null) {
            System.arraycopy(a, 0, h, 0, n * n);
            return;
        }
        Arrays.fill(h, 0, n * n, 0.0);
        for (int i = 0; i < n; i++) {
            h[i * n + i] = lambda[i];
        }
    }

    /** Writes ∇²f·v into {@code hv}. */
    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        multiply(v, hv);
    }
}
