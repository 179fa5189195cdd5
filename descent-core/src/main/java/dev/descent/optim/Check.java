package dev.descent.optim;

/** Argument checks for the configuration records; messages name the parameter and its range. */
final class Check {

    private Check() {}

    static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + v);
        }
    }

    static void positiveOrInfinite(String name, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + " must be > 0 (or +Infinity for off), got " + v);
        }
    }

    static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number ≥ 0, got " + v);
        }
    }

    /** v ∈ [0, 1). */
    static void unit(String name, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + v);
        }
    }

    /** v ∈ [0, 1]. */
    static void closedUnit(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        }
    }

    static void notNull(String name, Object o) {
        if (o == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
