package dev.descent.data;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014): a 64-bit state advanced by a Weyl increment and finalized by a bit mixer.
 *
 * <p>Its whole state is one {@code long}, so checkpoints save and restore it exactly
 * ({@link #state()}, {@link #Rng(long)}); the same seed gives the same sequence on every JVM.
 */
public final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    /**
     * A generator whose state is {@code state} (a seed, or a value from {@link #state()}).
     *
     * @param state any 64-bit value
     */
    public Rng(long state) {
        this.state = state;
    }

    /**
     * The current state; {@code new Rng(state())} continues the same sequence.
     *
     * @return the 64-bit state
     */
    public long state() {
        return state;
    }

    /**
     * The next 64 uniformly distributed bits.
     *
     * @return 64 random bits
     */
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /**
     * A uniform integer in [0, bound), bound ≥ 1 (Lemire's multiply-shift, with rejection).
     *
     * @param bound the exclusive upper bound, ≥ 1
     * @return a uniform integer in [0, bound)
     */
    public int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be ≥ 1, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /**
     * A uniform double in [0, 1) with 53 random bits.
     *
     * @return a uniform double in [0, 1)
     */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * A standard normal deviate (Box–Muller; uses two uniforms per call).
     *
     * @return a draw from N(0, 1)
     */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /**
     * Shuffles {@code a} in place (Fisher–Yates, Durstenfeld's variant).
     *
     * @param a the array to permute in place
     */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * The SplitMix64 finalizer: a bijective mix of 64 bits.
     *
     * @param z any 64-bit value
     * @return its mix
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
