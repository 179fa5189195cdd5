package dev.descent.stochastic;

import dev.descent.minimize.LbfgsMemory;

/**
 * The state of {@link MultiBatchLbfgs} and {@link ProgressiveBatchLbfgs}: one iteration is
 * samples → block gradients (with the overlap search: the previous step's test on A first) → the
 * previous iteration's pair → (sample-size test) → direction → stochastic Armijo search (or, with
 * the overlap search, the trial step taken untested). Names as in Berahas et al.: S_k = A ∪ N ∪ C
 * with A = O_{k−1} and C = O_k (for full overlap, A is the previous sample, outside S_k, and
 * C = S_k).
 */
final class MultiBatchRun extends SampledRun {

    private static final int KIND = 0x4D42_4C32; // "MBL2"

    private final boolean full;
    private final double overlap;
    private final int m;
    private final double damping;
    private final double c1;
    private final int backtrackLimit;
    private final boolean lazy;
    private final ProgressiveBatchLbfgs progressive;
    private final int maxBatch;

    private final LbfgsMemory memory;
    private final BlockGradients blocks;
    private final SampleSizeTest test = new SampleSizeTest();
    private final double[] g;      // g_S(x_k)
    private final double[] gA;     // g_A(x_k)
    private final double[] gC;     // g_C(x_k)
    private final double[] gO;     // g_{O_{k−1}}(x_{k−1}), saved from the previous iteration
    private final double[] sPrev;  // s_{k−1} = x_k − x_{k−1}
    private final double[] bsPrev; // B_{k−1}s_{k−1} = −t·g_{S_{k−1}}(x_{k−1})
    private final double[] d;
    private final double[] y;
    private final float[] start;   // x_k: a scratch of the batch search; the overlap search's pending test keeps it
    private final double[] trial;  // the direction of the overlap search's pending test
    private int[] rows = new int[0];
    private int[] oRows = new int[0];

    // state beyond the arrays and the base's (all of it exported)
    private int oCount;
    private boolean pairPending;
    private boolean testPending;   // the overlap search's test of the last step, on A at the start of this one
    private double tPrev;          // its step
    private double dgPrev;         // ∇F_{S_{k−1}}(x_{k−1})ᵀd_{k−1}
    private double fPrev;          // F_{O_{k−1}}(x_{k−1})

    /** Multi-batch L-BFGS, or progressive batching when {@code progressive} is not null. */
    MultiBatchRun(SampledConfig config, SampledObjective f, int batch, long seed, MultiBatchLbfgs mb,
            ProgressiveBatchLbfgs progressive) {
        super(config, f, progressive == null ? batch : Math.min(batch, maxBatch(progressive, f)), seed, KIND, mb.memory(),
                progressive != null);
        this.full = mb.overlap() == 1;
        this.overlap = mb.overlap();
        this.m = mb.memory();
        this.damping = mb.damping();
        this.c1 = mb.c1();
        this.backtrackLimit = mb.backtracks();
        this.lazy = mb.search() == MultiBatchLbfgs.Search.OVERLAP;
        this.progressive = progressive;
        this.maxBatch = progressive == null ? size : maxBatch(progressive, f);
        this.memory = new LbfgsMemory(n, m, 0, MultiBatchLbfgs.GAMMA_MIN, MultiBatchLbfgs.GAMMA_MAX);
        this.blocks = new BlockGradients(f);
        g = new double[n];
        gA = new double[n];
        gC = new double[n];
        gO = new double[n];
        sPrev = new double[n];
        bsPrev = new double[n];
        d = new double[n];
        y = new double[n];
        start = new float[n];
        trial = lazy ? new double[n] : null;
    }

    private static int maxBatch(ProgressiveBatchLbfgs p, SampledObjective f) {
        return p.maxBatch() == 0 ? f.size() : Math.min(p.maxBatch(), f.size());
    }

