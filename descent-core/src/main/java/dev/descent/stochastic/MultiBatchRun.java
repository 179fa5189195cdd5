package dev.descent.stochastic;

import dev.descent.data.Batches;
import dev.descent.minimize.LbfgsMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of {@link MultiBatchLbfgs} and {@link ProgressiveBatchLbfgs}: one iteration is
 * samples → block gradients → the previous iteration's pair → direction → (variance test) →
 * stochastic Armijo search. Names as in Berahas et al.: S_k = A ∪ N ∪ C with A = O_{k−1} and
 * C = O_k (for full overlap, A is the previous sample, outside S_k, and C = S_k).
 */
final class MultiBatchRun implements SampledMethod {

    private static final int KIND = 0x4D42_4C42; // "MBLB"
    /** Without damping, a pair needs yᵀs &gt; SKIP·sᵀBs. */
    private static final double SKIP = 1e-10;

    private final SampledConfig config;
    private final SampledObjective f;
    private final int n;
    private final int size;
    private final boolean full;
    private final double overlap;
    private final int m;
    private final double damping;
    private final double c1;
    private final int backtracks;
    private final boolean progressive;
    private final double theta;
    private final int blocks;
    private final int maxBatch;
    private final boolean normTest;

    private final RowStream stream;
    private final LbfgsMemory memory;
    private final double[] g;      // g_S(x_k)
    private final double[] gA;     // g_A(x_k)
    private final double[] gC;     // g_C(x_k)
    private final double[] gO;     // g_{O_{k−1}}(x_{k−1}), saved from the previous iteration
    private final double[] sPrev;  // s_{k−1} = x_k − x_{k−1}
    private final double[] bsPrev; // B_{k−1}s_{k−1} = −t·g_{S_{k−1}}(x_{k−1})
    private final double[] d;
    private final double[] y;
    private final float[] start;
    private final List<double[]> partG = new ArrayList<>();
    private int[] partFrom = new int[8];
    private int[] partCount = new int[8];
    private double[] partLoss = new double[8];
    private int[] rows = new int[0];
    private int[] oRows = new int[0];

    // state beyond the arrays (all of it exported)
    private int oCount;
    private boolean pairPending;
    private int batch;
    private int lastBatch;
    private long steps;
    private double passes;
    private long accepted;
    private long damped;
    private long skipped;
    private long backtrackCount;
    private long failures;
    private long resets;
    private long increases;

    MultiBatchRun(SampledConfig config, SampledObjective f, int batch, long seed, double overlap, int m, double damping,
            double c1, int backtracks, double theta, int blocks, int maxBatch, boolean normTest) {
        this.size = f.size();
        if (batch < 1 || batch > size) {
            throw new IllegalArgumentException("the batch must be in [1, " + size + "] (the training rows), got " + batch);
        }
        this.config = config;
        this.f = f;
        this.n = f.dimension();
        this.full = overlap == 1;
        this.overlap = overlap;
        this.m = m;
        this.damping = damping;
        this.c1 = c1;
        this.backtracks = backtracks;
        this.progressive = blocks > 0;
        this.theta = theta;
        this.normTest = normTest;
        this.blocks = blocks;
        this.maxBatch = maxBatch == 0 ? size : Math.min(maxBatch, size);
        this.batch = progressive ? Math.min(batch, this.maxBatch) : batch;
        this.stream = new RowStream(size, seed);
        this.memory = new LbfgsMemory(n, m, 0, MultiBatchLbfgs.GAMMA_MIN, MultiBatchLbfgs.GAMMA_MAX);
        g = new double[n];
        gA = new double[n];
        gC = new double[n];
        gO = new double[n];
        sPrev = new double[n];
        bsPrev = new double[n];
        d = new double[n];
        y = new double[n];
        start = new float[n];
    }

