package dev.descent.data;

import java.util.Arrays;

/**
 * A data set held in flat arrays: {@code n} rows of {@code d} float32 features, row-major in
 * {@code x} (row i is {@code x[i*d .. i*d+d)}), and per row either a class label (classification)
 * or a row of float targets (regression).
 *
 * <ul>
 *   <li>Classification ({@link #Dataset(float[], int[], int, int, int)}): {@code y[i] ∈ [0, classes)},
 *       {@code classes ≥ 2}, {@code targets} null.
 *   <li>Regression ({@link #regression}): {@code targets} holds n rows of k ≥ 1 values
 *       ({@link #targetWidth()}), row-major; {@code y} is null and {@code classes} is 0. Train it
 *       with a model whose output has k columns and the MSE loss; its evaluations report a loss
 *       and no accuracy.
 * </ul>
 *
 * <p>The arrays are shared, not copied: treat them as read-only. Methods that derive a new set
 * ({@link #subset}, {@link #rows}, {@link Normalization#apply}) allocate new arrays.
 *
 * @param x features, length n·d, all finite
 * @param y class labels, length n, each in [0, classes); null for regression
 * @param targets regression targets, length n·k with k ≥ 1, all finite; null for classification
 * @param n the number of rows, ≥ 1
 * @param d the number of features per row, ≥ 1
 * @param classes the number of classes, ≥ 2; 0 for regression
 */
public record Dataset(float[] x, int[] y, float[] targets, int n, int d, int classes) {

    /** Validates the shapes, every label and every target. */
    public Dataset {
        if (n < 1) {
            throw new IllegalArgumentException("n must be ≥ 1, got " + n);
        }
        if (d < 1) {
            throw new IllegalArgumentException("d must be ≥ 1, got " + d);
        }
        if (x.length != (long) n * d) {
            throw new IllegalArgumentException("x has " + x.length + " values, expected n·d = " + n + "·" + d);
        }
        if ((y == null) == (targets == null)) {
            throw new IllegalArgumentException("give either class labels y (classification) or float targets (regression)");
        }
        if (y != null) {
            if (classes < 2) {
                throw new IllegalArgumentException("classes must be ≥ 2, got " + classes);
            }
            if (y.length != n) {
                throw new IllegalArgumentException("y has " + y.length + " labels, expected n = " + n);
            }
            for (int i = 0; i < n; i++) {
                if (y[i] < 0 || y[i] >= classes) {
                    throw new IllegalArgumentException("label " + y[i] + " at row " + i + " is outside [0, " + classes + ")");
                }
            }
        } else {
            if (classes != 0) {
                throw new IllegalArgumentException("a regression set has classes = 0, got " + classes);
            }
            if (targets.length == 0 || targets.length % n != 0) {
                throw new IllegalArgumentException("targets has " + targets.length + " values, expected n·k = " + n
                        + "·k with k ≥ 1 columns");
            }
            for (int i = 0; i < targets.length; i++) {
                if (!Float.isFinite(targets[i])) {
                    throw new IllegalArgumentException("target " + targets[i] + " at row " + i / (targets.length / n)
                            + " is not finite");
                }
            }
        }
    }

    /**
     * A classification set.
     *
     * @param x features, n·d values
     * @param y one label in [0, classes) per row
     * @param n rows, ≥ 1
     * @param d features per row, ≥ 1
     * @param classes the number of classes, ≥ 2
     */
    public Dataset(float[] x, int[] y, int n, int d, int classes) {
        this(x, y, null, n, d, classes);
    }

    /**
     * {@return a regression set}
     *
     * @param x features, n·d values
     * @param targets n rows of k = targets.length / n ≥ 1 finite values
     * @param n rows, ≥ 1
     * @param d features per row, ≥ 1
     */
    public static Dataset regression(float[] x, float[] targets, int n, int d) {
        return new Dataset(x, null, targets, n, d, 0);
    }

    /** {@return whether the rows carry float targets (regression) instead of class labels} */
    public boolean isRegression() {
        return targets != null;
    }

