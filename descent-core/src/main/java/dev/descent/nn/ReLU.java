package dev.descent.nn;

/**
 * Rectified linear unit y = max(0, x); at x = 0 the derivative is taken as 0 (as torch).
 * Elementwise: input and output have {@code size} features.
 */
public final class ReLU implements Layer {

    private final int size;

    /**
     * A ReLU layer over {@code size} features.
     *
     * @param size features, ≥ 1
     */
    public ReLU(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("ReLU size must be >= 1, got " + size);
        }
        this.size = size;

    }

    @Override public int inputSize() { return size; }
    @Override public int outputSize() { return size; }

    @Override
    public void forward(float[] w, float[] x, float[] y, int batch, boolean training) {
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            y[i] = Math.max(x[i], 0f); // branch-free: signs of pre-activations are a coin flip
        }
    }

    @Override
    public void backward(float[] w, float[] g, float[] x, float[] y, float[] dy, float[] dx, int batch) {
        if (dx == null) {
            return;
        }
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * Math.signum(y[i]); // y ≥ +0, so signum(y) is the 0/1 derivative, branch-free
        }
    }
}