    @Override
    public double step(float[] x, double lr) {
        checkTheta(x);
        // 1. the sample: A = O_{k−1} (kept rows), N and C fresh
        int a = oCount;
        int c = overlapRows();
        int nNew = newRows(c);
        int total = a + nNew + c;
        if (rows.length < total) {
            rows = new int[total];
        }
        System.arraycopy(oRows, 0, rows, 0, a);
        stream.take(nNew + c, rows, a);
        int sFrom = full ? a : 0;
        int sCount = sampleRows(c, nNew);
        lastBatch = sCount;

        // 2. block gradients: A, N, C (each in parts when the sample-size test needs them)
        int per = parts(sCount);
        int k = 0;
        int aParts = 0;
        if (a > 0 && (!full || pairPending)) {
            aParts = testAndEvaluateA(x, a, per);
            k = aParts;
        }
        testPending = false;
        int nParts0 = k;
        if (nNew > 0) {
            k = blocks.evaluate(x, rows, a, nNew, per, k);
            passes += (double) nNew / size;
        }
        int cParts0 = k;
        k = blocks.evaluate(x, rows, a + nNew, c, per, k);
        passes += (double) c / size;
        int sParts0 = full ? nParts0 : 0;
        double fS = blocks.combine(sParts0, k, sCount, g);
        if (aParts > 0) {
            blocks.combine(0, aParts, a, gA);
        }
        double fC = blocks.combine(cParts0, k, c, gC);
        if (!Double.isFinite(fS) || !finite(g)) {
            return Double.isFinite(fS) ? Double.NaN : fS;
        }

        // 3. the previous iteration's pair, on the same examples at both points
        if (pairPending && aParts > 0) {
            for (int j = 0; j < n; j++) {
                y[j] = gA[j] - gO[j];
            }
            offer(memory, sPrev, y, bsPrev, damping);
        }
        pairPending = false;
        if (oRows.length < c) {
            oRows = new int[c];
        }
        System.arraycopy(rows, a + nNew, oRows, 0, c);
        oCount = c;
        System.arraycopy(gC, 0, gO, 0, n);

        // 4. progressive batching: the sample-size test on g, and the initial step it suggests
        double alpha0 = 1;
        if (progressive != null) {
            test.measure(blocks, sParts0, k, g);
            int next = test.next(progressive.test(), progressive.theta(), sCount, batch, maxBatch);
            if (next > batch) {
                batch = next;
                increases++;
            }
            alpha0 = test.initialStep(sCount);
        }

        // 5. direction d = −H·g, or −g after a reset
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

        // 6. stochastic Armijo backtracking on S_k, forward only (or the trial step, tested on C next time)
        double t = alpha0 * (memory.pairs() == 0 ? lr * Math.min(1, 1 / Math.sqrt(-dg)) : lr);
        System.arraycopy(x, 0, start, 0, n);
        if (lazy) {
            move(x, start, t, d);
            setPair(x, t);
            System.arraycopy(d, 0, trial, 0, n);
            tPrev = t;
            dgPrev = dg;
            fPrev = fC;
            testPending = true;
            pairPending = true;
        } else if (armijo(x, t, fS, dg, sFrom, sCount)) {
            pairPending = true;
        } else {
            System.arraycopy(start, 0, x, 0, n);
            memory.clear();
            failures++;
        }
        steps++;
        return fS;
    }

    /**
     * Tries t, t/2, ... (at most {@code backtracks} halvings) from {@code start} along d until
     * F_S(x) ≤ F_S(start) + c₁·t·gᵀd; on success leaves x there and sets the pending pair's s and Bs.
     */
    private boolean armijo(float[] x, double t, double fS, double dg, int sFrom, int sCount) {
        double accepted = backtrack(x, start, d, t, fS, c1, dg, rows, sFrom, sCount, backtrackLimit);
        if (Double.isNaN(accepted)) {
            return false;
        }
        setPair(x, accepted);
        return true;
    }

    /** |C| = |O_k| of the next sample: round(r·b), at least 1; b for full overlap. */
    private int overlapRows() {
        return full ? batch : Math.max(1, (int) Math.round(overlap * batch));
    }

    /** |N| of the next sample, whose C has {@code c} rows and whose A is the kept overlap (none for full overlap). */
    private int newRows(int c) {
        return full ? 0 : Math.max(0, batch - oCount - c);
    }

    /** |S_k| of the next sample: A ∪ N ∪ C, or C alone for full overlap (A is then outside S_k). */
    private int sampleRows(int c, int nNew) {
        return full ? c : oCount + nNew + c;
    }

    /** The rows per part of a sample of {@code sCount} rows: K parts for progressive batching, else one block. */
    private int parts(int sCount) {
        return progressive != null ? Math.max(1, (sCount + progressive.blocks() - 1) / progressive.blocks()) : Integer.MAX_VALUE;
    }

