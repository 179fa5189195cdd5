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
        permits Dense, ReLU, LeakyReLU, Tanh, Sigmoid, Gelu, StatefulLayer {

    /** Features per input row, ≥ 1. */
    int inputSize();

    /** Features per output row, ≥ 1. */
    int outputSize();

    /** Number of parameters this layer owns (0 for activations and dropout). */
    default int paramCount() {
        return 0;
    }

    /** Index of this layer's first parameter in the model's buffer. */
    default int offset() {
        return 0;
    }

    /**
     * y ← layer(x).
     *
     * @param training training mode (batch statistics, dropout active) or evaluation mode
     */
    void forward(float[] w, float[] x, float[] y, int batch, boolean training);

    /**
     * Given dy = ∂L/∂y for the last {@link #forward} on this {@code x, y}: g += ∂L/∂w and
     * dx ← ∂L/∂x (skipped when {@code dx} is null).
     */
    void backward(float[] w, float[] g, float[] x, float[] y, float[] dy, float[] dx, int batch);

    /** Writes initial parameter values into {@code w}; no-op for layers without parameters. */
    default void init(float[] w, SplittableRandom rng) {}

    /** The parameter ranges this layer owns, for optimizer parameter groups. */
    default List<ParamRange> ranges(int layerIndex) {
        return List.of();
    }
}
