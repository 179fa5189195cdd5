package dev.descent.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A feed-forward network: a sequence of {@link Layer}s and a {@link Loss}, with <b>all
 * parameters in one contiguous {@code float[]}</b> ({@link #params()}) and the gradients in a
 * twin array ({@link #grads()}), as in llm.c. Each layer owns an offset range
 * ({@link #parameterRanges()}), which gives optimizer parameter groups.
 *
 * <p>Shapes: inputs are row-major {@code n × inputSize()}, outputs {@code n × outputSize()}.
 * Activations and their gradients live in workspaces sized for {@link #maxBatch()} rows, grown
 * only when a larger training batch arrives ({@link #forwardBackward}): no allocation per
 * training step. The whole-set methods ({@link #predict}, {@link #score}, {@link #loss},
 * {@link #correct}, {@link #lossAndGradient}, {@link #hessianVector}) run in chunks of
 * {@code maxBatch()} rows and never grow the workspaces, so any n works in bounded memory.
 *
 * <p>Modes: {@link #setTraining(boolean)} switches dropout and batch-norm between training and
 * evaluation behaviour for {@link #forwardBackward}; the evaluation methods always use
 * evaluation mode (and leave the mode as it was).
 *
 * <p>Determinism: computation is single-threaded Java plus {@link dev.descent.linalg.Gemm} (its
 * OpenBLAS thread count is set there); for a given seed, backend and thread count every result
 * is bit-identical run to run. Not thread-safe.
 */
public final class Model {

    private final Layer[] layers;
    private final int[] sizes;
    private final Loss loss;
    private final float[] w;
    private final float[] g;
    private final List<ParamRange> ranges;
    private boolean training = true;
    private int cap;
    private final float[][] acts;
    private final float[][] deltas;

    private Model(List<Layer> layerList, Loss loss, int paramCount, int maxBatch, long seed) {
        this.layers = layerList.toArray(new Layer[0]);
        this.loss = loss;
        this.sizes = new int[layers.length + 1];
        sizes[0] = layers[0].inputSize();
        List<ParamRange> r = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i].inputSize() != sizes[i]) {
                throw new IllegalArgumentException("layer " + i + " expects " + layers[i].inputSize()
                        + " inputs but the previous layer gives " + sizes[i]);
            }
            sizes[i + 1] = layers[i].outputSize();
            r.addAll(layers[i].ranges(i));
        }
        this.ranges = List.copyOf(r);
        this.w = new float[paramCount];
        this.g = new float[paramCount];
        SplittableRandom rng = new SplittableRandom(seed);
        for (Layer l : layers) {
            l.init(w, rng);
        }
        this.acts = new float[layers.length + 1][];
        this.deltas = new float[layers.length + 1][];
        ensureCapacity(maxBatch);
    }

    /** Starts a model whose input rows have {@code inputSize} features. */
    public static Builder builder(int inputSize) {
        return new Builder(inputSize);
    }

    /** The parameter buffer θ (live; an optimizer updates it in place). */
    public float[] params() {
        return w;
    }

    /** The gradient buffer ∂L/∂θ, same indexing as {@link #params()} (live). */
    public float[] grads() {
        return g;
    }

    /** Number of parameters. */
    public int paramCount() {
        return w.length;
    }

    /** Features per input row. */
    public int inputSize() {
        return sizes[0];
    }

    /** Features per output row (classes, for a classifier). */
    public int outputSize() {
        return sizes[layers.length];
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return List.of(layers);
    }

    /** The loss. */
    public Loss loss() {
        return loss;
    }

    /** Every layer's parameter ranges (weights, biases, norm scales and shifts), in buffer order. */
    public List<ParamRange> parameterRanges() {
        return ranges;
    }

    /** Rows the workspaces currently hold; evaluation runs in chunks of this size. */
    public int maxBatch() {
        return cap;
    }

    /** Whether {@link #forwardBackward} runs in training mode (the default). */
    public boolean isTraining() {
        return training;
    }

    /** Training mode (dropout active, batch statistics) or evaluation mode. */
    public void setTraining(boolean training) {
        this.training = training;
    }

    /**
     * One training step's computation: zeroes {@link #grads()}, runs forward and backward on
     * {@code batch} rows of {@code x} against {@code labels[0, batch)} in the current mode, and
     * returns the mean loss; {@link #grads()} then holds ∂(mean loss)/∂θ.
     */
    public double forwardBackward(float[] x, int[] labels, int batch) {
        checkRows(x, batch, labels.length);
        ensureCapacity(batch);
        forward(x, batch, training);
        double l = loss.forward(acts[layers.length], labels, 0, batch, outputSize(), deltas[layers.length]);
        backward(x, batch);
        return l;
    }

    /** As {@link #forwardBackward(float[], int[], int)} against dense targets, {@code batch × outputSize()}. */
    public double forwardBackward(float[] x, float[] targets, int batch) {
        checkRows(x, batch, targets.length / outputSize());
        ensureCapacity(batch);
        forward(x, batch, training);
        double l = loss.forward(acts[layers.length], targets, 0, batch, outputSize(), deltas[layers.length]);
        backward(x, batch);
        return l;
    }

    /**
     * Writes the outputs (logits) for {@code n} rows of {@code x} into {@code out}
     * ({@code n × outputSize()}), in evaluation mode.
     */
    public void predict(float[] x, int n, float[] out) {
        checkRows(x, n, n);
        int k = outputSize();
        if (out.length < (long) n * k) {
            throw new IllegalArgumentException("output buffer holds " + out.length + " values, needs " + (long) n * k);
        }
        for (int s = 0; s < n; s += cap) {
            int b = Math.min(cap, n - s);
            float[] z = forwardChunk(x, s, b);
            System.arraycopy(z, 0, out, s * k, b * k);
        }
    }

    /** Mean loss over {@code n} rows in evaluation mode (chunked). */
    public double loss(float[] x, int[] labels, int n) {
        return score(x, labels, n).loss();
    }

    /**
     * Number of the {@code n} rows classified correctly in evaluation mode (chunked): the
     * arg-max output equals the label, or for a single output the sign (logit &gt; 0 means 1).
     */
    public int correct(float[] x, int[] labels, int n) {
        return score(x, labels, n).correct();
    }

    /**
     * The mean loss and the number of correct rows of {@link #loss} and {@link #correct}.
     *
     * @param loss mean loss over the rows, Σ_c b_c·L_c / n over chunks c of b_c rows
     * @param correct rows whose prediction equals the label
     */
    public record Score(double loss, int correct) {}

    /**
     * {@link #loss} and {@link #correct} in one forward pass over {@code n} rows, in evaluation
     * mode, in chunks of {@link #maxBatch()} rows (the workspaces never grow here).
     */
    public Score score(float[] x, int[] labels, int n) {
        checkRows(x, n, labels.length);
        int k = outputSize();
        double total = 0;
        int ok = 0;
        for (int s = 0; s < n; s += cap) {
            int b = Math.min(cap, n - s);
            float[] z = forwardChunk(x, s, b);
            total += b * loss.forward(z, labels, s, b, k, null);
            for (int r = 0; r < b; r++) {
                int pred;
                if (k == 1) {
                    pred = z[r] > 0 ? 1 : 0;
                } else {
                    pred = 0;
                    for (int j = 1; j < k; j++) {
                        if (z[r * k + j] > z[r * k + pred]) {
                            pred = j;
                        }
                    }
                }
                if (pred == labels[s + r]) {
                    ok++;
                }
            }
        }
        return new Score(total / n, ok);
    }

    /** {@link #correct} / n. */
    public double accuracy(float[] x, int[] labels, int n) {
        return n == 0 ? 0 : (double) correct(x, labels, n) / n;
    }

    /**
     * The full-batch objective f(θ) = mean loss over {@code n} rows in evaluation mode, with its
     * gradient written into {@code grad} (length {@link #paramCount()}), accumulated over chunks
     * in double. This is the bridge to the deterministic minimizers: f is a fixed function of
     * {@link #params()}. {@link #grads()} is used as scratch. Chunk c of b_c rows adds
     * b_c·L_c and b_c·∇L_c in chunk order; the sums are scaled by 1/n at the end.
     */
    public double lossAndGradient(float[] x, int[] labels, int n, double[] grad) {
        checkRows(x, n, labels.length);
        if (grad.length != w.length) {
            throw new IllegalArgumentException("gradient buffer has length " + grad.length + ", needs " + w.length);
        }
        Arrays.fill(grad, 0);
        double total = 0;
        for (int s = 0; s < n; s += cap) {
            int b = Math.min(cap, n - s);
            float[] z = forwardChunk(x, s, b);
            total += b * loss.forward(z, labels, s, b, outputSize(), deltas[layers.length]);
            backward(acts[0], b);
            for (int i = 0; i < g.length; i++) {
                grad[i] += (double) b * g[i];
            }
        }
        double inv = 1.0 / n;
        for (int i = 0; i < grad.length; i++) {
            grad[i] *= inv;
        }
        return total * inv;
    }

    /** Whether {@link #hessianVector} is exact here (softmax regression: one Dense layer and cross-entropy). */
    public boolean hasExactHessianVector() {
        return layers.length == 1 && layers[0] instanceof Dense && loss instanceof SoftmaxCrossEntropy;
    }

    /**
     * Writes H·v into {@code out}, where H = ∇²f(θ) of the full-batch objective of
     * {@link #lossAndGradient} at the current {@link #params()}.
     *
     * <p>Exact for softmax regression ({@link #hasExactHessianVector()}): with p = softmax(z),
     * u = V·x + b_v per row, ∂²/∂θ² contracts to w = p⊙u − p(pᵀu), H·v = (1/n) Σ (w xᵀ, w).
     * Otherwise a central difference of gradients, H·v ≈ (∇f(θ + εv) − ∇f(θ − εv))/(2ε) with
     * ε = ε_f^{1/3}(1 + ‖θ‖∞)/‖v‖∞, ε_f = 2⁻²³ (the float32 unit roundoff: the parameters are
     * float32), gradients accumulated in double. {@link #params()} is restored bit for bit.
     */
    public void hessianVector(float[] x, int[] labels, int n, double[] v, double[] out) {
        checkRows(x, n, labels.length);
        if (v.length != w.length || out.length != w.length) {
            throw new IllegalArgumentException("v and out must have length " + w.length);
        }
        if (hasExactHessianVector()) {
            SoftmaxHessian.product((Dense) layers[0], this, x, labels, n, v, out);
            return;
        }
        finiteDifferenceHessianVector(x, labels, n, v, out);
    }

    /** The central-difference product of {@link #hessianVector}, for any model (exposed for tests). */
    public void finiteDifferenceHessianVector(float[] x, int[] labels, int n, double[] v, double[] out) {
        double vMax = 0;
        double tMax = 0;
        for (int i = 0; i < w.length; i++) {
            vMax = Math.max(vMax, Math.abs(v[i]));
            tMax = Math.max(tMax, Math.abs(w[i]));
        }
        if (vMax == 0) {
            Arrays.fill(out, 0);
            return;
        }
        double eps = Math.cbrt(0x1.0p-23) * (1 + tMax) / vMax;
        float[] saved = w.clone();
        double[] gMinus = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (saved[i] + eps * v[i]);
        }
        lossAndGradient(x, labels, n, out);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (saved[i] - eps * v[i]);
        }
        lossAndGradient(x, labels, n, gMinus);
        System.arraycopy(saved, 0, w, 0, w.length);
        for (int i = 0; i < w.length; i++) {
            out[i] = (out[i] - gMinus[i]) / (2 * eps);
        }
    }

    /**
     * The non-parameter state a checkpoint needs: batch-norm running statistics (each layer's
     * running mean then running variance, in layer order) and the dropout streams.
     *
     * @param buffers the batch-norm statistics, concatenated
     * @param rng one SplitMix64 state per dropout layer, in layer order
     */
    public record State(float[] buffers, long[] rng) {
        public State {
            buffers = buffers.clone();
            rng = rng.clone();
        }

        @Override
        public float[] buffers() {
            return buffers.clone();
        }

        @Override
        public long[] rng() {
            return rng.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && Arrays.equals(buffers, s.buffers) && Arrays.equals(rng, s.rng);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(buffers) + Arrays.hashCode(rng);
        }

        @Override
        public String toString() {
            return "State[" + buffers.length + " buffer values, " + rng.length + " rng states]";
        }
    }

    /** A copy of the non-parameter state (see {@link State}). */
    public State exportState() {
        int nb = 0;
        int nr = 0;
        for (Layer l : layers) {
            if (l instanceof BatchNorm1d bn) {
                nb += 2 * bn.outputSize();
            } else if (l instanceof Dropout) {
                nr++;
            }
        }
        float[] b = new float[nb];
        long[] r = new long[nr];
        nb = 0;
        nr = 0;
        for (Layer l : layers) {
            if (l instanceof BatchNorm1d bn) {
                int f = bn.outputSize();
                System.arraycopy(bn.runningMean(), 0, b, nb, f);
                System.arraycopy(bn.runningVar(), 0, b, nb + f, f);
                nb += 2 * f;
            } else if (l instanceof Dropout d) {
                r[nr++] = d.rngState();
            }
        }
        return new State(b, r);
    }

    /**
     * Restores state from {@link #exportState()} of a model with the same architecture.
     *
     * @throws IllegalArgumentException when the sizes do not match this model
     */
    public void importState(State s) {
        State mine = exportState();
        float[] b = s.buffers();
        long[] r = s.rng();
        if (b.length != mine.buffers().length || r.length != mine.rng().length) {
            throw new IllegalArgumentException("model state has " + b.length + " buffer values and " + r.length
                    + " rng states; this model needs " + mine.buffers().length + " and " + mine.rng().length);
        }
        int nb = 0;
        int nr = 0;
        for (Layer l : layers) {
            if (l instanceof BatchNorm1d bn) {
                int f = bn.outputSize();
                System.arraycopy(b, nb, bn.runningMean(), 0, f);
                System.arraycopy(b, nb + f, bn.runningVar(), 0, f);
                nb += 2 * f;
            } else if (l instanceof Dropout d) {
                d.setRngState(r[nr++]);
            }
        }
    }

    /** A readable one-line architecture, e.g. {@code 784-Dense256-ReLU-Dense10 cross-entropy (203530 params)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(inputSize());
        for (Layer l : layers) {
            sb.append('-').append(l.getClass().getSimpleName());
            if (l instanceof Dense) {
                sb.append(l.outputSize());
            }
        }
        return sb.append(' ').append(loss.name()).append(" (").append(w.length).append(" params)").toString();
    }

    // ---- internals ----

    /** Checks that x and the targets cover {@code batch} rows; the workspaces are left as they are. */
    private void checkRows(float[] x, int batch, int labelCount) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batch);
        }
        if ((long) batch * inputSize() > x.length) {
            throw new IllegalArgumentException("input holds " + x.length + " values, " + batch + " rows of "
                    + inputSize() + " need " + (long) batch * inputSize());
        }
        if (labelCount < batch) {
            throw new IllegalArgumentException("targets cover " + labelCount + " rows, need " + batch);
        }
    }

    private void ensureCapacity(int batch) {
        if (batch <= cap) {
            return;
        }
        cap = batch;
        for (int i = 0; i <= layers.length; i++) {
            acts[i] = new float[batch * sizes[i]];
            deltas[i] = i == 0 ? null : new float[batch * sizes[i]];
        }
    }

    /** Copies rows [start, start + b) of x into the input workspace and runs forward in evaluation mode. */
    float[] forwardChunk(float[] x, int start, int b) {
        int in = inputSize();
        System.arraycopy(x, start * in, acts[0], 0, b * in);
        forward(acts[0], b, false);
        return acts[layers.length];
    }

    /** The input workspace that {@link #forwardChunk} fills. */
    float[] inputBuffer() {
        return acts[0];
    }

    private void forward(float[] x, int batch, boolean train) {
        float[] in = x;
        for (int i = 0; i < layers.length; i++) {
            layers[i].forward(w, in, acts[i + 1], batch, train);
            in = acts[i + 1];
        }
    }

    /** Fills {@link #grads()} (overwriting: Dense layers write their range, the rest is zeroed first). */
    private void backward(float[] x, int batch) {
        for (Layer l : layers) {
            if (!(l instanceof Dense) && l.paramCount() > 0) {
                Arrays.fill(g, l.offset(), l.offset() + l.paramCount(), 0f);
            }
        }
        for (int i = layers.length - 1; i >= 0; i--) {
            float[] in = i == 0 ? x : acts[i];
            float[] dx = i == 0 ? null : deltas[i];
            if (layers[i] instanceof Dense d) {
                d.backward(w, g, in, deltas[i + 1], dx, batch, false);
            } else {
                layers[i].backward(w, g, in, acts[i + 1], deltas[i + 1], dx, batch);
            }
        }
    }

    /**
     * Assembles a {@link Model}: layers in order, each given its parameter offset, then
     * {@link #build(long)}. Defaults: loss softmax cross-entropy, maxBatch 256.
     */
    public static final class Builder {
        private interface Recipe {
            Layer make(int offset, long seed);
        }

        private final int inputSize;
        private int width;
        private final List<Recipe> recipes = new ArrayList<>();
        private final List<Integer> params = new ArrayList<>();
        private Loss loss = Loss.softmaxCrossEntropy();
        private int maxBatch = 256;

        private Builder(int inputSize) {
            if (inputSize < 1) {
                throw new IllegalArgumentException("input size must be >= 1, got " + inputSize);
            }
            this.inputSize = inputSize;
            this.width = inputSize;
        }

        private Builder add(int paramCount, int outWidth, Recipe r) {
            recipes.add(r);
            params.add(paramCount);
            width = outWidth;
            return this;
        }

        /** A {@link Dense} layer to {@code out} features with the given weight init. */
        public Builder dense(int out, Init init) {
            int in = width;
            Objects.requireNonNull(init, "init");
            if (out < 1) {
                throw new IllegalArgumentException("Dense output size must be >= 1, got " + out);
            }
            return add(out * in + out, out, (off, seed) -> new Dense(in, out, off, init));
        }

        /** An activation layer. */
        public Builder activation(Activation a) {
            int n = width;
            return add(0, n, (off, seed) -> a.layer(n));
        }

        /** A {@link BatchNorm1d} over the current width. */
        public Builder batchNorm() {
            int n = width;
            return add(2 * n, n, (off, seed) -> new BatchNorm1d(n, off));
        }

        /** A {@link Dropout} with drop probability p in [0, 1), its stream seeded from the model seed. */
        public Builder dropout(double p) {
            int n = width;
            if (!(p >= 0 && p < 1)) {
                throw new IllegalArgumentException("dropout probability p must be in [0, 1), got " + p);
            }
            return add(0, n, (off, seed) -> new Dropout(n, p, seed));
        }

        /** The loss (default softmax cross-entropy). */
        public Builder loss(Loss l) {
            this.loss = Objects.requireNonNull(l, "loss");
            return this;
        }

        /** Rows of the workspaces, ≥ 1 (default 256); larger batches grow them once. */
        public Builder maxBatch(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("maxBatch must be >= 1, got " + rows);
            }
            this.maxBatch = rows;
            return this;
        }

        /**
         * Builds the model, initializing parameters from a {@link SplittableRandom} seeded with
         * {@code seed} (layer by layer, in order); dropout layer i's stream is seeded from
         * {@code seed} and i.
         *
         * @throws IllegalArgumentException when there are no layers
         */
        public Model build(long seed) {
            if (recipes.isEmpty()) {
                throw new IllegalArgumentException("a model needs at least one layer");
            }
            List<Layer> layers = new ArrayList<>();
            int off = 0;
            for (int i = 0; i < recipes.size(); i++) {
                layers.add(recipes.get(i).make(off, mix(seed + 0x632BE59BD9B4E019L * (i + 1))));
                off += params.get(i);
            }
            return new Model(layers, loss, off, maxBatch, seed);
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
            z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
            return z ^ (z >>> 33);
        }
    }

}