    /**
     * A's block gradients at x (A = the first {@code a} rows of {@code oRows}), after the
     * overlap search's pending test of the last step: if F_A(x) fails it, backtracks and
     * evaluates A again at the point kept (after a failure with full overlap, A is not needed).
     *
     * @return the number of A's parts (0 when none were kept)
     */
    private int testAndEvaluateA(float[] x, int a, int per) {
        int aParts = blocks.evaluate(x, oRows, 0, a, per, 0);
        passes += (double) a / size;
        if (testPending && !(blocks.combine(0, aParts, a, gA) <= fPrev + c1 * tPrev * dgPrev)) {
            testPending = false;
            boolean accepted = backtrackOnA(x, a);
            if (!accepted && full) {
                return 0;
            }
            aParts = blocks.evaluate(x, oRows, 0, a, per, 0);
            passes += (double) a / size;
        }
        return aParts;
    }

    /**
     * Tests the overlap search's last step now (see {@link SampledMethod#settle}): the same
     * evaluation of A as the next step's, so a test that fails is resolved as that step would;
     * one that passes stays pending and the next step passes it again.
     */
    @Override
    public void settle(float[] x) {
        checkTheta(x);
        if (!testPending || oCount == 0) {
            return;
        }
        int c = overlapRows();
        testAndEvaluateA(x, oCount, parts(sampleRows(c, newRows(c))));
    }

    /** The pending pair's s = x − start and Bs = −t·g. */
    private void setPair(float[] x, double t) {
        for (int j = 0; j < n; j++) {
            sPrev[j] = (double) x[j] - start[j];
            bsPrev[j] = -t * g[j];
        }
    }

    /**
     * The overlap search's test failed at t: tries t/2, t/4, ... (at most {@code backtracks}
     * halvings) from x_{k−1} along d_{k−1} until F_A(x) ≤ F_A(x_{k−1}) + c₁·t·∇F_{S_{k−1}}ᵀd_{k−1},
     * with forward passes on A. On success leaves x there and rescales the pending pair; on
     * failure puts x back at x_{k−1}, clears the memory and drops the pair.
     */
    private boolean backtrackOnA(float[] x, int a) {
        if (backtrackLimit > 0) {
            backtracks++; // the first trial is already a halving of the step tested
            double t = backtrack(x, start, trial, tPrev * 0.5, fPrev, c1, dgPrev, oRows, 0, a, backtrackLimit - 1);
            if (!Double.isNaN(t)) {
                double scale = t / tPrev;
                for (int j = 0; j < n; j++) {
                    sPrev[j] = (double) x[j] - start[j];
                    bsPrev[j] *= scale;
                }
                return true;
            }
        }
        System.arraycopy(start, 0, x, 0, n);
        memory.clear();
        failures++;
        pairPending = false;
        return false;
    }

    /** The curvature memory (for tests). */
    LbfgsMemory memory() {
        return memory;
    }

    private static boolean finite(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * 0;
        }
        return s == 0;
    }

    @Override
    void writeOwn(State.Out o) {
        o.i(pairPending ? 1 : 0).i(oCount).i(oRows, oCount);
        if (oCount > 0) {
            o.d(gO);
        }
        if (pairPending) {
            o.d(sPrev).d(bsPrev);
        }
        o.memory(memory, d, y);
        if (lazy) {
            o.i(testPending ? 1 : 0);
            if (testPending) {
                o.d(tPrev).d(dgPrev).d(fPrev).d(trial).d(start);
            }
        }
    }

    @Override
    Runnable readOwn(State.In in) {
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
        double[] go = new double[n];
        double[] sp = new double[n];
        double[] bp = new double[n];
        if (oc > 0) {
            in.d(go);
        }
        if (pending) {
            in.d(sp);
            in.d(bp);
        }
        double[][] pairs = in.pairs(n, m, 0);
        boolean testing = lazy && in.i() == 1;
        double[] test = new double[3];
        double[] tr = new double[n];
        float[] st = new float[n];
        if (testing) {
            for (int i = 0; i < 3; i++) {
                test[i] = in.d();
            }
            in.d(tr);
            in.d(st);
        }
        return () -> {
            testPending = testing;
            tPrev = test[0];
            dgPrev = test[1];
            fPrev = test[2];
            if (testing) {
                System.arraycopy(tr, 0, trial, 0, n);
                System.arraycopy(st, 0, start, 0, n);
            }
            pairPending = pending;
            oRows = or;
            oCount = oc;
            System.arraycopy(go, 0, gO, 0, n);
            System.arraycopy(sp, 0, sPrev, 0, n);
            System.arraycopy(bp, 0, bsPrev, 0, n);
            State.restore(memory, pairs);
        };
    }
}
