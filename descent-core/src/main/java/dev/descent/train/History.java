package dev.descent.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What happened during a run: one {@link Record} per evaluation (step 0, every
 * {@link TrainConfig#evalEvery()} steps, each epoch end and the end of the run), every
 * {@link Event} of divergence handling, and the training time of each completed epoch.
 *
 * <p>The trainer appends to it; callers see unmodifiable views. It is saved in checkpoints, so a
 * resumed run's history continues the interrupted one's.
 */
public final class History {

    /**
     * One evaluation.
     *
     * @param step optimizer steps taken so far
     * @param epoch fractional epochs so far (step·batch / n, exact at epoch ends)
     * @param trainLoss the mean mini-batch loss since the previous record (NaN at step 0)
     * @param valLoss the mean loss on the validation set (NaN without one)
     * @param valAccuracy the accuracy on the validation set (NaN without one)
     * @param lr the learning rate of the last step (of the next one at step 0)
     * @param elapsedSeconds wall-clock seconds since the run started, across resumes
     * @param objective the full training objective (mean loss over the whole training set plus
     *     the L2 term), computed outside the timed region; NaN when the trainer does not track it
     *     ({@link Trainer#trackObjective})
     * @param passes gradient-equivalent passes over the training set so far (a forward-only
     *     evaluation counts 1/3; for first-order optimizers, rows trained on / N)
     * @param batch the rows of the last step's sample (of the next one at step 0)
     * @param trainSeconds seconds in the training loop so far, never evaluation or checkpoints
     */
    public record Record(long step, double epoch, double trainLoss, double valLoss, double valAccuracy,
            double lr, double elapsedSeconds, double objective, double passes, int batch, double trainSeconds) {

        /**
         * A record without the objective, passes, batch and training time (NaN, NaN, 0, NaN).
         *
         * @param step optimizer steps taken so far
         * @param epoch fractional epochs so far
         * @param trainLoss the mean mini-batch loss since the previous record
         * @param valLoss the mean validation loss
         * @param valAccuracy the validation accuracy
         * @param lr the learning rate
         * @param elapsedSeconds wall-clock seconds since the run started
         */
        public Record(long step, double epoch, double trainLoss, double valLoss, double valAccuracy, double lr, double elapsedSeconds) {
            this(step, epoch, trainLoss, valLoss, valAccuracy, lr, elapsedSeconds, Double.NaN, Double.NaN, 0, Double.NaN);
        }
    }

    /** Why a rollback happened. */
    public enum Cause {
        /** The mini-batch loss was NaN or infinite. */
        NON_FINITE,
        /** The mini-batch loss exceeded {@link TrainConfig#spikeFactor()} × its running average. */
        SPIKE
    }

    /**
     * A divergence: the run rolled back from {@code step} to {@code rolledBackTo} and multiplied
     * the learning rate by {@link TrainConfig#lrCut()}, giving {@code lrScale} times the schedule.
     *
     * @param step the step at which the bad loss appeared
     * @param loss the bad loss
     * @param cause NaN/Inf or a spike
     * @param rolledBackTo the step of the restored state
     * @param lrScale the learning-rate multiplier from now on
     */
    public record Event(long step, double loss, Cause cause, long rolledBackTo, double lrScale) {}

    final List<Record> records = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Double> epochSeconds = new ArrayList<>();

    /** An empty history, for a run that starts from step 0. */
    public History() {}

    /**
     * The evaluations.
     *
     * @return an unmodifiable view, oldest first
     */
    public List<Record> records() {
        return Collections.unmodifiableList(records);
    }

    /**
     * The divergence events.
     *
     * @return an unmodifiable view, oldest first
     */
    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    /**
     * The training time of each completed epoch.
     *
     * @return an unmodifiable view of the seconds spent in the training loop (batches, forward,
     *     backward, steps) per completed epoch, oldest first
     */
    public List<Double> epochSeconds() {
        return Collections.unmodifiableList(epochSeconds);
    }

    /**
     * The latest evaluation.
     *
     * @return the latest record, or null before the first
     */
    public Record last() {
        return records.isEmpty() ? null : records.get(records.size() - 1);
    }

    /**
     * The typical epoch time.
     *
     * @return the median of {@link #epochSeconds()}, or NaN when no epoch completed
     */
    public double epochSecondsMedian() {
        if (epochSeconds.isEmpty()) {
            return Double.NaN;
        }
        double[] s = epochSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
