package dev.descent.optim;

/**
 * The running state of a first-order update rule over one flat float32 parameter buffer (the
 * llm.c layout): moments, step count and the like. It is created by
 * {@link OptimizerConfig#create(int)} or {@link OptimizerConfig#create(ParamGroups)} and holds
 * nothing of the configuration but a reference.
 *
 * <p>{@link #step} updates every parameter in one fused pass over the arrays and allocates
 * nothing (clipping by global norm adds one read pass over the gradients).
 */
public interface Optimizer {

    /** {@return the configuration this state was created from} */
    OptimizerConfig config();

    /**
     * Applies one update in place.
     *
     * @param params the parameters θ, updated in place
     * @param grads the gradient ∇J(θ) of the loss at θ; not modified
     * @param lr the learning rate for this step (from a schedule, or {@code config().lr()})
     */
    void step(float[] params, float[] grads, double lr);

    /**
     * Applies one update at the configured learning rate.
     *
     * @param params the parameters θ, the optimizer's size; updated in place
     * @param grads the gradient ∇J(θ) at θ, the optimizer's size; not modified
     */
    default void step(float[] params, float[] grads) {
        step(params, grads, config().lr());
    }

    /** {@return the number of steps taken so far (t in the update rules)} */
    long steps();

    /** {@return the complete state (step count, moments, ...) as bytes; see {@link #importState}} */
    byte[] exportState();

    /**
     * Restores a state written by {@link #exportState} of an optimizer with the same
     * configuration and size, so that continuing is bit-identical to never having stopped.
     *
     * @param state bytes written by {@link #exportState}
     * @throws IllegalArgumentException when the bytes do not belong to such an optimizer
     */
    void importState(byte[] state);

    /**
     * {@return a named view of the state, like torch's {@code state_dict()}: step count, scalars
     * and per-parameter arrays by name (a copy; see {@link StateDict})}
     */
    default StateDict stateDict() {
        return StateDict.of(this);
    }

    /**
     * The bytes one step reads and writes per parameter (STREAM convention, no write-allocate):
     * 4·(3 + 2k) for θ read and written, g read, and k state arrays read and written, plus 4
     * when clipping by global norm (its reduction reads g once more).
     *
     * @return the bytes per parameter and step
     */
    int bytesPerParam();
}
