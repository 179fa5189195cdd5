package dev.descent.data;

/**
 * Feature standardization x' = (x − μ) / σ with statistics taken from a training set only and
 * applied unchanged to validation and test sets (so no information leaks from them).
 *
 * <p>{@link Mode#PER_FEATURE} keeps one (μ, σ) per column, {@link Mode#GLOBAL} one pair for all
 * values, {@link Mode#NONE} is the identity. A column with σ = 0 (a constant pixel) is divided by
 * 1 instead. Pixel data is first scaled to [0, 1] by the readers ({@link Idx}), so σ here is
 * relative to that range.
 *
 * @param mode how the statistics are pooled
 * @param mean μ per column (length d; all equal under GLOBAL)
 * @param std σ per column (length d; 1 where σ was 0)
 */
public record Normalization(Mode mode, float[] mean, float[] std) {

    /** How statistics are pooled. */
    public enum Mode {
        /** Identity: features are left as they are. */
        NONE,
        /** One mean and standard deviation over all features. */
        GLOBAL,
        /** One mean and standard deviation per feature (column). */
        PER_FEATURE;

        /**
         * Parses {@code none}, {@code global} or {@code per-feature}.
         *
         * @param s {@code none}, {@code global} or {@code per-feature} (or {@code per_feature}), in any case
         * @return the mode
         */
        public static Mode parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "none" -> NONE;
                case "global" -> GLOBAL;
                case "per-feature", "feature" -> PER_FEATURE;
                default -> throw new IllegalArgumentException("normalization must be none, global or per-feature, got '" + s + "'");
            };
        }
    }

    /**
     * Validates that mean and std have the same length.
     *
     * @throws IllegalArgumentException when they differ in length
     */
    public Normalization {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std lengths differ: " + mean.length + " vs " + std.length);
        }
    }

    /**
     * Computes the statistics of {@code train} (in double precision) for {@code mode}.
     *
     * @param train the training set (statistics never come from held-out data)
     * @param mode how to standardize
     * @return the fitted statistics
     */
    public static Normalization fit(Dataset train, Mode mode) {
        int n = train.n();
        int d = train.d();
        float[] x = train.x();
        float[] mean = new float[d];
        float[] std = new float[d];
        switch (mode) {
            case NONE -> java.util.Arrays.fill(std, 1f);
            case GLOBAL -> {
                double s = 0;
                for (float v : x) {
                    s += v;
                }
                double mu = s / x.length;
                double ss = 0;
                for (float v : x) {
                    ss += (v - mu) * (v - mu);
                }
                double sigma = Math.sqrt(ss / x.length);
                java.util.Arrays.fill(mean, (float) mu);
                java.util.Arrays.fill(std, sigma > 0 ? (float) sigma : 1f);
            }
            case PER_FEATURE -> {
                double[] s = new double[d];
                double[] ss = new double[d];
                for (int i = 0; i < n; i++) {
                    int o = i * d;
                    for (int j = 0; j < d; j++) {
                        s[j] += x[o + j];
                    }
                }
                for (int j = 0; j < d; j++) {
                    s[j] /= n;
                }
                for (int i = 0; i < n; i++) {
                    int o = i * d;
                    for (int j = 0; j < d; j++) {
                        double r = x[o + j] - s[j];
                        ss[j] += r * r;
                    }
                }
                for (int j = 0; j < d; j++) {
                    double sigma = Math.sqrt(ss[j] / n);
                    mean[j] = (float) s[j];
                    std[j] = sigma > 1e-8 ? (float) sigma : 1f;
                }
            }
        }
        return new Normalization(mode, mean, std);
    }

    /**
     * A new data set with every row standardized by these statistics.
     *
     * @param data a data set with the training set's number of features
     * @return a new data set; {@code data} is unchanged
     */
    public Dataset apply(Dataset data) {
        if (data.d() != mean.length) {
            throw new IllegalArgumentException("data has d = " + data.d() + " features, these statistics " + mean.length);
        }
        if (mode == Mode.NONE) {
            return data;
        }
        int d = data.d();
        float[] x = data.x();
        float[] out = new float[x.length];
        for (int i = 0; i < data.n(); i++) {
            int o = i * d;
            for (int j = 0; j < d; j++) {
                out[o + j] = (x[o + j] - mean[j]) / std[j];
            }
        }
        return data.withFeatures(out);
    }
}
