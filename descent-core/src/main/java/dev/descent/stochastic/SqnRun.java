package dev.descent.stochastic;

import dev.descent.data.Batches;
import dev.descent.data.Rng;
import dev.descent.minimize.LbfgsMemory;

/** The state of {@link Sqn}: names as in Byrd et al. (x̄_t the averages, L = every, b_H = hessianBatch). */
final class SqnRun implements SampledMethod {

    private static final int KIND = 0x5351_4E31; // "SQN1"
    private static final double SKIP = 1e-10;

    private final Sqn config;
    private final SampledObjective f;
    private final int n;
    private final int size;
    private final int batch;
    private final int hessianBatch;
    private final RowStream stream;
    private final RowStream hessianStream;
    private final LbfgsMemory memory;
    private final double[] g;
    private final double[] d;
    private final double[] xSum;
    private final double[] xBarPrev;
    private final double[] s;
    private final double[] y;
    private final float[] xBar;
    private final int[] rows;
    private final int[] hRows;

    private int window;
    private boolean hasPrev;
    private long steps;
    private double passes;
    private long accepted;
    private long skipped;
    private long resets;

    SqnRun(Sqn config, SampledObjective f, int batch, long seed) {
        this.size = f.size();
        if (batch < 1 || batch > size) {
            throw new IllegalArgumentException("the batch must be in [1, " + size + "] (the training rows), got " + batch);
        }
        this.config = config;
        this.f = f;
        this.n = f.dimension();
        this.batch = batch;
        this.hessianBatch = Math.min(config.hessianBatch(), size);
        this.stream = new RowStream(size, seed);
        this.hessianStream = new RowStream(size, Rng.mix(seed ^ 0x5351_4E48_6573_7369L));
        this.memory = new LbfgsMemory(n, config.memory(), 0, MultiBatchLbfgs.GAMMA_MIN, MultiBatchLbfgs.GAMMA_MAX);
        g = new double[n];
        d = new double[n];
        xSum = new double[n];
        xBarPrev = new double[n];
        s = new double[n];
        y = new double[n];
        xBar = new float[n];
        rows = new int[batch];
        hRows = new int[hessianBatch];
    }

    @Override
    public double step(float[] x, double lr) {
        if (x.length != n) {
            throw new IllegalArgumentException("θ has length " + x.length + ", the objective has dimension " + n);
        }
        stream.take(batch, rows, 0);
        double fb = f.lossAndGradient(x, rows, 0, batch, g);
        passes += (double) batch / size;
        if (!Double.isFinite(fb)) {
            return fb;
        }
        // d = −H·g after the 2L warm-up iterations, −g before (and after a reset)
        double dg;
        if (steps >= 2L * config.every() && memory.pairs() > 0) {
            dg = memory.twoLoop(g, d);
            if (!(dg < 0) || !Double.isFinite(dg)) {
                resets++;
                memory.clear();
                dg = memory.twoLoop(g, d);
            }
        } else {
            dg = 0;
            for (int j = 0; j < n; j++) {
                d[j] = -g[j];
            }
        }
        for (int j = 0; j < n; j++) {
            x[j] = (float) (x[j] + lr * d[j]);
            xSum[j] += x[j];
        }
        steps++;
        if (++window == config.every()) {
            // x̄_t, and from the second average on the pair s = x̄_t − x̄_{t−1}, y = ∇²F_{S_H}(x̄_t)·s
            double inv = 1.0 / config.every();
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
                double sy = 0;
                double ss = 0;
                for (int j = 0; j < n; j++) {
                    sy += s[j] * y[j];
                    ss += s[j] * s[j];
                }
                if (Double.isFinite(sy) && sy > SKIP * ss && memory.push(s, y)) {
                    accepted++;
                } else {
                    skipped++;
                }
            }
            hasPrev = true;
        }
        return fb;
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
        return new QuasiNewtonStats(accepted, 0, skipped, 0, 0, resets, 0);
    }

    @Override
    public byte[] exportState() {
        Batches.Cursor c = stream.cursor();
        Batches.Cursor h = hessianStream.cursor();
        return new State.Out().i(KIND).i(n).i(config.memory()).l(c.epoch()).i(c.offset()).l(h.epoch()).i(h.offset())
                .i(window).i(hasPrev ? 1 : 0).l(steps).d(passes).l(accepted).l(skipped).l(resets)
                .d(xSum).d(xBarPrev).memory(memory, s, y).bytes();
    }

    @Override
    public void importState(byte[] state) {
        State.In in = new State.In(state, "sqn state");
        in.expect(KIND, "the kind");
        in.expect(n, "the dimension");
        in.expect(config.memory(), "the memory");
        Batches.Cursor c;
        Batches.Cursor h;
        try {
            c = new Batches.Cursor(in.l(), in.i());
            h = new Batches.Cursor(in.l(), in.i());
        } catch (IllegalArgumentException e) {
            throw in.bad(e.getMessage());
        }
        int w = in.i();
        if (w < 0 || w >= config.every()) {
            throw in.bad("window position " + w);
        }
        boolean prev = in.i() == 1;
        long st = in.l();
        double ps = in.d();
        long ac = in.l();
        long sk = in.l();
        long rs = in.l();
        in.d(xSum);
        in.d(xBarPrev);
        in.memory(memory, s, y, config.memory());
        in.end();
        stream.seek(c);
        hessianStream.seek(h);
        window = w;
        hasPrev = prev;
        steps = st;
        passes = ps;
        accepted = ac;
        skipped = sk;
        resets = rs;
    }
}
