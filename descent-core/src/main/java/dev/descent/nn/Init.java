package dev.descent.nn;

import java.util.SplittableRandom;

/**
 * Weight initialization for a layer with fan-in n_in and fan-out n_out (biases are always zero).
 *
 * <ul>
 *   <li>{@link #HE}: W ~ N(0, 2/n_in), for ReLU networks (He et al., "Delving deep into
 *       rectifiers", ICCV 2015); torch's {@code kaiming_normal_(nonlinearity='relu')}.
 *   <li>{@link #XAVIER}: W ~ U(−a, a), a = √(6/(n_in + n_out)), for tanh/sigmoid networks
 *       (Glorot and Bengio, AISTATS 2010); torch's {@code xavier_uniform_}.
 *   <li>{@link #ZEROS}: W = 0 (fine for convex models such as softmax regression; breaks the
 *       symmetry of no hidden layer).
 * </ul>
 */
public enum Init {
    /** He normal: N(0, 2/n_in). */
    HE,
    /** Xavier (Glorot) uniform: U(−a, a), a = √(6/(n_in + n_out)). */
    XAVIER,
    /** All zero. */
    ZEROS;

    /**
     * Fills {@code w[off, off + nOut·nIn)} for a layer with the given fans.
     *
     * @param w the parameter buffer
     * @param off the first index
     * @param nIn fan-in n_in, ≥ 1
     * @param nOut fan-out n_out, ≥ 1
     * @param rng the initialization stream
     */
    public void fill(float[] w, int off, int nIn, int nOut, SplittableRandom rng) {
        int n = nIn * nOut;
        switch (this) {
            case HE -> {
                double std = Math.sqrt(2.0 / nIn);
                for (int i = 0; i < n; i++) {
                    w[off + i] = (float) (std * rng.nextGaussian());
                }
            }
            case XAVIER -> {
                double a = Math.sqrt(6.0 / (nIn + nOut));
                for (int i = 0; i < n; i++) {
                    w[off + i] = (float) (a * (2 * rng.nextDouble() - 1));
                }
            }
            case ZEROS -> java.util.Arrays.fill(w, off, off + n, 0f);
        }
    }

    /**
     * {@return the init named {@code he} (or {@code kaiming}), {@code xavier} (or {@code glorot}) or {@code zeros}}
     *
     * @param name the name, case and surrounding blanks ignored
     * @throws IllegalArgumentException for another name
     */
    public static Init of(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "he", "kaiming" -> HE;
            case "xavier", "glorot" -> XAVIER;
            case "zeros", "zero" -> ZEROS;
            default -> throw new IllegalArgumentException("unknown init '" + name + "': use he, xavier or zeros");
        };
    }
}
