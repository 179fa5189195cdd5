package dev.descent.stochastic;

/** Range checks with messages that name the key and the valid range. */
final class Checks {

    private Checks() {}

    static double positive(String key, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + " must be finite and > 0, got " + v);
        }
        return v;
    }

    static double in(String key, double v, double lo, boolean loOpen, double hi, boolean hiOpen) {
        boolean ok = (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi);
        if (!ok) {
            throw new IllegalArgumentException(key + " must be in " + (loOpen ? "(" : "[") + fmt(lo) + ", " + fmt(hi)
                    + (hiOpen ? ")" : "]") + ", got " + v);
        }
        return v;
    }

    static int atLeast(String key, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(key + " must be ≥ " + min + ", got " + v);
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
