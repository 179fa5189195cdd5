package dev.descent.linalg;

/**
 * Static kernels on flat primitive arrays, in the style of EJML: output arguments, plain indexed
 * loops, no allocation. The {@code double[]} kernels serve the minimizers, the {@code float[]}
 * kernels the training side.
 */
public final class Vec {

    private Vec() {}

    /**
     * xᵀy.
     *
     * @param x a vector
     * @param y a vector at least as long as x
     * @return Σ xᵢyᵢ over x's length
     */
    public static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /**
     * y ← a·x + y.
     *
     * @param a the scale
     * @param x the vector added
     * @param y the vector updated in place, at least as long as x
     */
    public static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    /**
     * out ← x + a·d (a point along a search direction).
     *
     * @param out the result, at least as long as x (may be x itself)
     * @param x the start
     * @param a the step
     * @param d the direction, at least as long as x
     */
    public static void addScaled(double[] out, double[] x, double a, double[] d) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + a * d[i];
        }
    }

    /**
     * x ← a·x.
     *
     * @param a the scale
     * @param x the vector scaled in place
     */
    public static void scale(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    /**
     * out ← x − y.
     *
     * @param out the result, at least as long as x (may be x or y)
     * @param x the minuend
     * @param y the subtrahend, at least as long as x
     */
    public static void sub(double[] out, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - y[i];
        }
    }

    /**
     * ‖x‖₂, computed without overflow for large entries (scaled by ‖x‖∞ first).
     *
     * @param x a vector
     * @return the Euclidean norm; NaN if an entry is NaN, +∞ if one is infinite
     */
    public static double norm2(double[] x) {
        double max = normInf(x);
        if (max == 0 || !Double.isFinite(max)) {
            return max;
        }
        double s = 0;
        for (double v : x) {
            double r = v / max;
            s += r * r;
        }
        return max * Math.sqrt(s);
    }

    /**
     * ‖x‖∞ = max |xᵢ|.
     *
     * @param x a vector
     * @return the largest magnitude, 0 for an empty vector; NaN if any entry is NaN
     */
    public static double normInf(double[] x) {
        double m = 0;
        for (double v : x) {
            double a = Math.abs(v);
            if (a > m || Double.isNaN(a)) {
                m = a;
                if (Double.isNaN(a)) {
                    return a;
                }
            }
        }
        return m;
    }

    /**
     * Whether every entry is finite.
     *
     * @param x a vector
     * @return false if an entry is NaN or ±∞
     */
    public static boolean isFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * xᵀy over float32 arrays, accumulated in double.
     *
     * @param x a vector
     * @param y a vector at least as long as x
     * @return Σ xᵢyᵢ over x's length, in double precision
     */
    public static double dot(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (double) x[i] * y[i];
        }
        return s;
    }

    /**
     * ‖x‖₂² over a float32 range, accumulated in double.
     *
     * @param x a vector
     * @param from the first index, inclusive
     * @param to the end index, exclusive, ≤ x.length
     * @return Σ xᵢ² over [from, to), in double precision
     */
    public static double sumSquares(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return s;
    }

    /**
     * Adds the column sums of a row-major {@code rows × cols} block to a vector (a bias gradient
     * Σ_rows dy): {@code sums[off + j] += x[j] + x[cols + j] + … + x[(rows − 1)·cols + j]} in
     * float32, each column summed in row order, so the result has the very bits of the loop
     * {@code for r: for j: sums[off + j] += x[r·cols + j]}. It runs eight columns at a time in
     * eight registers (the JIT does not vectorize that loop, because {@code sums} and {@code x} may
     * be the same array), then the columns left over one at a time.
     *
     * @param x the block, at least rows·cols values from index 0
     * @param rows rows, ≥ 0
     * @param cols columns, ≥ 0
     * @param sums the vector added to, in place
     * @param off the index of column 0's sum in {@code sums}
     */
    public static void addColumnSums(float[] x, int rows, int cols, float[] sums, int off) {
        int n = rows * cols;
        int j = 0;
        for (; j + 8 <= cols; j += 8) {
            int o = off + j;
            float s0 = sums[o];
            float s1 = sums[o + 1];
            float s2 = sums[o + 2];
            float s3 = sums[o + 3];
            float s4 = sums[o + 4];
            float s5 = sums[o + 5];
            float s6 = sums[o + 6];
            float s7 = sums[o + 7];
            for (int i = j; i < n; i += cols) {
                s0 += x[i];
                s1 += x[i + 1];
                s2 += x[i + 2];
                s3 += x[i + 3];
                s4 += x[i + 4];
                s5 += x[i + 5];
                s6 += x[i + 6];
                s7 += x[i + 7];
            }
            sums[o] = s0;
            sums[o + 1] = s1;
            sums[o + 2] = s2;
            sums[o + 3] = s3;
            sums[o + 4] = s4;
            sums[o + 5] = s5;
            sums[o + 6] = s6;
            sums[o + 7] = s7;
        }
        for (; j < cols; j++) {
            float s = sums[off + j];
            for (int i = j; i < n; i += cols) {
                s += x[i];
            }
            sums[off + j] = s;
        }
    }

    /**
     * Copies float32 values into a double array (the precision boundary), exactly.
     *
     * @param from the values
     * @param to the destination, at least as long as {@code from}
     */
    public static void toDouble(float[] from, double[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = from[i];
        }
    }

    /**
     * Rounds double values into a float32 array (the precision boundary), to nearest.
     *
     * @param from the values
     * @param to the destination, at least as long as {@code from}
     */
    public static void toFloat(double[] from, float[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = (float) from[i];
        }
    }
}
