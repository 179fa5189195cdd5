package dev.descent.optim;

/**
 * The immutable, validated configuration of a first-order optimizer (an optax-style
 * transformation's hyperparameters). Implementations are records whose constructors reject
 * invalid values with a message naming the parameter.
 */
public interface OptimizerConfig {

    /** The short name used on the command line, for example {@code adam}. */
    String name();

    /** The base learning rate. */
    double lr();

    /** A copy with another base learning rate. */
    OptimizerConfig withLr(double lr);

    /** Creates fresh state for {@code size} parameters. */
    Optimizer create(int size);
}
