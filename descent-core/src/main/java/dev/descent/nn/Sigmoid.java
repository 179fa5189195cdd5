package dev.descent.nn;

/**
 * Logistic sigmoid y = 1/(1 + e^(−x)), dy/dx = y(1 − y).
 * Elementwise: input and output have {@code size} features.
 */
public final class Sigmoid implements Layer {

    private final int size;

    /**
     * A Sigmoid layer over {@code size} features.
     *
     * @param size features, ≥ 1
     */
    public Sigmoid(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Sigmoid size must be >= 1, got " + size);
        }
        this.size = size;

    }

    @Override public int inputSize() { return size; }
    @Override public int outputSize() { return size; }

    @Override
    public void forward(float[] w, float[] x, float[] y, int batch, boolean training) {
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
        }
    }

    @Override
    public void backward(float[] w, float[] g, float[] x, float[] y, float[] dy, float[] dx, int batch) {
        if (dx == null) {
            return;
        }
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            float s = y[i]; dx[i] = dy[i] * s * (1f - s);
        }
    }
}
