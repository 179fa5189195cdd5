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
     * Whether {@link #beginStep} and {@link #stepRange} are supported: true for every optimizer of
     * this package; false by default.
     *
     * @return whether a step can be split into ranges
     */
    default boolean stepsByRange() {
        return false;
    }

    /**
     * Starts a step that is then applied range by range, possibly on several threads: checks the
     * sizes and {@code lr}, counts the step, computes the per-step scalars (bias corrections, ...)
     * and, with {@link Options#clipNorm()}, the clipping scale from the whole of {@code grads}.
     * Then {@link #stepRange} must be called once for each of disjoint ranges that cover
     * [0, size), before the next step. Together they compute every element exactly as
     * {@link #step(float[], float[], double)} does, bit for bit (every rule here is per element
     * once the scalars are known); {@code step} is {@code beginStep} then one
     * {@code stepRange(0, size)}. Call it on one thread.
     *
     * @param params the parameters θ, the optimizer's size
     * @param grads the gradient at θ, the optimizer's size; read here only with
     *     {@link Options#clipNorm()} (for its norm), so without it the caller may finish computing
     *     each range of it before that range's {@link #stepRange}
     * @param lr the learning rate, finite and ≥ 0
     * @throws IllegalArgumentException on a wrong size or learning rate
     * @throws UnsupportedOperationException when {@link #stepsByRange()} is false
     */
    default void beginStep(float[] params, float[] grads, double lr) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not step by range");
    }

    /**
     * Applies the step begun by {@link #beginStep} to θ[from, to) and the state's same range.
     * Calls on disjoint ranges may run concurrently (each writes only its own range); the caller
     * orders them before the next step (a barrier, a join).
     *
     * @param params the parameters θ, updated in place on [from, to)
     * @param grads the gradient, the same as given to {@code beginStep}; not modified
     * @param from the first index, ≥ 0
     * @param to one past the last index, from ≤ to ≤ size
     * @throws IllegalArgumentException when the range is outside [0, size)
     * @throws UnsupportedOperationException when {@link #stepsByRange()} is false
     */
    default void stepRange(float[] params, float[] grads, int from, int to) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not step by range");
    }

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
