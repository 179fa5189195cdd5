package dev.descent.minimize;

import dev.descent.linalg.Vec;

/**
 * L-BFGS two-loop recursion, Nocedal &amp; Wright (2nd ed.) Algorithm 7.4, with the initial
 * matrix H₀ = γI, γ = sᵀy / yᵀy of the newest pair (eq. 7.20). The m newest pairs (s, y) live
 * in a ring buffer of two flat m×n arrays; a pair with sᵀy ≤ 0 is skipped, which keeps H
 * positive definite. O(mn) per direction, no allocation after construction.
 */
final class LbfgsDirection implements Direction {
    private final int m;
    private final int n;
    private final double[] S; // row j = s of slot j
    private final double[] Y;
    private final double[] rho; // 1 / yᵀs per slot
    private final double[] a; // the αᵢ of the first loop
    private int newest = -1; // slot of the newest pair
    private int count; // pairs held, ≤ m
    private double gamma = 1;

    LbfgsDirection(int n, int m) {
        this.m = m;
        this.n = n;
        this.S = new double[m * n];
        this.Y = new double[m * n];
        this.rho = new double[m];
        this.a = new double[m];
    }

    @Override
    public void compute(double[] x, double[] g, double[] d) {
        // q ← −∇f, so that the result is d = −H∇f directly
        for (int i = 0; i < n; i++) {
            d[i] = -g[i];
        }
        int j = newest;
        for (int k = 0; k < count; k++) {
            int off = j * n;
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += S[off + i] * d[i];
            }
            double aj = rho[j] * dot;
            a[j] = aj;
            for (int i = 0; i < n; i++) {
                d[i] -= aj * Y[off + i];
            }
            j = j == 0 ? m - 1 : j - 1;
        }
        if (gamma != 1) {
            Vec.scale(gamma, d);
        }
        j = (newest - count + 1 + m) % m;
        for (int k = 0; k < count; k++) {
            int off = j * n;
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += Y[off + i] * d[i];
            }
            double b = a[j] - rho[j] * dot;
            for (int i = 0; i < n; i++) {
                d[i] += b * S[off + i];
            }
            j = j == m - 1 ? 0 : j + 1;
        }
    }

    @Override
    public void update(double[] s, double[] y, double alpha) {
        double sy = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            sy += s[i] * y[i];
            yy += y[i] * y[i];
        }
        if (!(sy > 0) || !(yy > 0) || !Double.isFinite(sy) || !Double.isFinite(yy)) {
            return; // curvature condition fails: skip the pair
        }
        newest = newest == m - 1 ? 0 : newest + 1;
        System.arraycopy(s, 0, S, newest * n, n);
        System.arraycopy(y, 0, Y, newest * n, n);
        rho[newest] = 1 / sy;
        gamma = sy / yy;
        if (count < m) {
            count++;
        }
    }

    @Override
    public void reset() {
        count = 0;
        newest = -1;
        gamma = 1;
    }

    @Override
    public boolean unitStep() {
        return count > 0;
    }

    /** The number of stored pairs (for tests). */
    int pairs() {
        return count;
    }
}
