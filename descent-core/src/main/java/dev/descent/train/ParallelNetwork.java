package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.nn.Evaluation;
import dev.descent.nn.Model;
import dev.descent.nn.ModelState;
import dev.descent.optim.Clip;
import dev.descent.optim.Optimizer;
import java.util.List;

/**
 * Data-parallel training on K threads, each with its own replica of one model: a mini-batch of
 * B rows is cut into K contiguous slices of ⌈B/K⌉ rows (the last may be smaller), replica k
 * computes the mean loss L_k and gradient g_k of slice k (B_k rows, read from the batch at its
 * offset) with single-threaded matrix multiplies, and the results are combined in the fixed
 * order k = 0..K−1: L = Σ B_k·L_k / B and g = Σ B_k·g_k / B, the mean over the whole batch, as
 * one model would compute it up to rounding. Replica 0 is the master: its {@link #params()} are
 * the ones the optimizer updates.
 *
 * <p><b>The step is split too.</b> {@link #step} (what the {@link Trainer} calls) cuts the
 * parameter vector into K contiguous ranges, and thread k reduces the gradient, applies the
 * optimizer ({@link Optimizer#stepRange}) and copies the new parameters into the other replicas
 * on range k alone, chunk by chunk while the chunk is in cache. The threads are persistent
 * ({@link Crew}: a spin-then-park barrier, no per-step allocation or task queue). Clipping by
 * global norm (the trainer's, or the optimizer's {@code clip_norm}) needs the norm first: the
 * reduction runs as a phase of its own, the norm is taken on the calling thread, and the step
 * follows. The gradient reduction is otherwise deferred to the step: {@link #grads()} performs
 * it first when asked before.
 *
 * <p><b>Replicas' parameters.</b> The step keeps them equal to the master's. {@link #params()}
 * hands out the master's array for writing (a checkpoint restore, say), so after each call the
 * replicas copy it again at the next pass; writes through an array obtained before the last
 * {@link #step} are not seen by the replicas.
 *
 * <p>Determinism: the same thread count gives the same bits run to run (the slices, the ranges
 * and the order of the sums are fixed, and every optimizer's range step computes each element as
 * its whole step does); a different thread count rounds differently. Models with batch
 * normalization or dropout are refused (their batch statistics and random streams would differ
 * per slice): train those on one thread with multi-threaded matrix multiplies instead.
 *
 * <p>Use {@link #close()} to stop the worker threads (they are daemons, so a forgotten close
 * does not keep the JVM alive). Not thread-safe: one caller at a time.
 */
public final class ParallelNetwork implements Network, AutoCloseable {

    /** Elements per chunk of the fused reduce–step–copy pass: its arrays stay in the L2 cache. */
    private static final int CHUNK = 8192;

    private final Model[] replicas;
    private final ModelNetwork master;
    private final Crew crew;
    private final int n;
    /** Range k of the parameter vector is [bounds[k], bounds[k + 1]). */
    private final int[] bounds;
    private final double[] losses;
    private final int[] starts;
    private final int[] rows;
    private final float[] weights;
    private final Crew.Part passPart = this::passPart;
    private final Crew.Part reducePart = this::reducePart;
    private final Crew.Part stepPart = this::stepPart;

    // the pass and the step in progress (fields, so that the phases allocate nothing)
    private float[] x;
    private int[] labels;
    private float[] targets;
    private Optimizer optimizer;
    private float gradFactor = 1;
    private boolean reducePending;
    private boolean replicasCurrent;

    /**
     * Data-parallel training over the given replicas, with one worker thread per replica after
     * the first.
     *
     * @param replicas K ≥ 2 models of the same architecture; the first is the master, whose
     *     parameters are trained
     * @throws IllegalArgumentException for fewer than 2 replicas, different architectures, or a
     *     model with non-parameter state (batch norm, dropout)
     */
    public ParallelNetwork(List<Model> replicas) {
        if (replicas.size() < 2) {
            throw new IllegalArgumentException("data parallelism needs at least 2 replicas, got " + replicas.size());
        }
        this.replicas = replicas.toArray(new Model[0]);
        Model m0 = this.replicas[0];
        for (Model m : this.replicas) {
            if (m.paramCount() != m0.paramCount() || m.inputSize() != m0.inputSize() || m.outputSize() != m0.outputSize()) {
                throw new IllegalArgumentException("replicas differ: " + m + " vs " + m0);
            }
            ModelState s = m.exportState();
            if (s.buffers().length != 0 || s.rng().length != 0) {
                throw new IllegalArgumentException("data-parallel training does not support batch norm or dropout (" + m
                        + "); use one thread");
            }
        }
        this.master = new ModelNetwork(m0);
        int k = this.replicas.length;
        this.n = m0.paramCount();
        this.bounds = new int[k + 1];
        for (int i = 1; i < k; i++) {
            bounds[i] = (int) ((long) n * i / k) / 16 * 16; // 64-byte multiples: ranges share few cache lines
        }
        bounds[k] = n;
        this.losses = new double[k];
        this.starts = new int[k];
        this.rows = new int[k];
        this.weights = new float[k];
        this.crew = new Crew(k, "descent-train-replica");
    }

    /**
     * The number of replicas.
     *
     * @return K, the number of threads a pass runs on
     */
    public int threads() {
        return replicas.length;
    }

    /**
     * {@return the master's parameters θ} Handing them out marks the replicas for a fresh copy
     * at the next pass, since the caller may write them.
     */
    @Override
    public float[] params() {
        replicasCurrent = false;
        return replicas[0].params();
    }

