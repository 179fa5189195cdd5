package dev.descent.nn;

/** How the dense-target losses read class labels (package-private helpers of {@link Loss}). */
final class Labels {

    private Labels() {}

    /** The dense target of label y at column j of a k-wide row: one-hot for k > 1, y itself for k = 1. */
    static float target(int y, int j, int k) {
        return k == 1 ? y : (y == j ? 1f : 0f);
    }

    /** Throws an IllegalArgumentException unless 0 ≤ y < max(k, 2). */
    static void check(int y, int k) {
        if (y < 0 || y >= Math.max(k, 2)) {
            throw new IllegalArgumentException("label " + y + " out of range [0, " + Math.max(k, 2) + ")");
        }
    }
}
