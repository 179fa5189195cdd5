package dev.descent.nn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One layer: a forward/backward pair over flat row-major batches, in the style of llm.c.
 *
 * <p>Shapes: {@code x} is {@code batch × inputSize()}, {@code y} is {@code batch × outputSize()},
 * both row-major starting at index 0. A layer's parameters live in the model's single buffer
 * {@code w} at {@code [offset(), offset() + paramCount())}, with gradients at the same indices of
 * {@code g}. {@link #backward} <em>accumulates</em> into {@code g} (the caller zeroes it) and
 * <em>overwrites</em> {@code dx}; {@code dx} may be {@code null} when the input gradient is not
 * needed (the first layer).
 *
 * <p>Layers hold only their sizes, offsets and the scratch they need between forward and
 * backward (batch-norm statistics, the dropout mask), grown on first use for a larger batch and
 * then reused: no allocation per step. Not thread-safe.
 */
public sealed interface Layer
        permits Dense, Elementwise, StatefulLayer {

    /** {@return features per input row, ≥ 1} */
    int inputSize();

    /** {@return features per output row, ≥ 1} */
    int outputSize();

    /** {@return number of parameters this layer owns (0 for activations and dropout)} */
    default int paramCount() {
        return 0;
    }

    /** {@return index of this layer's first parameter in the model's buffer} */
    default int offset() {
        return 0;
    }

    /**
     * y ← layer(x).
     *
     * @param w the model's parameter buffer (this layer reads its range)
     * @param x the input, batch × inputSize() values from index 0
     * @param y the output, batch × outputSize() values from index 0, overwritten
     * @param batch rows, ≥ 1
     * @param training training mode (batch statistics, dropout active) or evaluation mode
     */
    void forward(float[] w, float[] x, float[] y, int batch, boolean training);

    /**
     * Given dy = ∂L/∂y for the last {@link #forward} on this {@code x, y}: g += ∂L/∂w and
     * dx ← ∂L/∂x (skipped when {@code dx} is null).
     *
     * @param w the model's parameter buffer
     * @param g the model's gradient buffer; this layer's range is accumulated into
     * @param x the input of the last forward
     * @param y the output of the last forward
     * @param dy ∂L/∂y, batch × outputSize()
     * @param dx ∂L/∂x, batch × inputSize(), overwritten; or null
     * @param batch rows, ≥ 1
     */
    void backward(float[] w, float[] g, float[] x, float[] y, float[] dy, float[] dx, int batch);

    /**
     * Writes initial parameter values into this layer's range of {@code w}; no-op for layers
     * without parameters.
     *
     * @param w the model's parameter buffer
     * @param rng the model's initialization stream
     */
    default void init(float[] w, SplittableRandom rng) {}

    /**
     * {@return the parameter ranges this layer owns, for optimizer parameter groups}
     *
     * @param layerIndex this layer's position in the model, used in the range names
     */
    default List<ParamRange> ranges(int layerIndex) {
        return List.of();
    }
}