    /** {@return the gradient of the last pass: the batch mean, reduced first if the step has not done it yet} */
    @Override
    public float[] grads() {
        reduce();
        return replicas[0].grads();
    }

    @Override
    public double lossAndGradient(float[] x, int[] y, int batch) {
        return pass(x, y, null, batch);
    }

    /** The regression pass: as {@link #lossAndGradient(float[], int[], int)} against float targets. */
    @Override
    public double lossAndGradient(float[] x, float[] targets, int batch) {
        return pass(x, null, targets, batch);
    }

    private double pass(float[] x, int[] y, float[] t, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batch);
        }
        int k = replicas.length;
        int per = (batch + k - 1) / k;
        for (int i = 0; i < k; i++) {
            starts[i] = Math.min(batch, i * per);
            rows[i] = Math.min(per, batch - starts[i]);
            weights[i] = (float) rows[i] / batch;
        }
        this.x = x;
        this.labels = y;
        this.targets = t;
        try {
            crew.run(passPart);
        } finally {
            this.x = null;
            this.labels = null;
            this.targets = null;
        }
        replicasCurrent = true;
        reducePending = true;
        double loss = 0;
        for (int i = 0; i < k; i++) { // L = Σ B_k L_k / B, in a fixed order
            if (rows[i] > 0) {
                loss += rows[i] * losses[i];
            }
        }
        return loss / batch;
    }

    /** Replica i's forward and backward pass on its slice (after refreshing its parameters if needed). */
    private void passPart(int i) {
        if (rows[i] == 0) {
            return;
        }
        Model m = replicas[i];
        if (i > 0 && !replicasCurrent) {
            System.arraycopy(replicas[0].params(), 0, m.params(), 0, n);
        }
        m.setTraining(true);
        losses[i] = targets == null ? m.forwardBackward(x, labels, starts[i], rows[i])
                : m.forwardBackward(x, targets, starts[i], rows[i]);
    }

    /** Reduces the gradient now, if the last pass left it pending. */
    private void reduce() {
        if (reducePending) {
            crew.run(reducePart);
            reducePending = false;
        }
    }

    private void reducePart(int i) {
        reduceRange(bounds[i], bounds[i + 1]);
    }

    /** g = Σ B_k g_k / B on [from, to): the master's gradient times its weight, then each other's, in order. */
    private void reduceRange(int from, int to) {
        float[] g = replicas[0].grads();
        float s0 = weights[0];
        if (replicas.length == 2 && rows[1] > 0) {
            float[] g1 = replicas[1].grads();
            float s1 = weights[1];
            for (int j = from; j < to; j++) {
                g[j] = g[j] * s0 + s1 * g1[j];
            }
            return;
        }
        for (int j = from; j < to; j++) {
            g[j] *= s0;
        }
        for (int i = 1; i < replicas.length; i++) {
            if (rows[i] == 0) {
                continue;
            }
            float si = weights[i];
            float[] gi = replicas[i].grads();
            for (int j = from; j < to; j++) {
                g[j] += si * gi[j];
            }
        }
    }

    /**
     * Clips (the trainer's {@code clipNorm}, as {@link Trainer}'s one-thread step does), then
     * applies {@code optimizer}'s step, split into K ranges on the K threads when it
     * {@link Optimizer#stepsByRange() steps by range}; the replicas' parameters follow.
     */
    @Override
    public void step(Optimizer optimizer, double lr, double clipNorm) {
        float[] p = replicas[0].params();
        if (!optimizer.stepsByRange()) {
            Network.super.step(optimizer, lr, clipNorm);
            replicasCurrent = false;
            return;
        }
        boolean trainerClip = clipNorm != 0 && clipNorm != Double.POSITIVE_INFINITY;
        boolean optimizerClip = optimizer.config().options().clipNorm() != Double.POSITIVE_INFINITY;
        gradFactor = 1;
        if (trainerClip || optimizerClip) {
            reduce(); // the norm needs the whole gradient first
        }
        float[] g = replicas[0].grads();
        if (trainerClip) {
            double s = Clip.scale(Clip.norm(g, 0, n), clipNorm);
            if (s < 1) {
                gradFactor = (float) s;
                if (optimizerClip) { // the optimizer's norm is that of the clipped gradient
                    this.optimizer = null;
                    crew.run(stepPart);
                    gradFactor = 1;
                }
            }
        }
        optimizer.beginStep(p, g, lr);
        this.optimizer = optimizer;
        try {
            crew.run(stepPart);
        } finally {
            this.optimizer = null;
            gradFactor = 1;
        }
        reducePending = false;
        replicasCurrent = true;
    }

    /**
     * Range i of the step, chunk by chunk: reduce the gradient (if pending), scale it by the
     * clipping factor (if any), step the optimizer (if set), copy θ into the other replicas.
     */
    private void stepPart(int i) {
        float[] g = replicas[0].grads();
        float[] p = replicas[0].params();
        for (int c = bounds[i], end = bounds[i + 1]; c < end; c += CHUNK) {
            int ce = Math.min(end, c + CHUNK);
            if (reducePending) {
                reduceRange(c, ce);
            }
            if (gradFactor != 1) {
                for (int j = c; j < ce; j++) {
                    g[j] *= gradFactor;
                }
            }
            if (optimizer != null) {
                optimizer.stepRange(p, g, c, ce);
                for (int r = 1; r < replicas.length; r++) {
                    System.arraycopy(p, c, replicas[r].params(), c, ce - c);
                }
            }
        }
    }

    @Override
    public Evaluation evaluate(Dataset data) {
        return master.evaluate(data);
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        crew.close();
    }
}