    @Override
    public double step(float[] x, double lr) {
        if (x.length != n) {
            throw new IllegalArgumentException("θ has length " + x.length + ", the objective has dimension " + n);
        }
        // 1. the sample: A = O_{k−1} (kept rows), N and C fresh
        int b = batch;
        int a = oCount;
        int c = full ? b : Math.max(1, (int) Math.round(overlap * b));
        int nNew = full ? 0 : Math.max(0, b - a - c);
        int total = a + nNew + c;
        if (rows.length < total) {
            rows = new int[total];
        }
        System.arraycopy(oRows, 0, rows, 0, a);
        stream.take(nNew + c, rows, a);
        int sFrom = full ? a : 0;
        int sCount = full ? c : total;
        lastBatch = sCount;

        // 2. block gradients: A, N, C (each in parts when the variance test needs them)
        int per = progressive ? Math.max(1, (sCount + blocks - 1) / blocks) : Integer.MAX_VALUE;
        int k = 0;
        int aParts = 0;
        if (a > 0 && (!full || pairPending)) {
            k = parts(x, 0, a, per, k);
            aParts = k;
        }
        int nParts0 = k;
        if (nNew > 0) {
            k = parts(x, a, nNew, per, k);
        }
        int cParts0 = k;
        k = parts(x, a + nNew, c, per, k);
        int sParts0 = full ? nParts0 : 0;
        double fS = combine(sParts0, k, sCount, g);
        if (aParts > 0) {
            combine(0, aParts, a, gA);
        }
        combine(cParts0, k, c, gC);
        if (!Double.isFinite(fS) || !finite(g)) {
            return Double.isFinite(fS) ? Double.NaN : fS;
        }

        // 3. the previous iteration's pair, on the same examples at both points
        if (pairPending && aParts > 0) {
            pair();
        }
        pairPending = false;
        if (oRows.length < c) {
            oRows = new int[c];
        }
        System.arraycopy(rows, a + nNew, oRows, 0, c);
        oCount = c;
        System.arraycopy(gC, 0, gO, 0, n);

        // 4. direction d = −H·g, or −g after a reset
        double dg = memory.twoLoop(g, d);
        if (!(dg < 0) || !finite(d)) {
            if (memory.pairs() > 0) {
                resets++;
            }
            memory.clear();
            dg = memory.twoLoop(g, d);
        }
        if (!(dg < 0)) {
            steps++;
            return fS; // g = 0 on this sample: nothing to do
        }

        // 5. progressive batching: the inner-product test
        if (progressive) {
            grow(sParts0, k, sCount, dg);
        }

        // 6. stochastic Armijo backtracking on S_k, forward only
        double t = memory.pairs() == 0 ? lr * Math.min(1, 1 / Math.sqrt(-dg)) : lr;
        System.arraycopy(x, 0, start, 0, n);
        boolean ok = false;
        for (int i = 0;; i++) {
            for (int j = 0; j < n; j++) {
                x[j] = (float) (start[j] + t * d[j]);
            }
            double ft = f.loss(x, rows, sFrom, sCount);
            passes += sCount / (3.0 * size);
            if (ft <= fS + c1 * t * dg) {
                ok = true;
                break;
            }
            if (i == backtracks) {
                break;
            }
            t *= 0.5;
            backtrackCount++;
        }
        if (ok) {
            for (int j = 0; j < n; j++) {
                sPrev[j] = (double) x[j] - start[j];
                bsPrev[j] = -t * g[j];
            }
            pairPending = true;
        } else {
            System.arraycopy(start, 0, x, 0, n);
            memory.clear();
            failures++;
        }
        steps++;
        return fS;
    }

    /** Stores (s, y) with y = g_{O}(x_k) − g_{O}(x_{k−1}), accepted, damped or skipped. */
    private void pair() {
        for (int j = 0; j < n; j++) {
            y[j] = gA[j] - gO[j];
        }
        int outcome = curvature(sPrev, y, bsPrev, damping);
        if (outcome == SKIPPED || !memory.push(sPrev, y)) {
            skipped++;
        } else if (outcome == DAMPED) {
            damped++;
        } else {
            accepted++;
        }
    }

