package dev.descent.minimize;

/**
 * The memory of L-BFGS: the m newest curvature pairs (sⱼ, yⱼ, ρⱼ = 1/yⱼᵀsⱼ) and the two-loop
 * recursion d = −H·g over them, Nocedal &amp; Wright (2nd ed.) Algorithm 7.4, with the initial
 * matrix H₀ = γI, γ = sᵀy / yᵀy of the newest pair (eq. 7.20). With no pairs, d = −g.
 *
 * <p>A pair is kept only if sᵀy &gt; {@code threshold} (and sᵀy, yᵀy are finite, yᵀy &gt; 0),
 * which keeps H positive definite; a skipped pair leaves the memory as it was. Once m pairs are
 * stored, a kept pair replaces the oldest. {@link Method.Lbfgs} uses threshold 0;
 * {@code torch.optim.LBFGS} uses 1e-10.
 *
 * <p>Storage: m + 1 slots of a flat (m+1)×n array for s and for y. A new pair is written straight
 * into the spare slot; when it passes the curvature test the spare becomes the newest and the
 * oldest slot becomes the spare, so a skipped pair never overwrites a kept one. The two loops are
 * fused pass by pass (q ← q − aⱼyⱼ together with sⱼ₋₁ᵀq, and the γ-scaling with the first
 * y-product), about 4 vectors of memory traffic per pair and loop. O(mn) per direction, no
 * allocation after construction.
 *
 * <p>State, not configuration: one instance per run, not thread-safe.
 */
public final class LbfgsMemory {
    private final int m;
    private final int n;
    private final double threshold;
    private final double gammaMin;
    private final double gammaMax;
    private final double[] S; // slot k = S[k·n, (k+1)·n)
    private final double[] Y;
    private final double[] rho; // 1 / yᵀs per slot
    private final double[] a; // the αⱼ of the first loop, per slot
    private final int[] order; // order[0] = oldest slot, order[count − 1] = newest
    private int count;
    private int spare;
    private double gamma = 1;

    /**
     * An empty memory for m pairs of dimension n.
     *
     * @param n the dimension, n ≥ 1
     * @param m the number of pairs kept, m ≥ 1
     * @param threshold a pair is kept only if sᵀy &gt; threshold; finite, ≥ 0
     */
    public LbfgsMemory(int n, int m, double threshold) {
        this(n, m, threshold, 0, Double.POSITIVE_INFINITY);
    }

    /**
     * A memory whose initial scaling γ = sᵀy/yᵀy is clamped to [gammaMin, gammaMax] (the
     * stochastic quasi-Newton methods use this to keep one noisy pair from scaling H₀ wildly).
     *
     * @param n the dimension, n ≥ 1
     * @param m the number of pairs kept, m ≥ 1
     * @param threshold a pair is kept only if sᵀy &gt; threshold; finite, ≥ 0
     * @param gammaMin the smallest γ, ≥ 0
     * @param gammaMax the largest γ, ≥ gammaMin (may be +∞)
     */
    public LbfgsMemory(int n, int m, double threshold, double gammaMin, double gammaMax) {
        if (!(gammaMin >= 0) || !(gammaMax >= gammaMin)) {
            throw new IllegalArgumentException("need 0 ≤ gammaMin ≤ gammaMax, got " + gammaMin + ", " + gammaMax);
        }
        this.gammaMin = gammaMin;
        this.gammaMax = gammaMax;
        if (n < 1) {
            throw new IllegalArgumentException("n must be ≥ 1, got " + n);
        }
        if (m < 1) {
            throw new IllegalArgumentException("m (memory) must be ≥ 1, got " + m);
        }
        if (!(threshold >= 0) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite and ≥ 0, got " + threshold);
        }
        this.m = m;
        this.n = n;
        this.threshold = threshold;
        this.S = new double[(m + 1) * n];
        this.Y = new double[(m + 1) * n];
        this.rho = new double[m + 1];
        this.a = new double[m + 1];
        this.order = new int[m];
    }

