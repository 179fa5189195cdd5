package dev.descent.nn;

/**
 * Hyperbolic tangent y = tanh(x), dy/dx = 1 − y².
 * Elementwise: input and output have {@code size} features.
 */
public final class Tanh implements Layer {

    private final int size;

    /**
     * A Tanh layer over {@code size} features.
     *
     * @param size features, ≥ 1
     */
    public Tanh(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Tanh size must be >= 1, got " + size);
        }
        this.size = size;

    }

    @Override public int inputSize() { return size; }
    @Override public int outputSize() { return size; }

    @Override
    public void forward(float[] w, float[] x, float[] y, int batch, boolean training) {
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
    }

    @Override
    public void backward(float[] w, float[] g, float[] x, float[] y, float[] dy, float[] dx, int batch) {
        if (dx == null) {
            return;
        }
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            float t = y[i]; dx[i] = dy[i] * (1f - t * t);
        }
    }
}
