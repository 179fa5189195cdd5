package dev.descent.stochastic;

/**
 * The curvature-pair test the quasi-Newton methods share: accept the pair, damp it, or skip it.
 *
 * <p>With Bs the product of the current quasi-Newton matrix (or of its initial matrix B₀) with the
 * step s, a pair with yᵀs ≥ ε·sᵀBs (and yᵀs &gt; 10⁻¹⁰·sᵀBs) is stored as measured; otherwise, for
 * ε &gt; 0, Powell's damping y ← θy + (1−θ)Bs with θ = (1−ε)·sᵀBs/(sᵀBs − yᵀs) makes yᵀs = ε·sᵀBs
 * (Powell 1978; Wang, Ma, Goldfarb and Liu, "Stochastic quasi-Newton methods for nonconvex
 * stochastic optimization", SIAM J. Optim. 27(2), 2017); for ε = 0, or anything non-finite, or
 * sᵀBs ≤ 0, the pair is skipped.
 */
final class Curvature {

    /** The pair is stored as measured. */
    static final int ACCEPTED = 0;
    /** y was damped in place; store the damped pair. */
    static final int DAMPED = 1;
    /** Do not store the pair. */
    static final int SKIPPED = 2;
    /** Without damping, a pair needs yᵀs &gt; SKIP·sᵀBs. */
    static final double SKIP = 1e-10;

    private Curvature() {}

    /**
     * Tests (s, y) against Bs and damps y in place when the test asks for it.
     *
     * @param s the step
     * @param y the gradient change, damped in place on {@link #DAMPED}
     * @param bs B·s
     * @param eps ε of the test, in [0, 1)
     * @return {@link #ACCEPTED}, {@link #DAMPED} or {@link #SKIPPED}
     */
    static int test(double[] s, double[] y, double[] bs, double eps) {
        double sy = 0;
        double sBs = 0;
        for (int j = 0; j < s.length; j++) {
            sy += s[j] * y[j];
            sBs += s[j] * bs[j];
        }
        if (!Double.isFinite(sy) || !(sBs > 0) || !Double.isFinite(sBs)) {
            return SKIPPED;
        }
        if (sy >= eps * sBs && sy > SKIP * sBs) {
            return ACCEPTED;
        }
        if (eps == 0) {
            return SKIPPED;
        }
        double th = (1 - eps) * sBs / (sBs - sy);
        for (int j = 0; j < s.length; j++) {
            y[j] = th * y[j] + (1 - th) * bs[j];
        }
        return DAMPED;
    }
}
