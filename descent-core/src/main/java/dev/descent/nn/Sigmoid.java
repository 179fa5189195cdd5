package dev.descent.nn;

/**
 * Logistic sigmoid y = 1/(1 + e^(−x)), dy/dx = y(1 − y).
 * Elementwise: input and output have {@code size} features.
 */
public final class Sigmoid extends Elementwise {

    /**
     * A Sigmoid layer over {@code size} features.
     *
     * @param size features, ≥ 1
     */
    public Sigmoid(int size) {
        super(size);
    }

    @Override
    float apply(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    @Override
    float gradient(float x, float y, float dy) {
        return dy * y * (1f - y);
    }
}
