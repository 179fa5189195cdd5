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
