package dev.descent.nn;

/**
 * Rectified linear unit y = max(0, x); at x = 0 the derivative is taken as 0 (as torch).
 * Elementwise: input and output have {@code size} features.
 */
public final class ReLU extends Elementwise {

    /**
     * A ReLU layer over {@code size} features.
     *
     * @param size features, ≥ 1
     */
    public ReLU(int size) {
        super(size);
    }

    @Override
    float apply(float x) {
        return Math.max(x, 0f); // branch-free: signs of pre-activations are a coin flip
    }

    @Override
    float gradient(float x, float y, float dy) {
        return dy * signumOfNonNegative(y); // y = max(x, 0) ≥ +0: the 0/1 derivative, branch-free
    }
}
