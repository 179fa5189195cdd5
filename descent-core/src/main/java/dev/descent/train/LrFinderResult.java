package dev.descent.train;

import java.util.Locale;

/**
 * The curve of a learning-rate range test ({@link LrFinder}) and the learning rates it
 * suggests. The suggestions follow fastai's {@code lr_find} (fastai/callback/schedule.py): they
 * look at the smoothed loss with the first tenth of the planned steps and the last five recorded
 * points left out (the warm-up of the average and the blow-up at the end), and
 *
 * <ul>
 *   <li>{@link Method#VALLEY} (the default): the longest run over which the smoothed loss keeps
 *       decreasing (a longest decreasing subsequence), and the point about halfway down it;
 *   <li>{@link Method#STEEPEST}: where the smoothed loss falls fastest against log lr (the most
 *       negative finite difference dL̂ / d ln lr);
 *   <li>{@link Method#MINIMUM}: the learning rate of the smallest smoothed loss, divided by 10.
 * </ul>
 *
 * @param lrs the learning rate of each recorded step
 * @param losses the raw mini-batch loss of each step
 * @param smoothed the bias-corrected moving average of the losses
 * @param stoppedEarly whether the sweep stopped because the loss blew up
 * @param plannedSteps the number of steps the sweep was planned for
 */
public record LrFinderResult(double[] lrs, double[] losses, double[] smoothed, boolean stoppedEarly, int plannedSteps) {

    /** How a learning rate is read off the curve. */
    public enum Method {
        /** The point about halfway down the longest decreasing run of the smoothed loss. */
        VALLEY,
        /** Where the smoothed loss falls fastest against log lr. */
        STEEPEST,
        /** The learning rate of the smallest smoothed loss, divided by 10. */
        MINIMUM;

        /**
         * The name used on the command line.
         *
         * @return {@code valley}, {@code steepest} or {@code minimum}
         */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses a method name, ignoring case and surrounding blanks.
         *
         * @param s {@code valley}, {@code steepest} or {@code minimum}
         * @return the method
         * @throws IllegalArgumentException for another name, listing the valid ones
         */
        public static Method parse(String s) {
            for (Method m : values()) {
                if (m.cliName().equals(s.strip().toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown lr-find method '" + s + "'; valid: valley, steepest, minimum");
        }
    }

    /**
     * Validates and copies the curve.
     *
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public LrFinderResult {
        if (lrs.length != losses.length || lrs.length != smoothed.length) {
            throw new IllegalArgumentException("lrs, losses and smoothed must have the same length");
        }
        if (lrs.length == 0) {
            throw new IllegalArgumentException("an lr-find result needs at least one step");
        }
        lrs = lrs.clone();
        losses = losses.clone();
        smoothed = smoothed.clone();
    }

    /**
     * The learning rates.
     *
     * @return a copy of the learning rate of each recorded step
     */
    @Override
    public double[] lrs() {
        return lrs.clone();
    }

    /**
     * The raw losses.
     *
     * @return a copy of the mini-batch loss of each recorded step
     */
    @Override
    public double[] losses() {
        return losses.clone();
    }

    /**
     * The smoothed losses.
     *
     * @return a copy of the bias-corrected moving average at each recorded step
     */
    @Override
    public double[] smoothed() {
        return smoothed.clone();
    }

    /**
     * The number of recorded steps.
     *
     * @return at most the planned steps (fewer when the sweep stopped early)
     */
    public int size() {
        return lrs.length;
    }

    /**
     * The default suggestion.
     *
     * @return the {@link Method#VALLEY} learning rate
     */
    public double suggestion() {
        return suggestion(Method.VALLEY);
    }

    /**
     * A suggestion.
     *
     * @param method how to read the curve
     * @return the suggested learning rate
     */
    public double suggestion(Method method) {
        int[] w = window();
        return switch (method) {
            case VALLEY -> lrs[valley(w[0], w[1])];
            case STEEPEST -> lrs[steepest(w[0], w[1])];
            case MINIMUM -> lrs[minimum(w[0], w[1])] / 10;
        };
    }

    /**
     * Where a suggestion is read on the curve.
     *
     * @param method how to read the curve
     * @return the recorded index the suggestion reads (for MINIMUM, the minimum itself, whose
     *     learning rate is then divided by 10)
     */
    public int suggestionIndex(Method method) {
        int[] w = window();
        return switch (method) {
            case VALLEY -> valley(w[0], w[1]);
            case STEEPEST -> steepest(w[0], w[1]);
            case MINIMUM -> minimum(w[0], w[1]);
        };
    }

    /** [from, to): skip the first tenth of the planned steps and the last five points, when enough remain. */
    private int[] window() {
        int from = plannedSteps / 10;
        int to = lrs.length - 5;
        if (to - from < 3) {
            from = 0;
            to = lrs.length;
        }
        // never read a non-finite point
        while (to > from + 1 && !Double.isFinite(smoothed[to - 1])) {
            to--;
        }
        return new int[] {from, to};
    }

    /** fastai's valley: the longest decreasing run of the smoothed loss, then ~half way down. */
    private int valley(int from, int to) {
        int n = to - from;
        int[] lds = new int[n];
        java.util.Arrays.fill(lds, 1);
        int maxStart = 0;
        int maxEnd = 0;
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (smoothed[from + i] < smoothed[from + j] && lds[i] < lds[j] + 1) {
                    lds[i] = lds[j] + 1;
                }
                if (lds[maxEnd] < lds[i]) {
                    maxEnd = i;
                    maxStart = maxEnd - lds[maxEnd];
                }
            }
        }
        double sections = (maxEnd - maxStart) / 3.0;
        int idx = maxStart + (int) sections + (int) (sections / 2);
        return from + Math.max(0, Math.min(n - 1, idx));
    }

    private int steepest(int from, int to) {
        int best = from;
        double g = Double.POSITIVE_INFINITY;
        for (int i = from; i + 1 < to; i++) {
            double d = (smoothed[i + 1] - smoothed[i]) / (Math.log(lrs[i + 1]) - Math.log(lrs[i]));
            if (Double.isFinite(d) && d < g) {
                g = d;
                best = i;
            }
        }
        return best;
    }

    private int minimum(int from, int to) {
        int best = from;
        for (int i = from; i < to; i++) {
            if (smoothed[i] < smoothed[best]) {
                best = i;
            }
        }
        return best;
    }
}
