package dev.descent.nn;

/**
 * Leaky ReLU y = x for x > 0, else α·x (torch's {@code nn.LeakyReLU}, default α = 0.01).
 * Elementwise: input and output have {@code size} features.
 */
public final class LeakyReLU extends Elementwise {

    private final float alpha;

    /**
     * A leaky ReLU layer over {@code size} features.
     *
     * @param size features, ≥ 1
     * @param alpha negative slope α in [0, 1)
     */
    public LeakyReLU(int size, float alpha) {
        super(size);
        if (!(alpha >= 0f && alpha < 1f)) {
            throw new IllegalArgumentException("LeakyReLU slope alpha must be in [0, 1), got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    float apply(float x) {
        return Math.max(x, 0f) + alpha * Math.min(x, 0f); // branch-free
    }

    @Override
    float gradient(float x, float y, float dy) {
        return dy * (alpha + (1f - alpha) * signumOfNonNegative(Math.max(x, 0f))); // branch-free
    }
}
