package dev.descent.nn;

/**
 * Inverted dropout (Srivastava et al., JMLR 2014; torch's {@code nn.Dropout}): in training mode
 * each element is kept with probability 1 − p and scaled by 1/(1 − p), else zeroed; in evaluation
 * mode it is the identity. The mask comes from this layer's own SplitMix64 stream, seeded at
 * construction, whose state can be exported and restored ({@link #rngState()},
 * {@link #setRngState(long)}) so that a resumed run draws the same masks.
 */
public final class Dropout implements StatefulLayer {

    private final int size;
    private final float p;
    private final float keepScale;
    private long state;
    private float[] mask = new float[0];
    private boolean lastWasEval;

    /**
     * A dropout layer whose mask stream starts at {@code seed}.
     *
     * @param size features, ≥ 1
     * @param p drop probability in [0, 1)
     * @param seed seed of the mask stream
     */
    public Dropout(int size, double p, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("Dropout size must be >= 1, got " + size);
        }
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout probability p must be in [0, 1), got " + p);
        }
        this.size = size;
        this.p = (float) p;
        this.keepScale = (float) (1 / (1 - p));
        this.state = seed;
    }

    @Override public int inputSize() { return size; }
    @Override public int outputSize() { return size; }

    /** {@return the drop probability p} */
    public double p() {
        return p;
    }

    /** {@return the mask stream's state (a SplitMix64 counter)} */
    public long rngState() {
        return state;
    }

    /**
     * Restores the mask stream to a state from {@link #rngState()}.
     *
     * @param s the state
     */
    public void setRngState(long s) {
        state = s;
    }

    /** {@return 0, as dropout keeps no statistics} */
    @Override
    public int stateFloats() {
        return 0;
    }

    /** {@return 1, for the mask stream's state ({@link #rngState()})} */
    @Override
    public int stateLongs() {
        return 1;
    }

    @Override
    public void exportState(float[] floats, int floatOffset, long[] longs, int longOffset) {
        longs[longOffset] = state;
    }

    @Override
    public void importState(float[] floats, int floatOffset, long[] longs, int longOffset) {
        state = longs[longOffset];
    }

    @Override
    public void forward(float[] w, float[] x, float[] y, int batch, boolean training) {
        int n = batch * size;
        lastWasEval = !training;
        if (!training || p == 0f) {
            System.arraycopy(x, 0, y, 0, n);
            return;
        }
        if (mask.length < n) {
            mask = new float[n];
        }
        for (int i = 0; i < n; i++) {
            float u = (nextLong() >>> 40) * 0x1.0p-24f; // uniform on [0, 1) with 24 bits
            float m = u >= p ? keepScale : 0f;
            mask[i] = m;
            y[i] = x[i] * m;
        }
    }

    /** Backward uses the mask of the last training-mode forward; in evaluation mode dx = dy. */
    @Override
    public void backward(float[] w, float[] g, float[] x, float[] y, float[] dy, float[] dx, int batch) {
        if (dx == null) {
            return;
        }
        int n = batch * size;
        if (p == 0f || mask.length < n || lastWasEval) {
            System.arraycopy(dy, 0, dx, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * mask[i];
        }
    }

    private long nextLong() {
        // SplitMix64 (Steele, Lea and Flood, OOPSLA 2014)
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
