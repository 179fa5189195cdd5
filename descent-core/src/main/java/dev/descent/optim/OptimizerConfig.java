package dev.descent.optim;

import java.util.Map;

/**
 * The immutable, validated configuration of a first-order optimizer (an optax-style
 * transformation's hyperparameters). The implementations are the records {@link Sgd},
 * {@link AdaGrad}, {@link RmsProp}, {@link Adam}, {@link AdamW}, {@link NAdam}, {@link RAdam},
 * {@link Adamax}, {@link AdaDelta} and {@link Lion}, whose constructors reject invalid values with a
 * message naming the spec key; the interface is sealed, so a pattern {@code switch} over them is
 * checked for completeness by the compiler. Each record declares its spec entry (name, keys,
 * defaults, help) once, and {@link Optimizers} derives names, parsing, printing and help from it.
 *
 * <p>Adding an optimizer: its record (the update rule, its state and its entry) and a kernel if no
 * existing one fits, its name in this interface's {@code permits} clause, and its entry in
 * {@link Optimizers}' list.
 */
public sealed interface OptimizerConfig permits Sgd, AdaGrad, RmsProp, Adam, AdamW, NAdam, RAdam, Adamax, AdaDelta,
        Lion {

    /**
     * The family name, the first registered name of this record ({@code sgd} for every SGD
     * configuration, also momentum and Nesterov); optimizer states are tagged with it. For the
     * name a configuration is printed with ({@code momentum}), see {@link Optimizers#spec}.
     *
     * @return the name, lower case
     */
    default String name() {
        return Optimizers.family(this);
    }

    /** {@return the base learning rate, finite, ≥ 0} */
    double lr();

    /**
     * A copy with another base learning rate.
     *
     * @param lr the rate, finite, ≥ 0
     * @return the copy
     * @throws IllegalArgumentException for a rate out of range
     */
    default OptimizerConfig withLr(double lr) {
        return Optimizers.REGISTRY.with(this, Map.of("lr", lr));
    }

    /** {@return the shared options: coupled weight decay, maximize, clipping} */
    Options options();

    /**
     * A copy with other shared options.
     *
     * @param options the options, not null
     * @return the copy
     */
    default OptimizerConfig withOptions(Options options) {
        Check.notNull("options", options);
        return Optimizers.REGISTRY.with(this, Map.of(Keys.coupledDecayKey(this), options.weightDecay(),
                "maximize", options.maximize(), "clip_norm", options.clipNorm(), "clip_value", options.clipValue()));
    }

    /**
     * Creates fresh state for the given parameter groups of one flat buffer.
     *
     * @param groups the groups (parameters outside every group stay frozen)
     * @return the state, at step 0
     */
    Optimizer create(ParamGroups groups);

    /**
     * Creates fresh state for {@code size} parameters in one group.
     *
     * @param size the number of parameters, ≥ 0
     * @return the state, at step 0
     */
    default Optimizer create(int size) {
        return create(ParamGroups.whole(size));
    }
}
