package dev.descent.nn;

/**
 * Leaky ReLU y = x for x > 0, else α·x (torch's {@code nn.LeakyReLU}, default α = 0.01).
 * Elementwise: input and output have {@code size} features.
 */
public final class LeakyReLU implements Layer {

    private final int size;
    private final float alpha;

    /**
     * A leaky ReLU layer over {@code size} features.
     *
     * @param size features, ≥ 1
     * @param alpha negative slope α in [0, 1)
     */
    public LeakyReLU(int size, float alpha) {
        if (size < 1) {
            throw new IllegalArgumentException("LeakyReLU size must be >= 1, got " + size);
        }
        if (!(alpha >= 0f && alpha < 1f)) {
            throw new IllegalArgumentException("LeakyReLU slope alpha must be in [0, 1), got " + alpha);
        }
        this.size = size;
        this.alpha = alpha;
    }

    @Override public int inputSize() { return size; }
    @Override public int outputSize() { return size; }

    @Override
    public void forward(float[] w, float[] x, float[] y, int batch, boolean training) {
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            float v = x[i]; y[i] = Math.max(v, 0f) + alpha * Math.min(v, 0f); // branch-free
        }
    }

    @Override
    public void backward(float[] w, float[] g, float[] x, float[] y, float[] dy, float[] dx, int batch) {
        if (dx == null) {
            return;
        }
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * (alpha + (1f - alpha) * Math.signum(Math.max(x[i], 0f))); // branch-free
        }
    }
}
