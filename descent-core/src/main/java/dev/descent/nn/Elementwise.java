package dev.descent.nn;

import dev.descent.linalg.Vec;

/**
 * An elementwise activation y = f(x) over {@code size} features: the loops over a batch, written
 * once for {@link ReLU}, {@link LeakyReLU}, {@link Tanh}, {@link Sigmoid} and {@link Gelu}, each of
 * which states only its function ({@link #apply}) and its input gradient ({@link #gradient}).
 *
 * <p>Besides the plain {@link Layer} pair, an activation that follows a {@link Dense} layer runs
 * its backward pass together with that layer's bias gradient ({@link Model} does this):
 * {@link #backwardWithBias} computes the input gradient over the whole batch in one loop (which
 * the JIT vectorizes once {@link #gradient} is inlined), then the bias gradient's column sums
 * ({@link Vec#addColumnSums}, eight columns at a time while the rows are in cache). It computes
 * exactly what the separate passes would, element by element, in the same order. (A row-by-row
 * fusion of the two loops was slower at batch 128: the short per-row loops kept the column sums
 * scalar and one column at a time. The forward pass needs no fusion: {@link Dense#forward} copies
 * the bias into place before its product, which costs what clearing the output would.)
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

    /**
     * {@code Math.signum(y)} for y = +0, positive, +∞ or NaN (the output of max(x, 0)): 0/1, NaN for
     * NaN. It is computed as min(y·2¹²⁷·2¹²⁷, 1), which has the bits of {@code Math.signum} for
     * every such y (+0 stays +0; the smallest subnormal, 2⁻¹⁴⁹, becomes 2¹⁰⁵ and then 1; checked
     * once over every non-negative float, and by {@code ElementwiseTest} over every subnormal and a
     * stride of every exponent): unlike {@code Math.signum}, the JIT vectorizes it. For a negative y
     * it is not the sign.
     *
     * @param y a value ≥ +0, or NaN
     * @return signum(y)
     */
    static float signumOfNonNegative(float y) {
        return Math.min(y * 0x1p127f * 0x1p127f, 1f);
    }

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
     * The backward pass together with the preceding layer's bias gradient: dz ← dy·f′(z) over the
     * batch, then ∂b ← Σ_rows dz (or += when {@code accumulate}), each column summed in row order.
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
        int n = batch * size;
        for (int i = 0; i < n; i++) { // the loop of backward, here so that it is compiled with this pass
            dz[i] = gradient(z[i], y[i], dy[i]);
        }
        if (!accumulate) {
            java.util.Arrays.fill(g, bias, bias + size, 0f);
        }
        Vec.addColumnSums(dz, batch, size, g, bias);
    }
}
