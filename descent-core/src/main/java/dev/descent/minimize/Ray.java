package dev.descent.minimize;

/**
 * φ(α) = f(x + α·d) over the loop's buffers: each evaluation writes the trial point and its
 * gradient into {@code xt}, {@code gt}, so that the accepted one is already in place.
 *
 * <p>A call at the α of the previous call returns the remembered φ and φ′ without evaluating f
 * again (as scipy's {@code ScalarFunction} does for a repeated x). Moré–Thuente asks for exactly
 * that when the interval of uncertainty becomes too narrow right after a trial that improved on
 * the best step: dcsrch then sets α to the best step, which is the trial just evaluated.
 * {@link #along} forgets the remembered α.
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
        if (a == alpha) {
            return f; // the same trial point again: xt, gt, f and φ′ are already in place
        }
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
