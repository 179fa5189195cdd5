package dev.descent.nn;

/**
 * GELU, tanh approximation (Hendrycks and Gimpel 2016; torch's {@code nn.GELU(approximate='tanh')}):
 * y = ½x(1 + tanh(u)), u = √(2/π)(x + 0.044715x³);
 * dy/dx = ½(1 + tanh u) + ½x(1 − tanh²u)·√(2/π)(1 + 3·0.044715x²).
 * Computed in double per element.
 * Elementwise: input and output have {@code size} features.
 */
public final class Gelu implements Layer {

    private final int size;
    private static final double C = Math.sqrt(2 / Math.PI);
    private static final double K = 0.044715;

    /**
     * A Gelu layer over {@code size} features.
     *
     * @param size features, ≥ 1
     */
    public Gelu(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Gelu size must be >= 1, got " + size);
        }
        this.size = size;

    }

    @Override public int inputSize() { return size; }
    @Override public int outputSize() { return size; }

    @Override
    public void forward(float[] w, float[] x, float[] y, int batch, boolean training) {
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            double v = x[i]; double t = Math.tanh(C * (v + K * v * v * v)); y[i] = (float) (0.5 * v * (1 + t));
        }
    }

    @Override
    public void backward(float[] w, float[] g, float[] x, float[] y, float[] dy, float[] dx, int batch) {
        if (dx == null) {
            return;
        }
        int n = batch * size;
        for (int i = 0; i < n; i++) {
            double v = x[i]; double t = Math.tanh(C * (v + K * v * v * v)); dx[i] = (float) (dy[i] * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * C * (1 + 3 * K * v * v)));
        }
    }
}
