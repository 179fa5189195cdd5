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

    /**
     * The checks the Adam family shares: lr finite and ≥ 0, β1 and β2 in [0, 1), ε finite and
     * &gt; 0, options present.
     */
    static void adamFamily(double lr, double beta1, double beta2, double eps, Options options) {
        nonNegative("lr", lr);
        unit("beta1", beta1);
        unit("beta2", beta2);
        positive("eps", eps);
        notNull("options", options);
    }

    static void notNull(String name, Object o) {
        if (o == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
