package dev.descent.minimize;

/**
 * Backtracking line search to the Armijo (sufficient decrease) condition
 * φ(α) ≤ φ(0) + c₁·α·φ′(0), Nocedal &amp; Wright, <i>Numerical Optimization</i> (2nd ed.),
 * Algorithm 3.1, with the step shortened by safeguarded quadratic interpolation (Section 3.5):
 * α ← −φ′(0)α² / (2(φ(α) − φ(0) − φ′(0)α)), kept within [0.1α, 0.5α]. A non-finite φ(α)
 * halves α.
 *
 * @param c1 the sufficient-decrease constant, in (0, 1); default 1e-4
 * @param maxEvaluations evaluations allowed per search, ≥ 1; default 40
 */
public record Armijo(double c1, int maxEvaluations) implements LineSearch {

    /** c₁ = 1e-4, 40 evaluations. */
    public static final Armijo DEFAULT = new Armijo(1e-4, 40);

    /** Checks c₁ ∈ (0, 1) and maxEvaluations ≥ 1. */
    public Armijo {
        if (!(c1 > 0 && c1 < 1)) {
            throw new IllegalArgumentException("c1 must be in (0, 1), got " + c1);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be >= 1, got " + maxEvaluations);
        }
    }

    @Override
    public String name() {
        return "armijo";
    }

    @Override
    public LineStep search(LineFunction phi, double phi0, double dphi0, double alpha0) {
        double alpha = alpha0;
        double bestAlpha = 0;
        double bestPhi = phi0;
        double bestDphi = dphi0;
        for (int k = 1; k <= maxEvaluations; k++) {
            double p = phi.evaluate(alpha);
            double dp = phi.derivative();
            boolean finite = Double.isFinite(p) && Double.isFinite(dp);
            if (finite && p <= phi0 + c1 * alpha * dphi0) {
                return new LineStep(alpha, p, dp, k, LineStep.Outcome.SATISFIED);
            }
            if (finite && p < bestPhi) {
                bestAlpha = alpha;
                bestPhi = p;
                bestDphi = dp;
            }
            double next = 0.5 * alpha;
            if (finite) {
                double q = -dphi0 * alpha * alpha / (2 * (p - phi0 - dphi0 * alpha));
                next = Math.min(0.5 * alpha, Math.max(0.1 * alpha, q));
            }
            if (next == alpha || next <= 0) {
                return finish(bestAlpha, bestPhi, bestDphi, k);
            }
            alpha = next;
        }
        return finish(bestAlpha, bestPhi, bestDphi, maxEvaluations);
    }

    private static LineStep finish(double alpha, double p, double dp, int evaluations) {
        LineStep.Outcome o = alpha > 0 ? LineStep.Outcome.DECREASE_ONLY : LineStep.Outcome.FAILED;
        return new LineStep(alpha, p, dp, evaluations, o);
    }
}
