package dev.descent.nn;

/**
 * Hyperbolic tangent y = tanh(x), dy/dx = 1 − y².
 * Elementwise: input and output have {@code size} features.
 */
public final class Tanh extends Elementwise {

    /**
     * A Tanh layer over {@code size} features.
     *
     * @param size features, ≥ 1
     */
    public Tanh(int size) {
        super(size);
    }

    @Override
    float apply(float x) {
        return (float) Math.tanh(x);
    }

    @Override
    float gradient(float x, float y, float dy) {
        return dy * (1f - y * y);
    }
}
