package dev.descent.nn;

/** The elementwise nonlinearities, as named in model specs ({@code relu}, {@code tanh}, ...). */
public enum Activation {
    /** {@link ReLU}: max(0, x). */
    RELU("relu"),
    /** {@link LeakyReLU} with slope {@link #LEAKY_SLOPE}. */
    LEAKY_RELU("leakyrelu"),
    /** {@link Tanh}. */
    TANH("tanh"),
    /** {@link Sigmoid}: 1/(1 + e^(−x)). */
    SIGMOID("sigmoid"),
    /** {@link Gelu}, the tanh approximation. */
    GELU("gelu");

    /** The negative slope used for {@link #LEAKY_RELU} (torch's default). */
    public static final float LEAKY_SLOPE = 0.01f;

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** {@return the spec name} */
    public String id() {
        return id;
    }

    /**
     * {@return a layer of this activation}
     *
     * @param size features, ≥ 1
     */
    public Layer layer(int size) {
        return switch (this) {
            case RELU -> new ReLU(size);
            case LEAKY_RELU -> new LeakyReLU(size, LEAKY_SLOPE);
            case TANH -> new Tanh(size);
            case SIGMOID -> new Sigmoid(size);
            case GELU -> new Gelu(size);
        };
    }

    /** {@return the initialization suited to this activation: He for the ReLU family, Xavier for the rest} */
    public Init defaultInit() {
        return switch (this) {
            case RELU, LEAKY_RELU, GELU -> Init.HE;
            case TANH, SIGMOID -> Init.XAVIER;
        };
    }

    /** The activation named {@code id}, or null if none is. */
    static Activation find(String id) {
        for (Activation a : values()) {
            if (a.id.equals(id) || (a == LEAKY_RELU && id.equals("leaky_relu"))) {
                return a;
            }
        }
        return null;
    }
}
