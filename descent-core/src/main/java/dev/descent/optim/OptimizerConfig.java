package dev.descent.optim;

/**
 * The immutable, validated configuration of a first-order optimizer (an optax-style
 * transformation's hyperparameters). Implementations are records whose constructors reject
 * invalid values with a message naming the parameter: {@link Sgd}, {@link AdaGrad},
 * {@link RmsProp}, {@link Adam}, {@link AdamW}, {@link NAdam}, {@link RAdam}, {@link Adamax},
 * {@link AdaDelta}, {@link Lion}. {@link Optimizers} builds them from names and text specs.
 */
public interface OptimizerConfig {

    /** The short name used on the command line, for example {@code adam}. */
    String name();

    /** The base learning rate. */
    double lr();

    /** A copy with another base learning rate. */
    OptimizerConfig withLr(double lr);

    /** The shared options: coupled weight decay, maximize, clipping. */
    Options options();

    /** A copy with other shared options. */
    OptimizerConfig withOptions(Options options);

    /** Creates fresh state for the given parameter groups of one flat buffer. */
    Optimizer create(ParamGroups groups);

    /** Creates fresh state for {@code size} parameters in one group. */
    default Optimizer create(int size) {
        return create(ParamGroups.whole(size));
    }
}
