package dev.descent.nn;

/**
 * An elementwise activation y = f(x) over {@code size} features: the loops over a batch, written
 * once for {@link ReLU}, {@link LeakyReLU}, {@link Tanh}, {@link Sigmoid} and {@link Gelu}, each of
 * which states only its function ({@link #apply}) and its input gradient ({@link #gradient}).
 *
 * <p>Besides the plain {@link Layer} pair, an activation that follows a {@link Dense} layer runs
 * its backward pass fused with that layer's bias gradient ({@link Model} does this):
 * {@link #backwardWithBias} computes the input gradient and the bias gradient's column sums in
 * one pass over the rows, each row read from memory once and summed while it is in the
 * first-level cache. It computes exactly what the separate passes would, element by element, in
 * the same order. (The forward pass needs no fusion: {@link Dense#forward} copies the bias into
 * place before its product, which costs what clearing the output would.)
 */
abstract sealed class Elementwise implements Layer permits ReLU, LeakyReLU, Tanh, Sigmoid, Gelu {

    private final int size;

    /**
     * @param size features, ≥ 1
     * @throws IllegalArgumentException when size &lt; 1, naming the subclass
     */
    Elementwise(int size) {
        if (size < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " size must be >= 1, got " + size);
        }
        this.size = size;
    }

    /** {@return f(x)} */
    abstract float apply(float x);

    /**
     * {@return the input gradient dy·f′(x)}
     *
     * @param x the input
     * @param y f(x), as {@link #apply} computed it
     * @param dy the output gradient
     */
    abstract float gradient(float x, float y, float dy);

    @Override
    public final int inputSize() {
        return size;
    }

    @Override
    public final int outputSize() {
        return size;
    }

    @Override
    public final void forward(float[] w, float[] x, float[] y, int batch, boolean training) {
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            y[i] = apply(x[i]);
        }
    }

    @Override
    public final void backward(float[] w, float[] g, float[] x, float[] y, float[] dy, float[] dx, int batch) {
        if (dx == null) {
            return;
        }
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            dx[i] = gradient(x[i], y[i], dy[i]);
        }
    }

    /**
     * The backward pass fused with the preceding layer's bias gradient: dz ← dy·f′(z) and
     * ∂b ← Σ_rows dz (or += when {@code accumulate}), in one pass over the rows, summed in order.
     *
     * @param z the pre-activation (the Dense layer's output) of the last forward pass
     * @param y this activation's output of that pass
     * @param dy ∂L/∂y, batch × size
     * @param dz ∂L/∂z, batch × size, overwritten
     * @param g the gradient buffer holding ∂b
     * @param bias the index of ∂b's first element in {@code g}
     * @param batch rows, ≥ 1
     * @param accumulate add to ∂b instead of overwriting it
     */
    final void backwardWithBias(float[] z, float[] y, float[] dy, float[] dz, float[] g, int bias, int batch,
                                boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(g, bias, bias + size, 0f);
        }
        for (int r = 0; r < batch; r++) {
            int row = r * size;
            for (int j = row; j < row + size; j++) {
                dz[j] = gradient(z[j], y[j], dy[j]);
            }
            for (int j = 0; j < size; j++) {
                g[bias + j] += dz[row + j];
            }
        }
    }
}
