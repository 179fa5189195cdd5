package dev.descent.stochastic;

import dev.descent.data.Batches;
import dev.descent.data.Rng;
import dev.descent.minimize.LbfgsMemory;
import java.util.Arrays;

/**
 * The state of {@link Sqn}: names as in Byrd et al. (x̄_t the averages, L = every, b_H = hessianBatch);
 * D is the momentum direction, kept only when μ &gt; 0.
 */
final class SqnRun extends SampledRun {

    private static final int KIND = 0x5351_4E34; // "SQN4"

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
    private final float[] start; // x before the last step
    private final int[] rows;
    private final int[] hRows;
    private final double mu;
    private final double[] dir; // D, the last direction taken (momentum included), when μ > 0

    private int window;
    private boolean hasPrev;
    private boolean searching; // the guard undid a step: every step searches from then on
    private double first; // the guard's scale: the first batch loss,
    private double level; // the batch losses' moving average,
    private double lowest; // and its lowest value so far
    private boolean undoPending; // settle undid the last step on the next batch: the next step is that undo
    private double pendingLoss; // its batch loss

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
        if (undoPending) { // settle already evaluated this step's batch and undid the last step
            checkTheta(x);
            stream.take(batch, rows, 0);
            undoPending = false;
            return endUndo(x, pendingLoss);
        }
        double fb = freshGradient(x, rows, g);
        if (!Double.isFinite(fb)) {
            return fb;
        }
        boolean warmUp = steps < 2L * cfg.every();
        if (steps == 0) {
            first = level = lowest = fb;
        } else if (!warmUp && !searching && gaveBack(fb) && rose(fb)) {
            undo(x);
            return endUndo(x, fb);
        }
        level += Sqn.LEVEL_WEIGHT * (fb - level);
        lowest = Math.min(lowest, level);
        System.arraycopy(x, 0, start, 0, n);
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
            search(x, fb, dg, lr);
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

    /** The guard's screen: F_b(x_k) has given back more than {@link Sqn#GUARD} of the progress of the averages. */
    private boolean gaveBack(double fb) {
        return fb > lowest + Sqn.GUARD * (first - lowest);
    }

    /** The guard's confirmation, on the same batch (one forward pass): F_b(x_k) &gt; F_b(x_{k−1}), the step, not the batch, raised it. */
    private boolean rose(double fb) {
        double before = f.loss(start, rows, 0, batch);
        passes += batch / (3.0 * size);
        return fb > before;
    }

    /**
     * The guard's check of the last step, when the next step would make it (past the warm-up, not
     * searching): F_b(x) on the batch the next step takes, with the same evaluation. If the guard
     * fires, the last step is undone now and the next step only consumes that batch, so a run that
     * continues takes the same steps; otherwise the batch stays for the next step.
     */
    @Override
    public void settle(float[] x) {
        checkTheta(x);
        if (undoPending || searching || steps < 2L * cfg.every()) {
            return;
        }
        Batches.Cursor next = stream.cursor();
        double fb = freshGradient(x, rows, g);
        stream.seek(next);
        if (Double.isFinite(fb) && gaveBack(fb) && rose(fb)) {
            undo(x);
            undoPending = true;
            pendingLoss = fb;
        }
    }

    /** Undoes the last step: x ← its start, which replaces it in the running sum; the momentum restarts; every later step searches. */
    private void undo(float[] x) {
        for (int j = 0; j < n; j++) {
            xSum[j] += window == 0 ? start[j] : 2.0 * start[j] - x[j]; // after an average only this step's iterate
            x[j] = start[j];
        }
        if (mu > 0) {
            Arrays.fill(dir, 0);
        }
        searching = true;
        undone++;
    }

    /** The step that undid the last one ends: it counts, and closes a window. */
    private double endUndo(float[] x, double fb) {
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
        o.l(h.epoch()).i(h.offset()).i(window).i(hasPrev ? 1 : 0).i(searching ? 1 : 0)
                .d(first).d(level).d(lowest).l(undone).i(undoPending ? 1 : 0).d(pendingLoss).d(start).d(xSum).d(xBarPrev).memory(memory, s, y);
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
        double[] guard = {in.d(), in.d(), in.d()};
        long und = in.l();
        if (und < 0) {
            throw in.bad(und + " steps undone");
        }
        boolean pending = in.i() == 1;
        double pLoss = in.d();
        float[] st = new float[n];
        in.d(st);
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
            first = guard[0];
            level = guard[1];
            lowest = guard[2];
            undone = und;
            undoPending = pending;
            pendingLoss = pLoss;
            System.arraycopy(st, 0, start, 0, n);
            System.arraycopy(sum, 0, xSum, 0, n);
            System.arraycopy(bar, 0, xBarPrev, 0, n);
            State.restore(memory, pairs);
            if (mu > 0) {
                System.arraycopy(saved, 0, dir, 0, n);
            }
        };
    }
}
