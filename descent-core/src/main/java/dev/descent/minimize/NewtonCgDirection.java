package dev.descent.minimize;

import dev.descent.linalg.Vec;

/**
 * The truncated (Hessian-free) Newton direction of Nocedal &amp; Wright (2nd ed.) Algorithm 7.1:
 * conjugate gradient on ∇²f·p = −∇f, stopped when ‖r‖ ≤ εₖ = min(0.5, √‖∇f‖)·‖∇f‖ (superlinear
 * forcing sequence) or when a direction of non-positive curvature appears (then the current
 * iterate is returned, or −∇f on the first CG iteration). Products ∇²f·v come from the objective
 * when it has them, else from the forward difference (∇f(x + hv) − ∇f(x)) / h with
 * h = √ε_mach·(1 + ‖x‖₂)/‖v‖₂, one gradient evaluation each.
 */
final class NewtonCgDirection implements Direction {
    private final int n;
    private final Evaluator ev;
    private final boolean exact;
    private final int maxCg;
    private final double[] z;
    private final double[] r;
    private final double[] p;
    private final double[] Bp;
    private final double[] xh;
    private final double[] gh;

    NewtonCgDirection(int n, Evaluator ev) {
        this.n = n;
        this.ev = ev;
        this.exact = ev.hessianVector() != null;
        this.maxCg = (int) Math.min(Integer.MAX_VALUE, 20L * n);
        this.z = new double[n];
        this.r = new double[n];
        this.p = new double[n];
        this.Bp = new double[n];
        this.xh = exact ? null : new double[n];
        this.gh = exact ? null : new double[n];
    }

    @Override
    public double compute(double[] x, double[] g, double[] d) {
        direction(x, g, d);
        return dev.descent.linalg.Vec.dot(d, g);
    }

    private void direction(double[] x, double[] g, double[] d) {
        double gnorm = Vec.norm2(g);
        double eps = Math.min(0.5, Math.sqrt(gnorm)) * gnorm;
        java.util.Arrays.fill(z, 0);
        for (int i = 0; i < n; i++) {
            r[i] = g[i];
            p[i] = -g[i];
        }
        double rr = Vec.dot(r, r);
        for (int j = 0; j < maxCg; j++) {
            product(x, g, p, Bp);
            double pBp = Vec.dot(p, Bp);
            if (!(pBp > 0)) {
                if (j == 0) {
                    for (int i = 0; i < n; i++) {
                        d[i] = -g[i];
                    }
                } else {
                    System.arraycopy(z, 0, d, 0, n);
                }
                return;
            }
            double alpha = rr / pBp;
            Vec.axpy(alpha, p, z);
            Vec.axpy(alpha, Bp, r);
            double rrNew = Vec.dot(r, r);
            if (Math.sqrt(rrNew) <= eps) {
                break;
            }
            double beta = rrNew / rr;
            rr = rrNew;
            for (int i = 0; i < n; i++) {
                p[i] = -r[i] + beta * p[i];
            }
        }
        System.arraycopy(z, 0, d, 0, n);
    }

    private void product(double[] x, double[] g, double[] v, double[] out) {
        if (exact) {
            ev.hessianVector(x, v, out);
            return;
        }
        double vnorm = Vec.norm2(v);
        double h = Math.sqrt(Math.ulp(1.0)) * (1 + Vec.norm2(x)) / vnorm;
        Vec.addScaled(xh, x, h, v);
        ev.evaluate(xh, gh);
        for (int i = 0; i < n; i++) {
            out[i] = (gh[i] - g[i]) / h;
        }
    }

    @Override
    public boolean unitStep() {
        return true;
    }
}
