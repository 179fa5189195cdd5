package dev.descent.nn;

import dev.descent.linalg.Gemm;
import dev.descent.linalg.Vec;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fully connected layer y = x·Wᵀ + b, torch's {@code nn.Linear} layout: W is out × in,
 * row-major, at {@code [offset, offset + out·in)}, then b at {@code [offset + out·in, offset + out·in + out)}.
 *
 * <p>Forward: y = b in each row, then y += x·Wᵀ. Backward: ∂W += dyᵀ·x, ∂b += Σ_rows dy,
 * dx = dy·W; inside a {@link Model}, a following activation computes ∂b in its own pass
 * ({@link Elementwise#backwardWithBias}). The products run through {@link Gemm} with its transpose
 * flags (no transposed copies).
 */
public final class Dense implements Layer {

    private final int in;
    private final int out;
    private final int offset;
    private final Init init;

    /**
     * A dense layer owning {@code [offset, offset + out·in + out)} of the model buffer.
     *
     * @param in input features, ≥ 1
     * @param out output features, ≥ 1
     * @param offset first parameter index in the model buffer, ≥ 0
     * @param init weight initialization
     */
    public Dense(int in, int out, int offset, Init init) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Dense sizes must be >= 1, got in=" + in + " out=" + out);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        this.in = in;
        this.out = out;
        this.offset = offset;
        this.init = java.util.Objects.requireNonNull(init, "init");
    }

    @Override public int inputSize() { return in; }
    @Override public int outputSize() { return out; }
    @Override public int paramCount() { return out * in + out; }
    @Override public int offset() { return offset; }

    /** {@return the weight initialization this layer was built with} */
    public Init init() {
        return init;
    }

    /** {@return index of the first bias in the model buffer} */
    public int biasOffset() {
        return offset + out * in;
    }

    /**
     * y ← b in every row, then y ← x·Wᵀ + y (a product with β = 1). Cheaper than a product with
     * β = 0 and a bias pass after it: OpenBLAS clears C in a pass of its own when β = 0, and the
     * row copies take that pass's place.
     */
    @Override
    public void forward(float[] w, float[] x, float[] y, int batch, boolean training) {
        int b0 = biasOffset();
        for (int r = 0; r < batch; r++) {
            System.arraycopy(w, b0, y, r * out, out);
        }
        Gemm.sgemm(false, true, batch, out, in, 1f, x, 0, in, w, offset, in, 1f, y, 0, out);
    }

    @Override
    public void backward(float[] w, float[] g, float[] x, float[] y, float[] dy, float[] dx, int batch) {
        backward(w, g, x, dy, dx, batch, true);
    }

    /**
     * The backward pass, either accumulating into this layer's gradient range ({@code accumulate})
     * or overwriting it (what {@link Model} uses, which saves zeroing the range first).
     */
    void backward(float[] w, float[] g, float[] x, float[] dy, float[] dx, int batch, boolean accumulate) {
        int b0 = biasOffset();
        if (!accumulate) {
            java.util.Arrays.fill(g, b0, b0 + out, 0f);
        }
        Vec.addColumnSums(dy, batch, out, g, b0);
        backwardProducts(w, g, x, dy, dx, batch, accumulate);
    }

    /**
     * The backward pass without the bias gradient (which {@link Elementwise#backwardWithBias}
     * computed, fused): ∂W ← dyᵀ·x (or += when {@code accumulate}), and dx ← dy·W unless dx is null.
     */
    void backwardProducts(float[] w, float[] g, float[] x, float[] dy, float[] dx, int batch, boolean accumulate) {
        Gemm.sgemm(true, false, out, in, batch, 1f, dy, 0, out, x, 0, in, accumulate ? 1f : 0f, g, offset, in);
        if (dx != null) {
            Gemm.sgemm(false, false, batch, in, out, 1f, dy, 0, out, w, offset, in, 0f, dx, 0, in);
        }
    }

    @Override
    public void init(float[] w, SplittableRandom rng) {
        init.fill(w, offset, in, out, rng);
        java.util.Arrays.fill(w, biasOffset(), biasOffset() + out, 0f);
    }

    @Override
    public List<ParamRange> ranges(int layerIndex) {
        String name = "dense" + layerIndex;
        return List.of(
                new ParamRange(name + ".weight", layerIndex, ParamRange.Kind.WEIGHT, offset, biasOffset()),
                new ParamRange(name + ".bias", layerIndex, ParamRange.Kind.BIAS, biasOffset(), biasOffset() + out));
    }
}
