package dev.descent.nn;

import java.util.Arrays;

/**
 * A model's forward and backward passes over its layers, with the workspaces they run in: one
 * activation and one gradient array per layer boundary, {@link #capacity()} rows each, grown only
 * when a larger batch arrives (no allocation per step).
 *
 * <p>Backward, a {@link Dense} layer followed by an {@link Elementwise} activation runs fused:
 * the activation computes its input gradient and the bias gradient's column sums
 * ({@link Elementwise#backwardWithBias}, which saves clearing ∂b first), then the layer's two
 * products. Not thread-safe.
 */
final class Passes {

    private final Layer[] layers;
    private final int[] sizes;
    private final float[][] acts;
    private final float[][] deltas;
    private int cap;

    /**
     * @param layers the layers, in order
     * @param sizes features at each boundary: sizes[0] the input, sizes[i + 1] layer i's output
     */
    Passes(Layer[] layers, int[] sizes) {
        this.layers = layers;
        this.sizes = sizes;
        this.acts = new float[layers.length + 1][];
        this.deltas = new float[layers.length + 1][];
    }

    /** {@return rows the workspaces hold} */
    int capacity() {
        return cap;
    }

    /** Grows the workspaces to {@code batch} rows when they hold fewer. */
    void ensureCapacity(int batch) {
        if (batch <= cap) {
            return;
        }
        cap = batch;
        for (int i = 0; i <= layers.length; i++) {
            acts[i] = new float[batch * sizes[i]];
            deltas[i] = i == 0 ? null : new float[batch * sizes[i]];
        }
    }

    /** {@return the input workspace, for a chunk copied out of a larger set} */
    float[] input() {
        return acts[0];
    }

    /** {@return the last layer's output (the logits) of the last {@link #forward}} */
    float[] output() {
        return acts[layers.length];
    }

    /** {@return where the loss writes ∂L/∂output for {@link #backward}} */
    float[] outputGradient() {
        return deltas[layers.length];
    }

    /** The forward pass, layer by layer. */
    void forward(float[] w, float[] x, int batch, boolean train) {
        float[] in = x;
        for (int i = 0; i < layers.length; i++) {
            layers[i].forward(w, in, acts[i + 1], batch, train);
            in = acts[i + 1];
        }
    }

    /**
     * Fills the gradient buffer g (overwriting: Dense layers write their range, the rest is zeroed
     * first); an activation after a Dense layer computes that layer's bias gradient in its own pass.
     */
    void backward(float[] w, float[] g, float[] x, int batch) {
        for (Layer l : layers) {
            if (!(l instanceof Dense) && l.paramCount() > 0) {
                Arrays.fill(g, l.offset(), l.offset() + l.paramCount(), 0f);
            }
        }
        for (int i = layers.length - 1; i >= 0; i--) {
            if (i > 0 && layers[i - 1] instanceof Dense d && activationAfter(i - 1) instanceof Elementwise f) {
                f.backwardWithBias(acts[i], acts[i + 1], deltas[i + 1], deltas[i], g, d.biasOffset(), batch, false);
                i--;
                d.backwardProducts(w, g, i == 0 ? x : acts[i], deltas[i + 1], i == 0 ? null : deltas[i], batch, false);
                continue;
            }
            float[] in = i == 0 ? x : acts[i];
            float[] dx = i == 0 ? null : deltas[i];
            if (layers[i] instanceof Dense d) {
                d.backward(w, g, in, deltas[i + 1], dx, batch, false);
            } else {
                layers[i].backward(w, g, in, acts[i + 1], deltas[i + 1], dx, batch);
            }
        }
    }

    /** {@return layer i + 1 when it is an elementwise activation, else null} */
    private Layer activationAfter(int i) {
        return i + 1 < layers.length && layers[i + 1] instanceof Elementwise f ? f : null;
    }
}
