package dev.descent.train;

/**
 * The settings of a {@link Trainer} run, validated on construction. Start from
 * {@link #forEpochs} or {@link #forSteps} and change fields with the {@code with*} copies; ask
 * {@link #totalSteps(int)} for the length of the run, for example to size a schedule:
 *
 * <pre>{@code
 * TrainConfig cfg = TrainConfig.forEpochs(10, 128, seed);
 * Schedule lr = Schedule.oneCycle(0.01, cfg.totalSteps(train.n()));
 * }</pre>
 *
 * @param epochs the number of passes over the training set, ≥ 0 (0: only the step budget counts)
 * @param maxSteps the step budget, ≥ 0 (0: only the epochs count); when both are set, the run
 *     stops at whichever comes first. At least one must be positive.
 * @param batchSize rows per mini-batch, ≥ 1 (the last batch of an epoch may be smaller)
 * @param seed seeds the batch order (and nothing else: the network's initialization is the
 *     caller's)
 * @param clipNorm the largest allowed global L2 norm of the gradient, &gt; 0, or 0 for no
 *     clipping: when ‖g‖₂ &gt; c, g ← g · c/‖g‖₂ (Pascanu, Mikolov and Bengio, 2013)
 * @param evalEvery evaluate on the validation set every this many steps, ≥ 0; the end of every
 *     epoch and of the run always evaluates (0: only those)
 * @param checkpointEvery take a checkpoint (and the in-memory rollback point) every this many
 *     steps, ≥ 0; 0 (the default): at the end of every epoch instead. The start and the end of
 *     the run always do.
 * @param schedulePerEpoch when true the schedule is read at the epoch number (t = epoch), else at
 *     the step number (t = step)
 * @param spikeFactor a mini-batch loss greater than this many times max(running average, first
 *     loss) counts as divergence, &gt; 1 (default 10); the running average is an exponential
 *     moving average with weight 0.9 on the past (see {@link Trainer})
 * @param lrCut the factor the learning rate is multiplied by after each rollback, in (0, 1)
 *     (default 0.5)
 * @param maxFailures the number of rollbacks in a row, without a new good checkpoint in between,
 *     after which the run stops as {@link TrainStatus#DIVERGED}, ≥ 1 (default 5)
 */
