package dev.descent.minimize;

/**
 * Nonlinear conjugate gradient, d = −∇fₖ₊₁ + β·dₖ, with yₖ = ∇fₖ₊₁ − ∇fₖ and β either
 * <ul>
 *   <li>Polak–Ribière+ : β = max(0, ∇fₖ₊₁ᵀyₖ / ‖∇fₖ‖²) (Nocedal &amp; Wright eq. 5.45), or
 *   <li>Hager–Zhang: β = (yₖ − 2dₖ‖yₖ‖²/dₖᵀyₖ)ᵀ∇fₖ₊₁ / dₖᵀyₖ, bounded below by
 *       ηₖ = −1 / (‖dₖ‖·min(0.01, ‖∇fₖ‖)) (Hager &amp; Zhang, SIAM J. Optim. 16(1), 2005).
 * </ul>
 * The first direction, and the first after {@link #reset()}, is steepest descent.
 */
final class CgDirection implements Direction {
    private final int n;
    private final boolean hagerZhang;
    private final double[] dPrev;
    private final double[] y;
    private boolean have;

    CgDirection(int n, boolean hagerZhang) {
        this.n = n;
        this.hagerZhang = hagerZhang;
        this.dPrev = new double[n];
        this.y = new double[n];
    }

    @Override
    public double compute(double[] x, double[] g, double[] d) {
        direction(x, g, d);
        return dev.descent.linalg.Vec.dot(d, g);
    }

    private void direction(double[] x, double[] g, double[] d) {
        double beta = 0;
        if (have) {
            if (hagerZhang) {
                double dy = 0, yy = 0, yg = 0, dg = 0, dd = 0, gg0 = 0;
                for (int i = 0; i < n; i++) {
                    dy += dPrev[i] * y[i];
                    yy += y[i] * y[i];
                    yg += y[i] * g[i];
                    dg += dPrev[i] * g[i];
                    dd += dPrev[i] * dPrev[i];
                    double g0 = g[i] - y[i];
                    gg0 += g0 * g0;
                }
                beta = (yg - 2 * yy / dy * dg) / dy;
                double eta = -1 / (Math.sqrt(dd) * Math.min(0.01, Math.sqrt(gg0)));
                beta = Math.max(beta, eta);
            } else {
                double gy = 0, gg0 = 0;
                for (int i = 0; i < n; i++) {
                    gy += g[i] * y[i];
                    double g0 = g[i] - y[i];
                    gg0 += g0 * g0;
                }
                beta = Math.max(0, gy / gg0);
            }
            if (!Double.isFinite(beta)) {
                beta = 0;
            }
        }
        for (int i = 0; i < n; i++) {
            d[i] = -g[i] + beta * dPrev[i];
        }
        System.arraycopy(d, 0, dPrev, 0, n);
    }

    @Override
    public void update(double[] s, double[] yk, double alpha) {
        System.arraycopy(yk, 0, y, 0, n);
        have = true;
    }

    @Override
    public void reset() {
        have = false;
    }

    @Override
    public boolean unitStep() {
        return false;
    }
}
