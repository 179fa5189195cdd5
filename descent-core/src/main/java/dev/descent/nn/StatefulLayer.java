package dev.descent.nn;

/**
 * A layer with state that is not a parameter but changes during training: batch-norm running
 * statistics, a dropout mask stream. Such a layer exports and imports its own state, so that
 * checkpoints, rollbacks and {@link Model#save saved models} restore it exactly; {@link Model}
 * concatenates the layers' states in layer order ({@link ModelState}).
 *
 * <p>The state has two parts, each possibly empty: {@link #stateFloats()} float values (running
 * statistics) and {@link #stateLongs()} long values (generator states).
 */
public sealed interface StatefulLayer extends Layer permits BatchNorm1d, Dropout {

    /** {@return the number of float values of this layer's state, ≥ 0 (fixed for the layer's lifetime)} */
    int stateFloats();

    /** {@return the number of long values (generator states) of this layer's state, ≥ 0 (fixed)} */
    int stateLongs();

    /**
     * Copies the state into {@code floats[floatOffset, floatOffset + stateFloats())} and
     * {@code longs[longOffset, longOffset + stateLongs())}.
     *
     * @param floats where the float part goes
     * @param floatOffset its first index
     * @param longs where the long part goes
     * @param longOffset its first index
     */
    void exportState(float[] floats, int floatOffset, long[] longs, int longOffset);

    /**
     * Restores the state from the same positions {@link #exportState} writes; the values are
     * copied, the arrays are not kept.
     *
     * @param floats holds the float part
     * @param floatOffset its first index
     * @param longs holds the long part
     * @param longOffset its first index
     */
    void importState(float[] floats, int floatOffset, long[] longs, int longOffset);
}
