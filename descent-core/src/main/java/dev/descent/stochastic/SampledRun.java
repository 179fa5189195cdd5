package dev.descent.stochastic;

import dev.descent.data.Batches;
import dev.descent.minimize.LbfgsMemory;

/**
 * What the states of the sampled methods share: the objective, the seeded row stream, the sample
 * size, the step and pass counts, the stabilisers' counters, and the frame of the exported state
 * (kind, dimension, memory, row cursor, sizes, counters), so that each method writes and reads only
 * what is its own ({@link #writeOwn}, {@link #readOwn}).
 *
 * <p>Import is all or nothing: {@link #readOwn} reads and checks into temporaries and returns the
 * action that installs them, which runs only after the whole state has been read.
 */
abstract class SampledRun implements SampledMethod {

    final SampledConfig config;
    final SampledObjective f;
    /** The dimension of θ. */
    final int n;
    /** The number of rows N. */
    final int size;
    final RowStream stream;
    private final int kind;
    private final int memorySize;
    private final boolean growing;

    /** The next iteration's sample size. */
    int batch;
    /** The last iteration's sample size. */
    int lastBatch;
    long steps;
    double passes;
    long accepted;
    long damped;
    long skipped;
    long backtracks;
    long failures;
    long resets;
    long increases;
    /** Steps undone by SQN's guard (in SQN's own part of the state). */
    long undone;

    /**
     * @param kind four bytes naming the state's format
     * @param memorySize the curvature memory m (checked on import)
     * @param growing whether the sample size may change (else an import must have the same)
     */
    SampledRun(SampledConfig config, SampledObjective f, int batch, long seed, int kind, int memorySize, boolean growing) {
        this.size = f.size();
        if (batch < 1 || batch > size) {
            throw new IllegalArgumentException("the batch must be in [1, " + size + "] (the training rows), got " + batch);
        }
        this.config = config;
        this.f = f;
        this.n = f.dimension();
        this.stream = new RowStream(size, seed);
        this.kind = kind;
        this.memorySize = memorySize;
        this.growing = growing;
        this.batch = batch;
        this.lastBatch = batch;
    }

    /** Refuses a θ of the wrong length. */
    final void checkTheta(float[] x) {
        if (x.length != n) {
            throw new IllegalArgumentException("θ has length " + x.length + ", the objective has dimension " + n);
        }
    }

    /**
     * Draws {@link #batch} fresh rows into {@code rows} and evaluates F_b(x) and its gradient
     * there (a fixed-batch method's iteration start), counting the pass.
     *
     * @return F_b(x)
     */
    final double freshGradient(float[] x, int[] rows, double[] g) {
        checkTheta(x);
        stream.take(batch, rows, 0);
        double fb = f.lossAndGradient(x, rows, 0, batch, g);
        passes += (double) batch / size;
        return fb;
    }

    /** x ← start + t·d, rounded to float32. */
    static void move(float[] x, float[] start, double t, double[] d) {
        for (int j = 0; j < x.length; j++) {
            x[j] = (float) (start[j] + t * d[j]);
        }
    }

    /**
     * Armijo's backtracking along {@code dir} from {@code start}, with forward passes on
     * {@code rows[from, from + count)}: tries t, t/2, …, t/2^{@code halvings} and leaves x at the
     * first trial with F(x) ≤ f0 + c₁·t·slope (or at the last trial when none passes), counting
     * each trial in {@link #passes} (a third of a gradient over its rows) and each halving in
     * {@link #backtracks}.
     *
     * @return the step accepted, or NaN when no trial passed
     */
    final double backtrack(float[] x, float[] start, double[] dir, double t, double f0, double c1, double slope,
            int[] rows, int from, int count, int halvings) {
        for (int i = 0;; i++) {
            move(x, start, t, dir);
            double ft = f.loss(x, rows, from, count);
            passes += count / (3.0 * size);
            if (ft <= f0 + c1 * t * slope) {
                return t;
            }
            if (i == halvings) {
                return Double.NaN;
            }
            t *= 0.5;
            backtracks++;
        }
    }

    /** Tests the pair against Bs ({@link Curvature#test}), stores it in {@code memory}, and counts the outcome. */
    final void offer(LbfgsMemory memory, double[] s, double[] y, double[] bs, double eps) {
        int outcome = Curvature.test(s, y, bs, eps);
        if (outcome == Curvature.SKIPPED || !memory.push(s, y)) {
            skipped++;
        } else if (outcome == Curvature.DAMPED) {
            damped++;
        } else {
            accepted++;
        }
    }

    @Override
    public final SampledConfig config() {
        return config;
    }

    @Override
    public final int lastBatch() {
        return lastBatch;
    }

    @Override
    public final int batch() {
        return batch;
    }

    @Override
    public final double passes() {
        return passes;
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public final Batches.Cursor cursor() {
        return stream.cursor();
    }

    @Override
    public final QuasiNewtonStats stats() {
        return new QuasiNewtonStats(accepted, damped, skipped, backtracks, failures, resets, increases, undone);
    }

    /** Writes what only this method holds (after the shared frame). */
    abstract void writeOwn(State.Out o);

    /**
     * Reads and checks what {@link #writeOwn} wrote, without changing this state.
     *
     * @return the action that installs it
     */
    abstract Runnable readOwn(State.In in);

    @Override
    public final byte[] exportState() {
        Batches.Cursor c = stream.cursor();
        State.Out o = new State.Out().i(kind).i(n).i(memorySize).l(c.epoch()).i(c.offset()).i(batch).i(lastBatch).l(steps)
                .d(passes).l(accepted).l(damped).l(skipped).l(backtracks).l(failures).l(resets).l(increases);
        writeOwn(o);
        return o.bytes();
    }

    /** A state kind as its four ASCII letters ("SQN3"), or as a number when it is not one. */
    private static String tag(int kind) {
        StringBuilder b = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            char c = (char) ((kind >>> shift) & 0xFF);
            if (c < 0x20 || c > 0x7E) {
                return Integer.toString(kind);
            }
            b.append(c);
        }
        return b.toString();
    }

    @Override
    public final void importState(byte[] state) {
        State.In in = new State.In(state, config.name() + " state");
        int savedKind = in.i();
        if (savedKind != kind) {
            throw in.bad("it has the format " + tag(savedKind) + ", this version of descent reads " + tag(kind)
                    + ": continue it with the descent that wrote it, or start a new run");
        }
        in.expect(n, "the dimension");
        in.expect(memorySize, "the memory");
        Batches.Cursor cur;
        try {
            cur = new Batches.Cursor(in.l(), in.i());
        } catch (IllegalArgumentException e) {
            throw in.bad(e.getMessage());
        }
        if (cur.offset() >= size) {
            throw in.bad("row offset " + cur.offset() + " of " + size);
        }
        int b = in.i();
        int last = in.i();
        if (b < 1 || b > size || last < 1 || last > size || (!growing && (b != batch || last != batch))) {
            throw in.bad("batch " + b + " (last " + last + ")");
        }
        long st = in.l();
        double ps = in.d();
        long[] c = new long[7];
        for (int i = 0; i < c.length; i++) {
            c[i] = in.l();
        }
        Runnable own = readOwn(in);
        in.end();
        stream.seek(cur);
        batch = b;
        lastBatch = last;
        steps = st;
        passes = ps;
        accepted = c[0];
        damped = c[1];
        skipped = c[2];
        backtracks = c[3];
        failures = c[4];
        resets = c[5];
        increases = c[6];
        own.run();
    }
}
