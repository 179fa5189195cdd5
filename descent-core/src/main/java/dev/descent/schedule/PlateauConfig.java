package dev.descent.schedule;

/**
 * The settings of reduce-on-plateau, with PyTorch {@code ReduceLROnPlateau} semantics and
 * defaults. {@link #create(double)} starts the state, a {@link ReduceOnPlateau}.
 *
 * <p>After each metric m: if m is better than the best so far (see {@link #isBetter}) it becomes
 * the best and the count of bad steps resets, else the count grows; during a cooldown the count is
 * held at 0. When the count exceeds {@code patience}, lr ← max(lr·factor, minLr), applied only if
 * that lowers lr by more than {@code eps}, and a cooldown of {@code cooldown} steps starts. A NaN
 * metric is never better, as in PyTorch.
 *
 * @param mode {@link Mode#MIN} for a loss, {@link Mode#MAX} for an accuracy (default MIN)
 * @param factor the multiplier on a plateau, in [0, 1) (default 0.1)
 * @param patience the bad steps tolerated before reducing, ≥ 0 (default 10)
 * @param threshold the least change that counts as better, finite, ≥ 0 (default 1e-4)
 * @param thresholdMode {@link ThresholdMode#REL}: better means m &lt; best·(1 − threshold) (MIN)
 *     or m &gt; best·(1 + threshold) (MAX); {@link ThresholdMode#ABS}: m &lt; best − threshold or
 *     m &gt; best + threshold (default REL)
 * @param cooldown the steps after a reduction during which bad steps are not counted, ≥ 0 (default 0)
 * @param minLr the floor of the learning rate, finite, ≥ 0 (default 0)
 * @param eps the least reduction applied, finite, ≥ 0 (default 1e-8)
 */
public record PlateauConfig(
        Mode mode,
        double factor,
        int patience,
        double threshold,
        ThresholdMode thresholdMode,
        int cooldown,
        double minLr,
        double eps) {

    /** Whether a smaller metric (a loss) or a larger one (an accuracy) is better. */
    public enum Mode {
        /** Smaller is better (a loss); the spec word {@code min}. */
        MIN,
        /** Larger is better (an accuracy); the spec word {@code max}. */
        MAX
    }

    /** Whether {@code threshold} is relative to the best metric or absolute. */
    public enum ThresholdMode {
        /** Relative: better means beyond best·(1 ∓ threshold); the spec word {@code rel}. */
        REL,
        /** Absolute: better means beyond best ∓ threshold; the spec word {@code abs}. */
        ABS
    }

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the value out of range
     */
    public PlateauConfig {
        Check.notNull("mode", mode);
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in [0, 1), got " + factor);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be ≥ 0, got " + patience);
        }
        Check.nonNegative("threshold", threshold);
        Check.notNull("thresholdMode", thresholdMode);
        if (cooldown < 0) {
            throw new IllegalArgumentException("cooldown must be ≥ 0, got " + cooldown);
        }
        Check.nonNegative("minLr", minLr);
        Check.nonNegative("eps", eps);
    }

    /** {@return PyTorch's defaults: MIN, factor 0.1, patience 10, threshold 1e-4 REL, cooldown 0, minLr 0, eps 1e-8} */
    public static PlateauConfig defaults() {
        return new PlateauConfig(Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0, 1e-8);
    }

    /**
     * Starts reduce-on-plateau at learning rate {@code lr0} (finite, ≥ 0).
     *
     * @param lr0 the learning rate to start from, finite, ≥ 0
     * @return the state, before its first metric
     */
    public ReduceOnPlateau create(double lr0) {
        return new ReduceOnPlateau(this, lr0);
    }

    /**
     * Whether metric {@code a} improves on {@code best} by more than the threshold.
     *
     * @param a a metric
     * @param best the best metric so far
     * @return whether {@code a} counts as an improvement
     */
    public boolean isBetter(double a, double best) {
        return switch (mode) {
            case MIN -> thresholdMode == ThresholdMode.REL ? a < best * (1 - threshold) : a < best - threshold;
            case MAX -> thresholdMode == ThresholdMode.REL ? a > best * (threshold + 1) : a > best + threshold;
        };
    }

    /**
     * A copy with another mode.
     *
     * @param mode MIN or MAX
     * @return the copy
     */
    public PlateauConfig withMode(Mode mode) {
        return new PlateauConfig(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /**
     * A copy with another factor.
     *
     * @param factor the multiplier on a plateau, in [0, 1)
     * @return the copy
     */
    public PlateauConfig withFactor(double factor) {
        return new PlateauConfig(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /**
     * A copy with another patience.
     *
     * @param patience the bad steps tolerated, ≥ 0
     * @return the copy
     */
    public PlateauConfig withPatience(int patience) {
        return new PlateauConfig(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /**
     * A copy with another threshold and threshold mode.
     *
     * @param threshold the least change that counts as better, finite, ≥ 0
     * @param thresholdMode REL or ABS
     * @return the copy
     */
    public PlateauConfig withThreshold(double threshold, ThresholdMode thresholdMode) {
        return new PlateauConfig(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /**
     * A copy with another cooldown.
     *
     * @param cooldown the steps without counting after a reduction, ≥ 0
     * @return the copy
     */
    public PlateauConfig withCooldown(int cooldown) {
        return new PlateauConfig(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /**
     * A copy with another floor.
     *
     * @param minLr the floor, finite, ≥ 0
     * @return the copy
     */
    public PlateauConfig withMinLr(double minLr) {
        return new PlateauConfig(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /**
     * A copy with another eps.
     *
     * @param eps ε, finite, > 0
     * @return the copy
     */
    public PlateauConfig withEps(double eps) {
        return new PlateauConfig(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }
}
