package dev.descent.stochastic;

import dev.descent.minimize.LbfgsMemory;
import dev.descent.minimize.LineFunction;
import dev.descent.minimize.LineStep;
import dev.descent.minimize.MoreThuente;

/** The state of {@link NaiveLbfgs}. */
final class NaiveRun extends SampledRun {

    private static final int KIND = 0x4E41_4932; // "NAI2"
    private static final double THRESHOLD = 1e-10;

    private final NaiveLbfgs cfg;
    private final LbfgsMemory memory;
    private final double[] g;
    private final double[] gPrev;
    private final double[] d;
    private final double[] s;
    private final double[] y;
    private final double[] gTrial;
    private final float[] start;
    private final int[] rows;
    private final BatchLine line;

    private double tPrev;

    NaiveRun(NaiveLbfgs config, SampledObjective f, int batch, long seed) {
        super(config, f, batch, seed, KIND, config.memory(), false);
        this.cfg = config;
        this.memory = new LbfgsMemory(n, config.memory(), THRESHOLD);
        g = new double[n];
        gPrev = new double[n];
        d = new double[n];
        s = new double[n];
        y = new double[n];
        gTrial = new double[n];
        start = new float[n];
        rows = new int[batch];
        line = new BatchLine();
    }

    @Override
    public double step(float[] x, double lr) {
        double fk = freshGradient(x, rows, g);
        if (!Double.isFinite(fk)) {
            return fk;
        }
        double t;
        if (steps == 0) {
            double l1 = 0;
            for (double v : g) {
                l1 += Math.abs(v);
            }
            t = Math.min(1, 1 / l1) * lr;
        } else {
            // the pair of the last step: s = t·d, y = g − gPrev, gradients of two different batches
            for (int i = 0; i < n; i++) {
                s[i] = tPrev * d[i];
                y[i] = g[i] - gPrev[i];
            }
            if (memory.push(s, y)) {
                accepted++;
            } else {
                skipped++;
            }
            t = lr;
        }
        double dg = memory.twoLoop(g, d);
        System.arraycopy(g, 0, gPrev, 0, n);
        if (!cfg.wolfe()) {
            for (int i = 0; i < n; i++) {
                x[i] = (float) (x[i] + t * d[i]);
            }
        } else if (dg < 0) {
            t = search(x, fk, dg, t);
        } else {
            t = 0;
        }
        tPrev = t;
        steps++;
        return fk;
    }

    /** A Moré–Thuente strong-Wolfe search along d on this batch; returns the step taken (0 after a failure, which clears the memory). */
    private double search(float[] x, double fk, double dg, double t0) {
        System.arraycopy(x, 0, start, 0, n);
        line.x = x;
        LineStep ls = MoreThuente.DEFAULT.search(line, fk, dg, t0);
        backtracks += ls.evaluations();
        if (ls.accepted()) {
            move(x, start, ls.alpha(), d);
            return ls.alpha();
        }
        System.arraycopy(start, 0, x, 0, n);
        memory.clear();
        failures++;
        return 0;
    }

    /** φ(a) = F_b(start + a·d) and φ'(a) on this iteration's batch (a gradient per trial). */
    private final class BatchLine implements LineFunction {
        float[] x;
        private double derivative;

        @Override
        public double evaluate(double a) {
            move(x, start, a, d);
            double v = f.lossAndGradient(x, rows, 0, batch, gTrial);
            passes += (double) batch / size;
            double dd = 0;
            for (int i = 0; i < n; i++) {
                dd += gTrial[i] * d[i];
            }
            derivative = dd;
            return v;
        }

        @Override
        public double derivative() {
            return derivative;
        }
    }

    @Override
    void writeOwn(State.Out o) {
        o.d(tPrev).d(gPrev).d(d).memory(memory, s, y);
    }

    @Override
    Runnable readOwn(State.In in) {
        double tp = in.d();
        double[] gp = new double[n];
        double[] dir = new double[n];
        in.d(gp);
        in.d(dir);
        double[][] pairs = in.pairs(n, cfg.memory(), THRESHOLD);
        return () -> {
            tPrev = tp;
            System.arraycopy(gp, 0, gPrev, 0, n);
            System.arraycopy(dir, 0, d, 0, n);
            State.restore(memory, pairs);
        };
    }
}