    /** {@return columns per target row: k for regression, {@link #classes()} for classification} */
    public int targetWidth() {
        return targets != null ? targets.length / n : classes;
    }

    /**
     * {@return the rows at {@code idx}, in that order, as a new data set of the same kind}
     *
     * @param idx row indices in [0, n)
     */
    public Dataset subset(int[] idx) {
        float[] xs = new float[idx.length * d];
        if (isRegression()) {
            float[] ts = new float[idx.length * targetWidth()];
            gather(idx, 0, idx.length, xs, ts);
            return regression(xs, ts, idx.length, d);
        }
        int[] ys = new int[idx.length];
        gather(idx, 0, idx.length, xs, ys);
        return new Dataset(xs, ys, idx.length, d, classes);
    }

    /**
     * {@return the rows [from, to) as a new data set}
     *
     * @param from the first row, ≥ 0
     * @param to one past the last row, in (from, n]
     */
    public Dataset rows(int from, int to) {
        if (from < 0 || to > n || from >= to) {
            throw new IllegalArgumentException("row range [" + from + ", " + to + ") is not inside [0, " + n + ")");
        }
        float[] xs = Arrays.copyOfRange(x, from * d, to * d);
        if (isRegression()) {
            int k = targetWidth();
            return regression(xs, Arrays.copyOfRange(targets, from * k, to * k), to - from, d);
        }
        return new Dataset(xs, Arrays.copyOfRange(y, from, to), to - from, d, classes);
    }

    /**
     * {@return the same labels or targets with other features: what a feature transform returns}
     *
     * @param features n·d values
     */
    public Dataset withFeatures(float[] features) {
        return new Dataset(features, y, targets, n, d, classes);
    }

    /**
     * Copies rows {@code idx[from .. from+count)} into {@code xOut} (count·d values) and
     * {@code yOut} (count labels). Allocates nothing.
     *
     * @param idx row indices
     * @param from the first position in idx
     * @param count rows to copy
     * @param xOut features, at least count·d values
     * @param yOut labels, at least count
     * @throws IllegalStateException for a regression set
     */
    public void gather(int[] idx, int from, int count, float[] xOut, int[] yOut) {
        if (y == null) {
            throw new IllegalStateException("a regression set has float targets, not labels: gather into a float[]");
        }
        for (int b = 0; b < count; b++) {
            int i = idx[from + b];
            System.arraycopy(x, i * d, xOut, b * d, d);
            yOut[b] = y[i];
        }
    }

    /**
     * Copies rows {@code idx[from .. from+count)} into {@code xOut} (count·d values) and
     * {@code tOut} (count·k targets). Allocates nothing.
     *
     * @param idx row indices
     * @param from the first position in idx
     * @param count rows to copy
     * @param xOut features, at least count·d values
     * @param tOut targets, at least count·k values
     * @throws IllegalStateException for a classification set
     */
    public void gather(int[] idx, int from, int count, float[] xOut, float[] tOut) {
        if (targets == null) {
            throw new IllegalStateException("a classification set has labels, not float targets: gather into an int[]");
        }
        int k = targetWidth();
        for (int b = 0; b < count; b++) {
            int i = idx[from + b];
            System.arraycopy(x, i * d, xOut, b * d, d);
            System.arraycopy(targets, i * k, tOut, b * k, k);
        }
    }

    /**
     * {@return the number of rows of each class}
     *
     * @throws IllegalStateException for a regression set
     */
    public int[] classCounts() {
        if (y == null) {
            throw new IllegalStateException("a regression set has no classes");
        }
        int[] c = new int[classes];
        for (int v : y) {
            c[v]++;
        }
        return c;
    }

    /** {@return a one-line description: {@code Dataset[n=6000, d=784, classes=10]} or {@code Dataset[n=100, d=3, targets=2]}} */
    @Override
    public String toString() {
        return "Dataset[n=" + n + ", d=" + d + (isRegression() ? ", targets=" + targetWidth() : ", classes=" + classes) + "]";
    }
}