    static final int ACCEPTED = 0;
    static final int DAMPED = 1;
    static final int SKIPPED = 2;

    /**
     * The pair test: {@link #ACCEPTED} when yᵀs ≥ ε·sᵀBs (and yᵀs &gt; 10⁻¹⁰·sᵀBs); else, for
     * ε &gt; 0, Powell damping of y in place, y ← θy + (1−θ)Bs with θ = (1−ε)·sᵀBs/(sᵀBs − yᵀs), and
     * {@link #DAMPED}; else (ε = 0, or anything non-finite, or sᵀBs ≤ 0) {@link #SKIPPED}.
     */
    static int curvature(double[] s, double[] y, double[] bs, double eps) {
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

    /** The curvature memory (for tests). */
    LbfgsMemory memory() {
        return memory;
    }

    /** The inner-product (or norm) test over the sample's parts; grows the next sample when it fails. */
    private void grow(int from, int to, int sCount, double dg) {
        int parts = to - from;
        if (parts < 2 || batch >= maxBatch) {
            return;
        }
        if (normTest) {
            // tr Σ̂ = Σⱼ mⱼ‖gⱼ − g‖²/(K − 1) against θ²‖g‖²·|S|
            double tr = 0;
            for (int p = from; p < to; p++) {
                double[] gp = partG.get(p);
                double e = 0;
                for (int j = 0; j < n; j++) {
                    double diff = gp[j] - g[j];
                    e += diff * diff;
                }
                tr += partCount[p] * e;
            }
            tr /= parts - 1;
            double bound = theta * theta * dot(g, g);
            if (tr / sCount > bound) {
                int next = (int) Math.min(maxBatch, Math.max((long) Math.ceil(tr / bound), batch + 1L));
                if (next > batch) {
                    batch = next;
                    increases++;
                }
            }
            return;
        }
        double var = 0;
        for (int p = from; p < to; p++) {
            double ap = dot(partG.get(p), d);
            double diff = ap - dg;
            var += partCount[p] * diff * diff;
        }
        var /= parts - 1;
        double bound = theta * theta * dg * dg;
        if (var / sCount > bound) {
            long want = (long) Math.ceil(var / bound);
            int next = (int) Math.min(maxBatch, Math.max(want, batch + 1L));
            if (next > batch) {
                batch = next;
                increases++;
            }
        }
    }

    /**
     * The per-example variance estimate of the inner-product test from part gradients:
     * Σⱼ mⱼ(gⱼᵀv − ā)²/(K − 1) with ā = Σⱼ mⱼgⱼᵀv / Σⱼ mⱼ (exposed for tests).
     */
    static double exampleVariance(double[][] partGradients, int[] partSizes, double[] v) {
        int kk = partGradients.length;
        double total = 0;
        double mean = 0;
        double[] a = new double[kk];
        for (int p = 0; p < kk; p++) {
            a[p] = dot(partGradients[p], v);
            mean += partSizes[p] * a[p];
            total += partSizes[p];
        }
        mean /= total;
        double var = 0;
        for (int p = 0; p < kk; p++) {
            var += partSizes[p] * (a[p] - mean) * (a[p] - mean);
        }
        return var / (kk - 1);
    }

    /** Evaluates rows[from, from + count) in parts of at most {@code per} rows into parts k, k+1, ...; returns the next k. */
    private int parts(float[] x, int from, int count, int per, int k) {
        int np = Math.max(1, (int) Math.round((double) count / Math.min(per, count)));
        int base = count / np;
        int extra = count % np;
        int at = from;
        for (int p = 0; p < np; p++) {
            int cnt = base + (p < extra ? 1 : 0);
            ensureParts(k + 1);
            partFrom[k] = at;
            partCount[k] = cnt;
            partLoss[k] = f.lossAndGradient(x, rows, at, cnt, partG.get(k));
            passes += (double) cnt / size;
            at += cnt;
            k++;
        }
        return k;
    }

    /** out = Σ mⱼgⱼ / count over parts [from, to); returns Σ mⱼfⱼ / count. */
    private double combine(int from, int to, int count, double[] out) {
        java.util.Arrays.fill(out, 0);
        double loss = 0;
        for (int p = from; p < to; p++) {
            double w = (double) partCount[p] / count;
            double[] gp = partG.get(p);
            for (int j = 0; j < n; j++) {
                out[j] += w * gp[j];
            }
            loss += w * partLoss[p];
        }
        return loss;
    }

    private void ensureParts(int k) {
        while (partG.size() < k) {
            partG.add(new double[n]);
        }
        if (partFrom.length < k) {
            int c = Math.max(k, 2 * partFrom.length);
            partFrom = java.util.Arrays.copyOf(partFrom, c);
            partCount = java.util.Arrays.copyOf(partCount, c);
            partLoss = java.util.Arrays.copyOf(partLoss, c);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static boolean finite(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * 0;
        }
        return s == 0;
    }

    @Override
    public SampledConfig config() {
        return config;
    }

    @Override
    public int lastBatch() {
        return lastBatch;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public double passes() {
        return passes;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public Batches.Cursor cursor() {
        return stream.cursor();
    }

    @Override
    public QuasiNewtonStats stats() {
        return new QuasiNewtonStats(accepted, damped, skipped, backtrackCount, failures, resets, increases);
    }

    @Override
    public byte[] exportState() {
        Batches.Cursor cur = stream.cursor();
        State.Out o = new State.Out().i(KIND).i(n).i(m).l(cur.epoch()).i(cur.offset()).i(batch).i(lastBatch).l(steps).d(passes)
                .l(accepted).l(damped).l(skipped).l(backtrackCount).l(failures).l(resets).l(increases)
                .i(pairPending ? 1 : 0).i(oCount).i(oRows, oCount);
        if (oCount > 0) {
            o.d(gO);
        }
        if (pairPending) {
            o.d(sPrev).d(bsPrev);
        }
        return o.memory(memory, d, y).bytes();
    }

    @Override
    public void importState(byte[] state) {
        State.In in = new State.In(state, config.name() + " state");
        in.expect(KIND, "the kind");
        in.expect(n, "the dimension");
        in.expect(m, "the memory");
        Batches.Cursor cur;
        try {
            cur = new Batches.Cursor(in.l(), in.i());
        } catch (IllegalArgumentException e) {
            throw in.bad(e.getMessage());
        }
        int b = in.i();
        if (b < 1 || b > size) {
            throw in.bad("batch " + b);
        }
        int last = in.i();
        long st = in.l();
        double ps = in.d();
        long[] c = new long[7];
        for (int i = 0; i < c.length; i++) {
            c[i] = in.l();
        }
        boolean pending = in.i() == 1;
        int oc = in.i();
        if (oc < 0 || oc > size) {
            throw in.bad("overlap of " + oc + " rows");
        }
        int[] or = new int[oc];
        for (int i = 0; i < oc; i++) {
            or[i] = in.i();
            if (or[i] < 0 || or[i] >= size) {
                throw in.bad("row " + or[i]);
            }
        }
        if (oc > 0) {
            in.d(gO);
        }
        if (pending) {
            in.d(sPrev);
            in.d(bsPrev);
        }
        in.memory(memory, d, y, m);
        in.end();
        stream.seek(cur);
        batch = b;
        lastBatch = last;
        steps = st;
        passes = ps;
        accepted = c[0];
        damped = c[1];
        skipped = c[2];
        backtrackCount = c[3];
        failures = c[4];
        resets = c[5];
        increases = c[6];
        pairPending = pending;
        oRows = or;
        oCount = oc;
    }
}