    /**
     * Writes d = −H·g into d by the two-loop recursion and returns dᵀg. Does not modify g;
     * d must not be g.
     *
     * @param g the gradient, length n
     * @param d the output direction, length n
     * @return dᵀg
     */
    public double twoLoop(double[] g, double[] d) {
        final int n = this.n;
        final double[] S = this.S, Y = this.Y;
        if (count == 0) {
            double dg = 0;
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
                dg -= g[i] * g[i];
            }
            return dg;
        }
        // first loop, newest to oldest: q ← −∇f, then aⱼ = ρⱼsⱼᵀq, q ← q − aⱼyⱼ (here q lives in d)
        int j = order[count - 1];
        int off = j * n;
        double dot = 0;
        for (int i = 0; i < n; i++) {
            double q = -g[i];
            d[i] = q;
            dot += S[off + i] * q;
        }
        for (int k = count - 1; k > 0; k--) {
            double aj = rho[j] * dot;
            a[j] = aj;
            int jn = order[k - 1];
            int offY = j * n;
            int offS = jn * n;
            dot = 0;
            for (int i = 0; i < n; i++) {
                double q = d[i] - aj * Y[offY + i];
                d[i] = q;
                dot += S[offS + i] * q;
            }
            j = jn;
        }
        // the oldest pair, fused with r ← γq and the second loop's first product y₀ᵀr
        {
            double aj = rho[j] * dot;
            a[j] = aj;
            int offY = j * n;
            double gm = gamma;
            dot = 0;
            for (int i = 0; i < n; i++) {
                double r = gm * (d[i] - aj * Y[offY + i]);
                d[i] = r;
                dot += Y[offY + i] * r;
            }
        }
        // second loop, oldest to newest: b = ρⱼyⱼᵀr, r ← r + (aⱼ − b)sⱼ
        for (int k = 0; k < count - 1; k++) {
            double c = a[j] - rho[j] * dot;
            int jn = order[k + 1];
            int offS = j * n;
            int offY = jn * n;
            dot = 0;
            for (int i = 0; i < n; i++) {
                double r = d[i] + c * S[offS + i];
                d[i] = r;
                dot += Y[offY + i] * r;
            }
            j = jn;
        }
        double c = a[j] - rho[j] * dot;
        int offS = j * n;
        double dg = 0;
        for (int i = 0; i < n; i++) {
            double r = d[i] + c * S[offS + i];
            d[i] = r;
            dg += r * g[i];
        }
        return dg;
    }

    /**
     * Offers the pair (s, y), copied; returns whether it was kept. Does not modify s or y.
     *
     * @param s the step, length n
     * @param y the gradient change, length n
     * @return whether the pair passed the curvature test sᵀy &gt; threshold and was stored
     */
    public boolean push(double[] s, double[] y) {
        int off = spare * n;
        System.arraycopy(s, 0, S, off, n);
        System.arraycopy(y, 0, Y, off, n);
        double sy = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            sy += s[i] * y[i];
            yy += y[i] * y[i];
        }
        return commit(sy, yy);
    }

    /**
     * Offers the pair s = xNew − x, y = gNew − g of an accepted step, formed in place in one pass;
     * returns whether it was kept. Modifies none of its arguments.
     *
     * @param x the old point
     * @param xNew the new point
     * @param g the gradient at x
     * @param gNew the gradient at xNew
     * @return whether the pair passed the curvature test and was stored
     */
    public boolean pushStep(double[] x, double[] xNew, double[] g, double[] gNew) {
        final int off = spare * n;
        final double[] S = this.S, Y = this.Y;
        double sy = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            double si = xNew[i] - x[i];
            double yi = gNew[i] - g[i];
            S[off + i] = si;
            Y[off + i] = yi;
            sy += si * yi;
            yy += yi * yi;
        }
        return commit(sy, yy);
    }

    /** Keeps the pair in the spare slot if it passes the curvature test. */
    private boolean commit(double sy, double yy) {
        if (!(sy > threshold) || !(yy > 0) || !Double.isFinite(sy) || !Double.isFinite(yy)) {
            return false; // curvature condition fails: skip the pair, the spare is reused next time
        }
        rho[spare] = 1 / sy;
        gamma = Math.min(Math.max(sy / yy, gammaMin), gammaMax);
        if (count < m) {
            order[count++] = spare;
            spare = count; // slots 0..count−1 are in use, slot count is free
        } else {
            int oldest = order[0];
            System.arraycopy(order, 1, order, 0, m - 1);
            order[m - 1] = spare;
            spare = oldest;
        }
        return true;
    }

    /** Forgets every pair; the next direction is −g. */
    public void clear() {
        count = 0;
        spare = 0;
        gamma = 1;
    }

    /**
     * The number of stored pairs.
     *
     * @return 0..m
     */
    public int pairs() {
        return count;
    }

    /**
     * Copies the k-th oldest stored pair into s and y: with {@link #clear()} and {@link #push}
     * in the same order, this restores a memory exactly (checkpoints of the stochastic
     * quasi-Newton methods).
     *
     * @param k the pair, in [0, {@link #pairs()}), 0 the oldest
     * @param s length n, overwritten with sₖ
     * @param y length n, overwritten with yₖ
     */
    public void pair(int k, double[] s, double[] y) {
        if (k < 0 || k >= count) {
            throw new IndexOutOfBoundsException("pair " + k + " of " + count);
        }
        int off = order[k] * n;
        System.arraycopy(S, off, s, 0, n);
        System.arraycopy(Y, off, y, 0, n);
    }

    /**
     * The current initial scaling of H₀ = γI.
     *
     * @return γ (1 with no pairs)
     */
    public double gamma() {
        return gamma;
    }
}
