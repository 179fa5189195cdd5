package dev.descent.schedule;

/** Argument checks shared by the schedule records: each message names the parameter and its range. */
final class Check {

    private Check() {}

    /** A learning rate: finite and ≥ 0. */
    static double lr(String name, double v) {
        return nonNegative(name, v);
    }

    /** A finite number > 0. */
    static double positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + v);
        }
        return v;
    }

    /** A finite number ≥ 0. */
    static double nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number ≥ 0, got " + v);
        }
        return v;
    }

    /**
     * A decay factor γ ∈ (0, 1]: schedules decay, and a factor above 1 would make the rate grow
     * without bound (to +∞).
     */
    static double factor(String name, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0 and ≤ 1 (a factor > 1 makes the rate"
                    + " grow without bound), got " + v);
        }
        return v;
    }

    /** A decay constant k: finite and ≥ 0 (k &lt; 0 would make the rate grow without bound). */
    static double decay(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number ≥ 0 (k < 0 makes the rate grow without"
                    + " bound), got " + v);
        }
        return v;
    }

    /** A finite number (any sign). */
    static double finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + v);
        }
        return v;
    }

    /** A number in [lo, hi]. */
    static double in(String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + v);
        }
        return v;
    }

    /** A step count ≥ 1. */
    static long steps(String name, long v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be a step count ≥ 1, got " + v);
        }
        return v;
    }

    /** The argument of {@link Schedule#at}: a step t ≥ 0. */
    static long step(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("step t must be ≥ 0, got " + t);
        }
        return t;
    }

    /** Non-null. */
    static <T> T notNull(String name, T v) {
        if (v == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return v;
    }

    /**
     * lo + (hi − lo)·c for a weight c in [0, 1] that falls with t, rounded so that c = 1 gives
     * exactly hi and the value never exceeds hi (a plain rounding of lo + (hi − lo) can land one
     * ulp above hi); c = 0 gives exactly lo.
     */
    static double between(double lo, double hi, double c) {
        return c == 1 ? hi : Math.min(hi, lo + (hi - lo) * c);
    }
}
