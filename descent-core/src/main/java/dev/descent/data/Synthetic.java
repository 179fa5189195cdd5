package dev.descent.data;

/**
 * Seeded synthetic classification sets with two or more features, for tests, demos and the tour.
 * The same arguments always give the same rows (the generator is {@link Rng}).
 */
public final class Synthetic {

    private Synthetic() {}

    /**
     * The cs231n spiral (Karpathy, cs231n "Putting it together: minimal neural network case
     * study"): K arms of N points each in 2-D. For class j and i = 0..N−1, with r = i/(N−1) and
     * t = 4j + 4i/(N−1) + noise·ε, ε ~ N(0, 1): the point is (r·sin t, r·cos t). The course
     * uses K = 3, N = 100, noise = 0.2; a linear classifier reaches only about 50% on it.
     *
     * @param k classes, ≥ 2
     * @param perClass points per class, ≥ 2
     * @param noise the standard deviation of the angle noise, ≥ 0
     * @param seed the noise seed
     * @return k·perClass points in 2-D, labels 0 .. k − 1
     */
    public static Dataset spiral(int k, int perClass, double noise, long seed) {
        check(k, perClass, noise);
        Rng rng = new Rng(seed);
        int n = k * perClass;
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < perClass; i++) {
                double s = (double) i / (perClass - 1);
                double t = 4.0 * j + 4.0 * s + noise * rng.nextGaussian();
                int row = j * perClass + i;
                x[2 * row] = (float) (s * Math.sin(t));
                x[2 * row + 1] = (float) (s * Math.cos(t));
                y[row] = j;
            }
        }
        return new Dataset(x, y, n, 2, k);
    }

    /**
     * Isotropic Gaussian blobs (as scikit-learn's {@code make_blobs}): K centres drawn uniformly
     * from [−10, 10]^d, then N points per class from N(centre, std²·I).
     *
     * @param k classes, ≥ 2
     * @param perClass points per class, ≥ 2
     * @param d dimensions, ≥ 1
     * @param std the standard deviation around each centre, ≥ 0
     * @param seed the seed of the centres and the noise
     * @return k·perClass points in d dimensions, labels 0 .. k − 1
     */
    public static Dataset blobs(int k, int perClass, int d, double std, long seed) {
        check(k, perClass, std);
        if (d < 1) {
            throw new IllegalArgumentException("d must be ≥ 1, got " + d);
        }
        Rng rng = new Rng(seed);
        double[] centres = new double[k * d];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = -10 + 20 * rng.nextDouble();
        }
        int n = k * perClass;
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < perClass; i++) {
                int row = j * perClass + i;
                for (int c = 0; c < d; c++) {
                    x[row * d + c] = (float) (centres[j * d + c] + std * rng.nextGaussian());
                }
                y[row] = j;
            }
        }
        return new Dataset(x, y, n, d, k);
    }

    /**
     * Two interleaving half circles (as scikit-learn's {@code make_moons}): class 0 at
     * (cos θ, sin θ), class 1 at (1 − cos θ, 0.5 − sin θ), θ evenly spaced in [0, π], plus
     * Gaussian noise of standard deviation {@code noise} on both coordinates.
     *
     * @param perClass points per class, ≥ 2
     * @param noise ≥ 0
     * @param seed the noise seed
     * @return 2·perClass points in 2-D, labels 0 and 1
     */
    public static Dataset moons(int perClass, double noise, long seed) {
        check(2, perClass, noise);
        Rng rng = new Rng(seed);
        int n = 2 * perClass;
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < perClass; i++) {
            double th = Math.PI * i / (perClass - 1);
            x[2 * i] = (float) (Math.cos(th) + noise * rng.nextGaussian());
            x[2 * i + 1] = (float) (Math.sin(th) + noise * rng.nextGaussian());
            int r = perClass + i;
            x[2 * r] = (float) (1 - Math.cos(th) + noise * rng.nextGaussian());
            x[2 * r + 1] = (float) (0.5 - Math.sin(th) + noise * rng.nextGaussian());
            y[r] = 1;
        }
        return new Dataset(x, y, n, 2, 2);
    }

    private static void check(int k, int perClass, double noise) {
        if (k < 2) {
            throw new IllegalArgumentException("classes must be ≥ 2, got " + k);
        }
        if (perClass < 2) {
            throw new IllegalArgumentException("points per class must be ≥ 2, got " + perClass);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and ≥ 0, got " + noise);
        }
    }
}
