package dev.descent.nn;

/**
 * GELU, tanh approximation (Hendrycks and Gimpel 2016; torch's {@code nn.GELU(approximate='tanh')}):
 * y = ½x(1 + tanh(u)), u = √(2/π)(x + 0.044715x³);
 * dy/dx = ½(1 + tanh u) + ½x(1 − tanh²u)·√(2/π)(1 + 3·0.044715x²).
 * Computed in double per element.
 * Elementwise: input and output have {@code size} features.
 */
public final class Gelu extends Elementwise {

    private static final double C = Math.sqrt(2 / Math.PI);
    private static final double K = 0.044715;

    /**
     * A Gelu layer over {@code size} features.
     *
     * @param size features, ≥ 1
     */
    public Gelu(int size) {
        super(size);
    }

    @Override
    float apply(float x) {
        double v = x;
        double t = Math.tanh(C * (v + K * v * v * v));
        return (float) (0.5 * v * (1 + t));
    }

    @Override
    float gradient(float x, float y, float dy) {
        double v = x;
        double t = Math.tanh(C * (v + K * v * v * v));
        return (float) (dy * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * C * (1 + 3 * K * v * v)));
    }
}
