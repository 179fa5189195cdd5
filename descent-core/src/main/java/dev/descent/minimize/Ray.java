package dev.descent.minimize;

/**
 * φ(α) = f(x + α·d) over the loop's buffers: each evaluation writes the trial point and its
 * gradient into {@code xt}, {@code gt}, so that the accepted one is already in place.
 */
final class Ray implements LineFunction {
    private final Evaluator ev;
    double[] x;
    double[] d;
    double[] xt;
    double[] gt;
    double f;
    double dphi;
    double alpha = Double.NaN;
    boolean sawNonFinite;
    boolean sawFinite;

    Ray(Evaluator ev, double[] xt, double[] gt) {
        this.ev = ev;
        this.xt = xt;
        this.gt = gt;
    }

    void along(double[] x, double[] d) {
        this.x = x;
        this.d = d;
        this.alpha = Double.NaN;
    }

    @Override
    public double evaluate(double a) {
        final double[] x = this.x, d = this.d, xt = this.xt;
        for (int i = 0; i < xt.length; i++) {
            xt[i] = x[i] + a * d[i];
        }
        f = ev.evaluate(xt, gt);
        final double[] gt = this.gt;
        double s = 0;
        for (int i = 0; i < gt.length; i++) {
            s += gt[i] * d[i];
        }
        dphi = s;
        alpha = a;
        if (!Double.isFinite(f) || !Double.isFinite(s)) {
            sawNonFinite = true;
        } else {
            sawFinite = true;
        }
        return f;
    }

    @Override
    public double derivative() {
        return dphi;
    }
}