public record TrainConfig(long epochs, long maxSteps, int batchSize, long seed, double clipNorm,
        long evalEvery, long checkpointEvery, boolean schedulePerEpoch,
        double spikeFactor, double lrCut, int maxFailures) {

    /** The default {@link #spikeFactor()}: a loss above 10× max(running average, first loss) is a divergence. */
    public static final double DEFAULT_SPIKE_FACTOR = 10;
    /** The default {@link #lrCut()}: each rollback halves the learning rate. */
    public static final double DEFAULT_LR_CUT = 0.5;
    /** The default {@link #maxFailures()}: five rollbacks in a row stop the run as diverged. */
    public static final int DEFAULT_MAX_FAILURES = 5;

    /** Validates every field. */
    public TrainConfig {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be ≥ 0, got " + epochs);
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must be ≥ 0, got " + maxSteps);
        }
        if (epochs == 0 && maxSteps == 0) {
            throw new IllegalArgumentException("epochs or maxSteps must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be ≥ 1, got " + batchSize);
        }
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("clipNorm must be finite and ≥ 0 (0 = off), got " + clipNorm);
        }
        if (evalEvery < 0) {
            throw new IllegalArgumentException("evalEvery must be ≥ 0, got " + evalEvery);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpointEvery must be ≥ 0, got " + checkpointEvery);
        }
        if (!(spikeFactor > 1) || Double.isInfinite(spikeFactor)) {
            throw new IllegalArgumentException("spikeFactor must be finite and > 1, got " + spikeFactor);
        }
        if (!(lrCut > 0 && lrCut < 1)) {
            throw new IllegalArgumentException("lrCut must be in (0, 1), got " + lrCut);
        }
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be ≥ 1, got " + maxFailures);
        }
    }

    /**
     * {@code epochs} ≥ 1 epochs of batch {@code batchSize} with the defaults: no step budget, no
     * clipping, evaluation and checkpoint at each epoch end, per-step schedule, spike factor 10,
     * lr cut 0.5, 5 failures.
     *
     * @param epochs passes over the training set, ≥ 1
     * @param batchSize rows per mini-batch, ≥ 1
     * @param seed the batch-order seed
     * @return the configuration
     */
    public static TrainConfig forEpochs(long epochs, int batchSize, long seed) {
        return new TrainConfig(epochs, 0, batchSize, seed, 0, 0, 0, false, DEFAULT_SPIKE_FACTOR, DEFAULT_LR_CUT, DEFAULT_MAX_FAILURES);
    }

    /**
     * {@return a budget of {@code steps} steps (any number of epochs) with the defaults of {@link #forEpochs}}
     *
     * @param steps the step budget, ≥ 1
     * @param batchSize rows per mini-batch, ≥ 1
     * @param seed the batch-order seed
     */
    public static TrainConfig forSteps(long steps, int batchSize, long seed) {
        return new TrainConfig(0, steps, batchSize, seed, 0, 0, 0, false, DEFAULT_SPIKE_FACTOR, DEFAULT_LR_CUT, DEFAULT_MAX_FAILURES);
    }

    /**
     * The optimizer steps in one epoch over {@code rows} ≥ 1 training rows: ⌈rows / batchSize⌉
     * (the last batch of an epoch keeps the remainder).
     *
     * @param rows the training rows, ≥ 1
     * @return the steps per epoch
     */
    public long stepsPerEpoch(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("the training set must have at least 1 row, got " + rows);
        }
        return ((long) rows + batchSize - 1) / batchSize;
    }

    /**
     * The steps a run over {@code rows} ≥ 1 training rows takes when nothing goes wrong:
     * epochs · {@link #stepsPerEpoch}, capped by {@code maxSteps} when that is set (a 0 field
     * does not limit). This is where the {@link Trainer} stops, and the horizon to give a
     * schedule that is read per step.
     *
     * @param rows the training rows, ≥ 1
     * @return the number of steps
     */
    public long totalSteps(int rows) {
        long perEpoch = stepsPerEpoch(rows);
        long byEpochs = epochs > 0 ? (epochs > Long.MAX_VALUE / perEpoch ? Long.MAX_VALUE : epochs * perEpoch) : Long.MAX_VALUE;
        long bySteps = maxSteps > 0 ? maxSteps : Long.MAX_VALUE;
        return Math.min(byEpochs, bySteps);
    }

    /**
     * The horizon in the schedule's own unit: {@link #totalSteps} for a per-step schedule, the
     * number of epochs begun, ⌈totalSteps / stepsPerEpoch⌉, when {@link #schedulePerEpoch()}.
     *
     * @param rows the training rows, ≥ 1
     * @return the schedule's horizon
     */
    public long scheduleLength(int rows) {
        long total = totalSteps(rows);
        if (!schedulePerEpoch) {
            return total;
        }
        long perEpoch = stepsPerEpoch(rows);
        return total / perEpoch + (total % perEpoch == 0 ? 0 : 1);
    }

    /**
     * {@return a copy with a step budget}
     *
     * @param steps the budget, ≥ 0 (0: none)
     */
    public TrainConfig withMaxSteps(long steps) {
        return new TrainConfig(epochs, steps, batchSize, seed, clipNorm, evalEvery, checkpointEvery, schedulePerEpoch, spikeFactor, lrCut, maxFailures);
    }

    /**
     * {@return a copy with gradient clipping at global norm {@code c}}
     *
     * @param c the largest gradient norm, ≥ 0 (0: off)
     */
    public TrainConfig withClipNorm(double c) {
        return new TrainConfig(epochs, maxSteps, batchSize, seed, c, evalEvery, checkpointEvery, schedulePerEpoch, spikeFactor, lrCut, maxFailures);
    }

    /**
     * {@return a copy that evaluates every {@code steps} steps}
     *
     * @param steps the interval, ≥ 0 (0: at epoch ends only)
     */
    public TrainConfig withEvalEvery(long steps) {
        return new TrainConfig(epochs, maxSteps, batchSize, seed, clipNorm, steps, checkpointEvery, schedulePerEpoch, spikeFactor, lrCut, maxFailures);
    }

    /**
     * {@return a copy that checkpoints every {@code steps} steps}
     *
     * @param steps the interval, ≥ 0 (0: at epoch ends)
     */
    public TrainConfig withCheckpointEvery(long steps) {
        return new TrainConfig(epochs, maxSteps, batchSize, seed, clipNorm, evalEvery, steps, schedulePerEpoch, spikeFactor, lrCut, maxFailures);
    }

    /**
     * {@return a copy whose schedule is read per epoch or per step}
     *
     * @param perEpoch true: t = epoch; false: t = step
     */
    public TrainConfig withSchedulePerEpoch(boolean perEpoch) {
        return new TrainConfig(epochs, maxSteps, batchSize, seed, clipNorm, evalEvery, checkpointEvery, perEpoch, spikeFactor, lrCut, maxFailures);
    }

    /**
     * {@return a copy with other divergence settings}
     *
     * @param spikeFactor the spike threshold as a multiple of the running loss, &gt; 1
     * @param lrCut the lr factor after a rollback, in (0, 1)
     * @param maxFailures rollbacks in a row before giving up, ≥ 1
     */
    public TrainConfig withDivergence(double spikeFactor, double lrCut, int maxFailures) {
        return new TrainConfig(epochs, maxSteps, batchSize, seed, clipNorm, evalEvery, checkpointEvery, schedulePerEpoch, spikeFactor, lrCut, maxFailures);
    }
}
