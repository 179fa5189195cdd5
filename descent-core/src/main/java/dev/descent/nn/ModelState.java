package dev.descent.nn;

import java.util.Arrays;
import java.util.List;

/**
 * A model's non-parameter state ({@link Model#exportState()}): each {@link StatefulLayer}'s state,
 * concatenated in layer order (for batch norm its running mean then running variance; for
 * dropout its stream). Immutable: the arrays are copied in and out.
 *
 * @param buffers the float parts (batch-norm statistics), concatenated
 * @param rng the long parts (one SplitMix64 state per dropout layer), concatenated
 */
public record ModelState(float[] buffers, long[] rng) {

    /** Copies both arrays. */
    public ModelState {
        buffers = buffers.clone();
        rng = rng.clone();
    }

    /** {@return a copy of the float parts} */
    @Override
    public float[] buffers() {
        return buffers.clone();
    }

    /** {@return a copy of the long parts} */
    @Override
    public long[] rng() {
        return rng.clone();
    }

    /** Concatenates the layers' states, in order. */
    static ModelState export(List<StatefulLayer> layers) {
        int nf = 0;
        int nl = 0;
        for (StatefulLayer s : layers) {
            nf += s.stateFloats();
            nl += s.stateLongs();
        }
        float[] f = new float[nf];
        long[] l = new long[nl];
        nf = 0;
        nl = 0;
        for (StatefulLayer s : layers) {
            s.exportState(f, nf, l, nl);
            nf += s.stateFloats();
            nl += s.stateLongs();
        }
        return new ModelState(f, l);
    }

    /** Hands each layer its part, in order; refuses a state of another size. */
    void restore(List<StatefulLayer> layers) {
        ModelState mine = export(layers);
        if (buffers.length != mine.buffers.length || rng.length != mine.rng.length) {
            throw new IllegalArgumentException("model state has " + buffers.length + " buffer values and " + rng.length
                    + " rng states; this model needs " + mine.buffers.length + " and " + mine.rng.length);
        }
        int nf = 0;
        int nl = 0;
        for (StatefulLayer s : layers) {
            s.importState(buffers, nf, rng, nl);
            nf += s.stateFloats();
            nl += s.stateLongs();
        }
    }

    /** {@return whether the state is empty: a model without batch norm or dropout} */
    public boolean isEmpty() {
        return buffers.length == 0 && rng.length == 0;
    }

    /** {@return true when {@code o} is a state holding the same values} */
    @Override
    public boolean equals(Object o) {
        return o instanceof ModelState s && Arrays.equals(buffers, s.buffers) && Arrays.equals(rng, s.rng);
    }

    /** {@return a hash of both arrays' contents} */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(buffers) + Arrays.hashCode(rng);
    }

    /** {@return the sizes, not the values} */
    @Override
    public String toString() {
        return "ModelState[" + buffers.length + " buffer values, " + rng.length + " rng states]";
    }
}
