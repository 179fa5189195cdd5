package dev.descent.minimize;

/**
 * BFGS with a dense inverse-Hessian approximation H, Nocedal &amp; Wright (2nd ed.) eq. 6.17:
 * H⁺ = (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ, ρ = 1/yᵀs, applied in O(n²) as
 * H⁺ = H − ρ(Hy·sᵀ + s·(Hy)ᵀ) + (ρ²·yᵀHy + ρ)·ssᵀ. Before the first update H₀ is scaled to
 * (sᵀy / yᵀy)·I (eq. 6.20). A pair with sᵀy ≤ 0 is skipped. H⁺ satisfies the secant equation
 * H⁺y = s.
 */
final class BfgsDirection implements Direction {
    private final int n;
    private final double[] H; // row-major n×n
    private final double[] Hy;
    private boolean fresh = true; // H is still the unscaled identity

    BfgsDirection(int n) {
        this.n = n;
        this.H = new double[n * n];
        this.Hy = new double[n];
        reset();
    }

    @Override
    public double compute(double[] x, double[] g, double[] d) {
        direction(x, g, d);
        return dev.descent.linalg.Vec.dot(d, g);
    }

    private void direction(double[] x, double[] g, double[] d) {
        for (int i = 0; i < n; i++) {
            int off = i * n;
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += H[off + j] * g[j];
            }
            d[i] = -s;
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
            return;
        }
        if (fresh) {
            double gamma = sy / yy;
            for (int i = 0; i < n; i++) {
                H[i * n + i] = gamma;
            }
            fresh = false;
        }
        double rho = 1 / sy;
        double yHy = 0;
        for (int i = 0; i < n; i++) {
            int off = i * n;
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += H[off + j] * y[j];
            }
            Hy[i] = v;
            yHy += y[i] * v;
        }
        double c = rho * rho * yHy + rho;
        for (int i = 0; i < n; i++) {
            int off = i * n;
            double si = s[i];
            double hyi = Hy[i];
            for (int j = 0; j < n; j++) {
                H[off + j] += -rho * (hyi * s[j] + si * Hy[j]) + c * si * s[j];
            }
        }
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(H, 0);
        for (int i = 0; i < n; i++) {
            H[i * n + i] = 1;
        }
        fresh = true;
    }

    @Override
    public boolean unitStep() {
        return !fresh;
    }

    /** The current inverse-Hessian approximation, row-major (for tests). */
    double[] inverseHessian() {
        return H;
    }
}
