package dev.descent.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A feed-forward network: a sequence of {@link Layer}s and a {@link Loss}, with <b>all
 * parameters in one contiguous {@code float[]}</b> ({@link #params()}) and the gradients in a
 * twin array ({@link #grads()}), as in llm.c. Each layer owns an offset range
 * ({@link #parameterRanges()}), which gives optimizer parameter groups. Built by
 * {@link #builder(int)} or {@link ModelSpec}; saved and loaded for inference by
 * {@link #save(Path)} and {@link #load(Path)}.
 *
 * <p>Shapes: inputs are row-major {@code n × inputSize()}, outputs {@code n × outputSize()}.
 * Workspaces hold {@link #maxBatch()} rows, grown only when a larger training batch arrives
 * ({@link #forwardBackward}): no allocation per step. {@link #predict} and {@link #evaluate} run
 * in chunks of {@code maxBatch()} rows and never grow them, so any n fits in bounded memory.
 *
 * <p>Modes: {@link #setTraining(boolean)} switches dropout and batch norm between training and
 * evaluation behaviour for {@link #forwardBackward}; {@link #predict} and {@link #evaluate}
 * always use evaluation mode (and leave the mode as it was). The full-batch objective with its
 * Hessian-vector products, for the deterministic minimizers, is {@code train.ModelObjective}.
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
    private final List<StatefulLayer> stateful;
    private boolean training = true;
    private final Passes passes;

    Model(List<Layer> layerList, Loss loss, int paramCount, int maxBatch, long seed) {
        this.layers = layerList.toArray(new Layer[0]);
        this.loss = loss;
        this.sizes = new int[layers.length + 1];
        sizes[0] = layers[0].inputSize();
        List<ParamRange> r = new ArrayList<>();
        List<StatefulLayer> s = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i].inputSize() != sizes[i]) {
                throw new IllegalArgumentException("layer " + i + " expects " + layers[i].inputSize()
                        + " inputs but the previous layer gives " + sizes[i]);
            }
            sizes[i + 1] = layers[i].outputSize();
            r.addAll(layers[i].ranges(i));
            if (layers[i] instanceof StatefulLayer st) {
                s.add(st);
            }
        }
        this.ranges = List.copyOf(r);
        this.stateful = List.copyOf(s);
        this.w = new float[paramCount];
        this.g = new float[paramCount];
        SplittableRandom rng = new SplittableRandom(seed);
        for (Layer l : layers) {
            l.init(w, rng);
        }
        this.passes = new Passes(layers, sizes);
        passes.ensureCapacity(maxBatch);
    }

    /**
     * {@return a builder of a model whose input rows have {@code inputSize} features}
     *
     * @param inputSize features per input row, ≥ 1
     */
    public static ModelBuilder builder(int inputSize) {
        return new ModelBuilder(inputSize);
    }

    /** {@return the parameter buffer θ (live; an optimizer updates it in place)} */
    public float[] params() {
        return w;
    }

    /** {@return the gradient buffer ∂L/∂θ, same indexing as {@link #params()} (live)} */
    public float[] grads() {
        return g;
    }

    /** {@return the number of parameters} */
    public int paramCount() {
        return w.length;
    }

    /** {@return features per input row} */
    public int inputSize() {
        return sizes[0];
    }

    /** {@return features per output row (classes for a classifier, target columns for a regression)} */
    public int outputSize() {
        return sizes[layers.length];
    }

    /** {@return the layers, in order} */
    public List<Layer> layers() {
        return List.of(layers);
    }

    /** {@return the loss} */
    public Loss loss() {
        return loss;
    }

    /** {@return every layer's parameter ranges (weights, biases, norm scales and shifts), in buffer order} */
    public List<ParamRange> parameterRanges() {
        return ranges;
    }

    /** {@return rows the workspaces currently hold; evaluation runs in chunks of this size} */
    public int maxBatch() {
        return passes.capacity();
    }

    /** {@return whether {@link #forwardBackward} runs in training mode (the default)} */
    public boolean isTraining() {
        return training;
    }

    /**
     * Selects the mode of {@link #forwardBackward}.
     *
     * @param training true for training mode (dropout active, batch statistics), false for evaluation mode
     */
    public void setTraining(boolean training) {
        this.training = training;
    }

    /**
     * One training step's computation: zeroes {@link #grads()}, runs forward and backward on
     * {@code batch} rows of {@code x} against {@code labels[0, batch)} in the current mode, and
     * returns the mean loss; {@link #grads()} then holds ∂(mean loss)/∂θ.
     *
     * @param x the inputs, row-major, at least batch × inputSize() values
     * @param labels class labels, at least batch of them
     * @param batch rows, ≥ 1 (the workspaces grow once for a batch above {@link #maxBatch()})
     * @return the mean loss over the batch (may be non-finite)
     */
    public double forwardBackward(float[] x, int[] labels, int batch) {
        return forwardBackward(x, labels, 0, batch);
    }

    /**
     * {@return as {@link #forwardBackward(float[], int[], int)}, against dense targets}
     *
     * @param x the inputs, row-major
     * @param targets the targets, row-major, batch × outputSize() values (regression)
     * @param batch rows, ≥ 1
     */
    public double forwardBackward(float[] x, float[] targets, int batch) {
        return forwardBackward(x, targets, 0, batch);
    }

    /**
     * As {@link #forwardBackward(float[], int[], int)} on rows {@code [from, from + rows)} of
     * {@code x} and {@code labels}: a chunk of a larger set, without copying it out first.
     *
     * @param x the inputs of the whole set, row-major
     * @param labels the labels of the whole set
     * @param from the first row, ≥ 0
     * @param rows rows, ≥ 1
     * @return the mean loss over the chunk
     */
    public double forwardBackward(float[] x, int[] labels, int from, int rows) {
        checkRows(x, from, rows, labels.length);
        float[] in = input(x, from, rows);
        passes.forward(w, in, rows, training);
        double l = loss.forward(passes.output(), labels, from, rows, outputSize(), passes.outputGradient());
        passes.backward(w, g, in, rows);
        return l;
    }

    /**
     * {@return as {@link #forwardBackward(float[], int[], int, int)}, against dense targets}
     *
     * @param x the inputs of the whole set, row-major
     * @param targets the targets of the whole set, row r at {@code targets[r·outputSize()]}
     * @param from the first row, ≥ 0
     * @param rows rows, ≥ 1
     */
    public double forwardBackward(float[] x, float[] targets, int from, int rows) {
        checkRows(x, from, rows, targets.length / outputSize());
        float[] in = input(x, from, rows);
        passes.forward(w, in, rows, training);
        double l = loss.forward(passes.output(), targets, from * outputSize(), rows, outputSize(), passes.outputGradient());
        passes.backward(w, g, in, rows);
        return l;
    }

    /**
     * Writes the outputs (logits) for {@code n} rows of {@code x} into {@code out}
     * ({@code n × outputSize()}), in evaluation mode.
     *
     * @param x the inputs, row-major
     * @param n rows, ≥ 1
     * @param out the outputs, at least n × outputSize() values
     */
    public void predict(float[] x, int n, float[] out) {
        checkRows(x, 0, n, n);
        int k = outputSize();
        if (out.length < (long) n * k) {
            throw new IllegalArgumentException("output buffer holds " + out.length + " values, needs " + (long) n * k);
        }
        int cap = passes.capacity();
        for (int s = 0; s < n; s += cap) {
            int b = Math.min(cap, n - s);
            float[] z = forwardChunk(x, s, b);
            System.arraycopy(z, 0, out, s * k, b * k);
        }
    }

    /**
     * The mean loss and the accuracy over {@code n} rows against class labels, in one forward pass
     * in evaluation mode, in chunks of {@link #maxBatch()} rows (see {@link Evaluation}).
     *
     * @param x the inputs, row-major
     * @param labels the class labels
     * @param n rows, ≥ 1
     * @return the mean loss and the accuracy
     */
    public Evaluation evaluate(float[] x, int[] labels, int n) {
        checkRows(x, 0, n, labels.length);
        return Evaluation.of(this, x, labels, n);
    }

    /**
     * {@return {@link #evaluate(float[], int[], int)}'s mean loss alone}
     *
     * @param x the inputs, row-major
     * @param labels the class labels
     * @param n rows, ≥ 1
     */
    public double loss(float[] x, int[] labels, int n) {
        return evaluate(x, labels, n).loss();
    }

    /**
     * The mean loss over {@code n} rows against dense targets ({@code n × outputSize()}), in
     * evaluation mode, in chunks; no accuracy (regression: {@link Evaluation#ofLoss}).
     *
     * @param x the inputs, row-major
     * @param targets the targets, row-major
     * @param n rows, ≥ 1
     * @return the mean loss, and NaN for the accuracy
     */
    public Evaluation evaluate(float[] x, float[] targets, int n) {
        checkRows(x, 0, n, targets.length / outputSize());
        return Evaluation.of(this, x, targets, n);
    }

    /** {@return a copy of the non-parameter state (see {@link ModelState}); empty without stateful layers} */
    public ModelState exportState() {
        return ModelState.export(stateful);
    }

    /**
     * Restores state from {@link #exportState()} of a model with the same architecture.
     *
     * @param s the state to copy in
     * @throws IllegalArgumentException when the sizes do not match this model
     */
    public void importState(ModelState s) {
        s.restore(stateful);
    }

    /**
     * Writes this model (architecture, loss, parameters and layer state) to {@code file}, for
     * {@link #load}: a self-checking binary file (magic number, format version, CRC32), written
     * atomically (a temporary file in the same directory, then a rename), so a crash leaves
     * either the old file or the new one.
     *
     * @param file where to write; replaced when it exists
     * @throws IOException when the file cannot be written
     */
    public void save(Path file) throws IOException {
        ModelFile.write(this, file);
    }

    /**
     * Reads a model written by {@link #save}: the same architecture, parameters and layer state,
     * in training mode, with workspaces for the saved {@link #maxBatch()}.
     *
     * @param file a file written by {@link #save}
     * @return the model
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not a descent model file, has another format
     *     version, or is corrupt (truncated, checksum mismatch); the message names the file
     */
    public static Model load(Path file) throws IOException {
        return ModelFile.read(file);
    }

    /** {@return a readable one-line architecture, e.g. {@code 784-Dense256-ReLU-Dense10 cross-entropy (203530 params)}} */
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

    /** Checks that x and the targets cover rows [from, from + rows); the workspaces are left as they are. */
    private void checkRows(float[] x, int from, int rows, int targetRows) {
        if (rows < 1 || from < 0) {
            throw new IllegalArgumentException("batch size must be >= 1 and the first row >= 0, got " + rows + " rows from " + from);
        }
        long end = (long) from + rows;
        if (end * inputSize() > x.length) {
            throw new IllegalArgumentException("input holds " + x.length + " values, " + end + " rows of "
                    + inputSize() + " need " + end * inputSize());
        }
        if (targetRows < end) {
            throw new IllegalArgumentException("targets cover " + targetRows + " rows, need " + end);
        }
    }

    /** The input of a pass over rows [from, from + rows): x itself when from = 0, else a copy in the workspace. */
    private float[] input(float[] x, int from, int rows) {
        passes.ensureCapacity(rows);
        if (from == 0) {
            return x;
        }
        System.arraycopy(x, from * inputSize(), passes.input(), 0, rows * inputSize());
        return passes.input();
    }

    /** Copies rows [start, start + b) of x into the input workspace and runs forward in evaluation mode. */
    float[] forwardChunk(float[] x, int start, int b) {
        int in = inputSize();
        System.arraycopy(x, start * in, passes.input(), 0, b * in);
        passes.forward(w, passes.input(), b, false);
        return passes.output();
    }
}
