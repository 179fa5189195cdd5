package dev.descent.stochastic;

import dev.descent.data.Batches;
import dev.descent.data.Rng;
import dev.descent.minimize.LbfgsMemory;

/**
 * The state of {@link Sqn}: names as in Byrd et al. (x̄_t the averages, L = every, b_H = hessianBatch);
 * D is the momentum direction, kept only when μ &gt; 0.
 */
final class SqnRun extends SampledRun {

    private static final int KIND = 0x5351_4E33; // "SQN3"

    private final Sqn cfg;
    private final int hessianBatch;
    private final RowStream hessianStream;
    private final LbfgsMemory memory;
    private final double[] g;
    private final double[] d;
    private final double[] xSum;
    private final double[] xBarPrev;
    private final double[] s;
    private final double[] y;
    private final double[] b0s;
    private final float[] xBar;
    private final float[] start;
    private final int[] rows;
    private final int[] hRows;
    private final double mu;
    private final double[] dir; // D, the last direction taken (momentum included), when μ > 0

    private int window;
    private boolean hasPrev;
    private boolean searching; // a warm-up step had to backtrack: every step searches from then on

    SqnRun(Sqn config, SampledObjective f, int batch, long seed) {
        super(config, f, batch, seed, KIND, config.memory(), false);
        this.cfg = config;
        this.hessianBatch = Math.min(config.hessianBatch(), size);
        this.hessianStream = new RowStream(size, Rng.mix(seed ^ 0x5351_4E48_6573_7369L));
        this.memory = new LbfgsMemory(n, config.memory(), 0, MultiBatchLbfgs.GAMMA_MIN, Sqn.H0_MAX);
        g = new double[n];
        d = new double[n];
        xSum = new double[n];
        xBarPrev = new double[n];
        s = new double[n];
        y = new double[n];
        b0s = new double[n];
        xBar = new float[n];
        start = new float[n];
        rows = new int[batch];
        hRows = new int[hessianBatch];
        mu = config.momentum();
        dir = mu > 0 ? new double[n] : null;
    }

    @Override
    public double step(float[] x, double lr) {
        double fb = freshGradient(x, rows, g);
        if (!Double.isFinite(fb)) {
            return fb;
        }
        boolean warmUp = steps < 2L * cfg.every();
        double dg;
        if (warmUp) { // d = −g
            dg = 0;
            for (int j = 0; j < n; j++) {
                d[j] = -g[j];
                dg -= g[j] * g[j];
            }
        } else { // d = −H·g, or −g after a reset
            dg = memory.twoLoop(g, d);
            if (memory.pairs() > 0 && (!(dg < 0) || !Double.isFinite(dg))) {
                resets++;
                memory.clear();
                dg = memory.twoLoop(g, d);
            }
        }
        if (mu > 0) {
            dg = momentum(dg);
        }
        if (warmUp || searching) {
            if (search(x, fb, dg, lr) && warmUp) {
                searching = true;
            }
        } else {
            for (int j = 0; j < n; j++) {
                x[j] = (float) (x[j] + lr * d[j]);
            }
        }
        for (int j = 0; j < n; j++) {
            xSum[j] += x[j];
        }
        steps++;
        if (++window == cfg.every()) {
            average(x);
        }
        return fb;
    }

    /**
     * Heavy ball on the direction: d ← d + μ·D, then D ← d, unless d + μ·D is not a descent
     * direction for this batch (gᵀ(d + μ·D) ≥ 0), when the momentum restarts: d stays, D ← d.
     *
     * @param dg gᵀd
     * @return gᵀd of the direction taken
     */
    private double momentum(double dg) {
        double gD = 0;
        for (int j = 0; j < n; j++) {
            gD += g[j] * dir[j];
        }
        double combined = dg + mu * gD;
        boolean keep = combined < 0 && Double.isFinite(combined);
        for (int j = 0; j < n; j++) {
            if (keep) {
                d[j] += mu * dir[j];
            }
            dir[j] = d[j];
        }
        return keep ? combined : dg;
    }

    /**
     * Armijo's backtracking on the batch along d (forward passes only): the largest t of α, α/2,
     * …, α/2¹⁰ with F_b(x + t·d) ≤ F_b(x) + c₁·t·gᵀd (the smallest if none passes).
     *
     * @return whether the step had to be cut below α
     */
    private boolean search(float[] x, double fb, double dg, double lr) {
        System.arraycopy(x, 0, start, 0, n);
        return !(backtrack(x, start, d, lr, fb, Sqn.C1, dg, rows, 0, batch, Sqn.WARM_UP_BACKTRACKS) == lr);
    }

    /** x̄_t, and from the second average on the pair s = x̄_t − x̄_{t−1}, y = ∇²F_{S_H}(x̄_t)·s. */
    private void average(float[] x) {
        double inv = 1.0 / cfg.every();
        for (int j = 0; j < n; j++) {
            double xb = xSum[j] * inv;
            s[j] = xb - xBarPrev[j];
            xBarPrev[j] = xb;
            xBar[j] = (float) xb;
            xSum[j] = 0;
        }
        window = 0;
        if (hasPrev) {
            hessianStream.take(hessianBatch, hRows, 0);
            f.hessianVector(xBar, hRows, 0, hessianBatch, s, y);
            passes += (f.hasExactHessianVector() ? 1.0 : 2.0) * hessianBatch / size;
            // Powell damping against B₀ = I/H0_MAX (SdLBFGS's lower bound δ): curvature along s ≥ ε/H0_MAX
            for (int j = 0; j < n; j++) {
                b0s[j] = s[j] / Sqn.H0_MAX;
            }
            offer(memory, s, y, b0s, cfg.damping());
        }
        hasPrev = true;
    }

    @Override
    void writeOwn(State.Out o) {
        Batches.Cursor h = hessianStream.cursor();
        o.l(h.epoch()).i(h.offset()).i(window).i(hasPrev ? 1 : 0).i(searching ? 1 : 0).d(xSum).d(xBarPrev).memory(memory, s, y);
        if (mu > 0) {
            o.d(dir);
        }
    }

    @Override
    Runnable readOwn(State.In in) {
        Batches.Cursor h;
        try {
            h = new Batches.Cursor(in.l(), in.i());
        } catch (IllegalArgumentException e) {
            throw in.bad(e.getMessage());
        }
        int w = in.i();
        if (w < 0 || w >= cfg.every()) {
            throw in.bad("window position " + w);
        }
        boolean prev = in.i() == 1;
        boolean search = in.i() == 1;
        double[] sum = new double[n];
        double[] bar = new double[n];
        in.d(sum);
        in.d(bar);
        double[][] pairs = in.pairs(n, cfg.memory(), 0);
        // the direction D follows when the run had momentum: say so when the two runs differ there
        boolean withMomentum = in.remaining() == 8L * n;
        if (mu > 0 && !withMomentum) {
            throw in.bad("it was saved without momentum: continue it with momentum=0");
        }
        if (mu == 0 && withMomentum) {
            throw in.bad("it was saved with momentum: continue it with the momentum it had");
        }
        double[] saved = mu > 0 ? new double[n] : null;
        if (mu > 0) {
            in.d(saved);
        }
        return () -> {
            hessianStream.seek(h);
            window = w;
            hasPrev = prev;
            searching = search;
            System.arraycopy(sum, 0, xSum, 0, n);
            System.arraycopy(bar, 0, xBarPrev, 0, n);
            State.restore(memory, pairs);
            if (mu > 0) {
                System.arraycopy(saved, 0, dir, 0, n);
            }
        };
    }
}
