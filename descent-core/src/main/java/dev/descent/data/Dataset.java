package dev.descent.data;

import java.util.Arrays;

/**
 * A labelled classification data set held in flat arrays: {@code n} rows of {@code d} float32
 * features, row-major in {@code x} (row i is {@code x[i*d .. i*d+d)}), and one class label
 * {@code y[i] ∈ [0, classes)} per row.
 *
 * <p>The arrays are shared, not copied: treat them as read-only. Methods that derive a new set
 * ({@link #subset}, {@link Normalization#apply}) allocate new arrays.
 *
 * @param x features, length n·d
 * @param y labels, length n, each in [0, classes)
 * @param n the number of rows, ≥ 1
 * @param d the number of features per row, ≥ 1
 * @param classes the number of classes, ≥ 2
 */
public record Dataset(float[] x, int[] y, int n, int d, int classes) {

    /** Validates the shapes and every label. */
    public Dataset {
        if (n < 1) {
            throw new IllegalArgumentException("n must be ≥ 1, got " + n);
        }
        if (d < 1) {
            throw new IllegalArgumentException("d must be ≥ 1, got " + d);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be ≥ 2, got " + classes);
        }
        if (x.length != (long) n * d) {
            throw new IllegalArgumentException("x has " + x.length + " values, expected n·d = " + n + "·" + d);
        }
        if (y.length != n) {
            throw new IllegalArgumentException("y has " + y.length + " labels, expected n = " + n);
        }
        for (int i = 0; i < n; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("label " + y[i] + " at row " + i + " is outside [0, " + classes + ")");
            }
        }
    }

    /**
     * The rows at {@code idx}, in that order, as a new data set with the same classes.
     *
     * @param idx row indices in [0, n), repeats allowed
     * @return a new data set of idx.length rows
     */
    public Dataset subset(int[] idx) {
        float[] xs = new float[idx.length * d];
        int[] ys = new int[idx.length];
        gather(idx, 0, idx.length, xs, ys);
        return new Dataset(xs, ys, idx.length, d, classes);
    }

    /**
     * The rows [from, to) as a new data set.
     *
     * @param from the first row, inclusive, ≥ 0
     * @param to the end row, exclusive, ≤ n and &gt; from
     * @return a new data set of to − from rows (copies)
     * @throws IllegalArgumentException when the range is empty or outside [0, n)
     */
    public Dataset rows(int from, int to) {
        if (from < 0 || to > n || from >= to) {
            throw new IllegalArgumentException("row range [" + from + ", " + to + ") is not inside [0, " + n + ")");
        }
        return new Dataset(Arrays.copyOfRange(x, from * d, to * d), Arrays.copyOfRange(y, from, to), to - from, d, classes);
    }

    /**
     * Copies rows {@code idx[from .. from+count)} into {@code xOut} (count·d values) and
     * {@code yOut} (count labels). Allocates nothing.
     *
     * @param idx row indices in [0, n)
     * @param from the first position in {@code idx} to copy
     * @param count the number of rows to copy
     * @param xOut receives count·d features
     * @param yOut receives count labels
     */
    public void gather(int[] idx, int from, int count, float[] xOut, int[] yOut) {
        for (int b = 0; b < count; b++) {
            int i = idx[from + b];
            System.arraycopy(x, i * d, xOut, b * d, d);
            yOut[b] = y[i];
        }
    }

    /**
     * The number of rows of each class.
     *
     * @return a new array of {@code classes} counts, summing to n
     */
    public int[] classCounts() {
        int[] c = new int[classes];
        for (int v : y) {
            c[v]++;
        }
        return c;
    }

    /** A one-line description: {@code n=6000 d=784 classes=10}. */
    @Override
    public String toString() {
        return "Dataset[n=" + n + ", d=" + d + ", classes=" + classes + "]";
    }
}
