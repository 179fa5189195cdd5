package dev.descent.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Assembles a {@link Model} layer by layer, from {@link Model#builder(int)}: each call appends a
 * layer over the current width and gives it its range of the parameter buffer, then
 * {@link #build(long)} allocates the buffer and initializes it from a seed. Defaults: loss
 * softmax cross-entropy, {@link #maxBatch(int) maxBatch} 256.
 *
 * <pre>{@code
 * Model m = Model.builder(784).dense(256, Init.HE).activation(Activation.RELU)
 *         .dense(10, Init.HE).loss(Loss.softmaxCrossEntropy()).build(seed);
 * }</pre>
 *
 * {@link ModelSpec} builds the same networks from a one-line text spec. Arguments are checked
 * when given; a builder is not thread-safe and may build several models.
 */
public final class ModelBuilder {

    /** How one layer is made once its parameter offset and stream seed are known. */
    private interface Recipe {
        Layer make(int offset, long seed);
    }

    private final int inputSize;
    private int width;
    private final List<Recipe> recipes = new ArrayList<>();
    private final List<Integer> params = new ArrayList<>();
    private Loss loss = Loss.softmaxCrossEntropy();
    private int maxBatch = 256;

    ModelBuilder(int inputSize) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("input size must be >= 1, got " + inputSize);
        }
        this.inputSize = inputSize;
        this.width = inputSize;
    }

    private ModelBuilder add(int paramCount, int outWidth, Recipe r) {
        recipes.add(r);
        params.add(paramCount);
        width = outWidth;
        return this;
    }

    /**
     * Appends a {@link Dense} layer from the current width to {@code out} features, its weights
     * drawn with {@code init} (biases zero).
     *
     * @param out output features, ≥ 1
     * @param init the weight initialization
     * @return this builder
     */
    public ModelBuilder dense(int out, Init init) {
        int in = width;
        Objects.requireNonNull(init, "init");
        if (out < 1) {
            throw new IllegalArgumentException("Dense output size must be >= 1, got " + out);
        }
        if ((long) out * in + out > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Dense " + in + "->" + out + " has more parameters than a Java array holds");
        }
        return add(out * in + out, out, (off, seed) -> new Dense(in, out, off, init));
    }

    /**
     * Appends an elementwise activation layer over the current width.
     *
     * @param a the activation
     * @return this builder
     */
    public ModelBuilder activation(Activation a) {
        Objects.requireNonNull(a, "activation");
        int n = width;
        return add(0, n, (off, seed) -> a.layer(n));
    }

    /**
     * Appends a {@link BatchNorm1d} over the current width (2 parameters per feature).
     *
     * @return this builder
     */
    public ModelBuilder batchNorm() {
        int n = width;
        return add(2 * n, n, (off, seed) -> new BatchNorm1d(n, off));
    }

    /**
     * Appends a {@link Dropout} with drop probability {@code p} in [0, 1); its mask stream is
     * seeded from the model seed and the layer's position.
     *
     * @param p the drop probability, in [0, 1)
     * @return this builder
     */
    public ModelBuilder dropout(double p) {
        int n = width;
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability p must be in [0, 1), got " + p);
        }
        return add(0, n, (off, seed) -> new Dropout(n, p, seed));
    }

    /**
     * Sets the loss (default softmax cross-entropy).
     *
     * @param l the loss
     * @return this builder
     */
    public ModelBuilder loss(Loss l) {
        this.loss = Objects.requireNonNull(l, "loss");
        return this;
    }

    /**
     * Sets the rows of the workspaces, ≥ 1 (default 256): evaluation runs in chunks of this many
     * rows, and a larger training batch grows the workspaces once.
     *
     * @param rows workspace rows, ≥ 1
     * @return this builder
     */
    public ModelBuilder maxBatch(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + rows);
        }
        this.maxBatch = rows;
        return this;
    }

    /**
     * Builds the model, initializing the parameters from a {@link SplittableRandom} seeded with
     * {@code seed} (layer by layer, in order); dropout layer i's stream is seeded from
     * {@code seed} and i. The same seed gives the same bits.
     *
     * @param seed the initialization seed
     * @return the new model, in training mode
     * @throws IllegalArgumentException when there are no layers, or the parameters would not fit
     *     in one array
     */
    public Model build(long seed) {
        if (recipes.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one layer");
        }
        List<Layer> layers = new ArrayList<>();
        long off = 0;
        for (int i = 0; i < recipes.size(); i++) {
            if (off + params.get(i) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the model has more parameters than a Java array holds");
            }
            layers.add(recipes.get(i).make((int) off, mix(seed + 0x632BE59BD9B4E019L * (i + 1))));
            off += params.get(i);
        }
        return new Model(layers, loss, (int) off, maxBatch, seed);
    }

    /** {@return the input width this builder started from} */
    public int inputSize() {
        return inputSize;
    }

    /** {@return the width of the last layer added so far (the input width before any layer)} */
    public int width() {
        return width;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
