package dev.descent.stochastic;

import dev.descent.data.Batches;
import dev.descent.minimize.LbfgsMemory;
import dev.descent.minimize.LineFunction;
import dev.descent.minimize.LineStep;
import dev.descent.minimize.MoreThuente;

/** The state of {@link NaiveLbfgs}. */
final class NaiveRun implements SampledMethod {

    private static final int KIND = 0x4E41_4956; // "NAIV"

    private final NaiveLbfgs config;
    private final SampledObjective f;
    private final int n;
    private final int size;
    private final int batch;
    private final RowStream stream;
    private final LbfgsMemory memory;
    private final double[] g;
    private final double[] gPrev;
    private final double[] d;
    private final double[] s;
    private final double[] y;
    private final double[] gTrial;
    private final float[] start;
    private final int[] rows;

    private double tPrev;
    private long steps;
    private double passes;
    private long accepted;
    private long skipped;
    private long trials;
    private long failures;

    NaiveRun(NaiveLbfgs config, SampledObjective f, int batch, long seed) {
        this.size = f.size();
        if (batch < 1 || batch > size) {
            throw new IllegalArgumentException("the batch must be in [1, " + size + "] (the training rows), got " + batch);
        }
        this.config = config;
        this.f = f;
        this.n = f.dimension();
        this.batch = batch;
        this.stream = new RowStream(size, seed);
        this.memory = new LbfgsMemory(n, config.memory(), 1e-10);
        g = new double[n];
        gPrev = new double[n];
        d = new double[n];
        s = new double[n];
        y = new double[n];
        gTrial = new double[n];
        start = new float[n];
        rows = new int[batch];
    }

    @Override
    public double step(float[] x, double lr) {
        stream.take(batch, rows, 0);
        double fk = f.lossAndGradient(x, rows, 0, batch, g);
        passes += (double) batch / size;
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
        if (!config.wolfe()) {
            for (int i = 0; i < n; i++) {
                x[i] = (float) (x[i] + t * d[i]);
            }
        } else if (dg < 0) {
            System.arraycopy(x, 0, start, 0, n);
            LineFunction phi = new LineFunction() {
                double derivative;

                @Override
                public double evaluate(double a) {
                    for (int i = 0; i < n; i++) {
                        x[i] = (float) (start[i] + a * d[i]);
                    }
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
            };
            LineStep ls = MoreThuente.DEFAULT.search(phi, fk, dg, t);
            trials += ls.evaluations();
            if (ls.accepted()) {
                t = ls.alpha();
                for (int i = 0; i < n; i++) {
                    x[i] = (float) (start[i] + t * d[i]);
                }
            } else {
                t = 0;
                System.arraycopy(start, 0, x, 0, n);
                memory.clear();
                failures++;
            }
        } else {
            t = 0;
        }
        tPrev = t;
        steps++;
        return fk;
    }

    @Override
    public SampledConfig config() {
        return config;
    }

    @Override
    public int lastBatch() {
        return batch;
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
        return new QuasiNewtonStats(accepted, 0, skipped, trials, failures, 0, 0);
    }

    @Override
    public byte[] exportState() {
        Batches.Cursor c = stream.cursor();
        return new State.Out().i(KIND).i(n).i(config.memory()).l(c.epoch()).i(c.offset()).d(tPrev).l(steps).d(passes)
                .l(accepted).l(skipped).l(trials).l(failures).d(gPrev).d(d).memory(memory, s, y).bytes();
    }

    @Override
    public void importState(byte[] state) {
        State.In in = new State.In(state, "naive-lbfgs state");
        in.expect(KIND, "the kind");
        in.expect(n, "the dimension");
        in.expect(config.memory(), "the memory");
        Batches.Cursor c;
        try {
            c = new Batches.Cursor(in.l(), in.i());
        } catch (IllegalArgumentException e) {
            throw in.bad(e.getMessage());
        }
        double tp = in.d();
        long st = in.l();
        double ps = in.d();
        long ac = in.l();
        long sk = in.l();
        long tr = in.l();
        long fa = in.l();
        in.d(gPrev);
        in.d(d);
        in.memory(memory, s, y, config.memory());
        in.end();
        stream.seek(c);
        tPrev = tp;
        steps = st;
        passes = ps;
        accepted = ac;
        skipped = sk;
        trials = tr;
        failures = fa;
    }
}
