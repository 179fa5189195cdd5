package dev.descent.problems;

/**
 * The dimensions n a catalogue problem accepts: min ≤ n ≤ max with n ≡ min (mod step).
 *
 * @param min the smallest n, at least 1
 * @param max the largest n
 * @param step the spacing of valid n (1 for any, 2 for even from 2, 4 for multiples of 4)
 * @param standard the default n
 */
record Dimensions(int min, int max, int step, int standard) {

    static Dimensions fixed(int n) {
        return new Dimensions(n, n, 1, n);
    }

    static Dimensions atLeast(int min, int standard) {
        return new Dimensions(min, Integer.MAX_VALUE, 1, standard);
    }

    static Dimensions multipleOf(int k, int standard) {
        return new Dimensions(k, Integer.MAX_VALUE, k, standard);
    }

    boolean accepts(int n) {
        return n >= min && n <= max && (n - min) % step == 0;
    }

    /** A phrase naming the valid dimensions, e.g. "a multiple of 4", for error messages. */
    String describe() {
        if (min == max) {
            return "exactly " + min;
        }
        if (step == 2) {
            return "even";
        }
        if (step > 1) {
            return "a multiple of " + step;
        }
        if (max == Integer.MAX_VALUE) {
            return "at least " + min;
        }
        return "between " + min + " and " + max;
    }
}
