package dev.descent.train;

/**
 * Receives a run's progress; the library never prints, so this is how a CLI draws a progress bar
 * or writes metrics. All methods do nothing by default and run on the training thread: keep them
 * cheap.
 */
public interface TrainListener {

    /**
     * After each optimizer step.
     *
     * @param step the steps taken so far, this one included
     * @param epoch fractional epochs so far
     * @param loss this step's mini-batch loss
     * @param lr the learning rate this step used
     */
    default void onStep(long step, double epoch, double loss, double lr) {}

    /**
     * After each evaluation.
     *
     * @param record the record just added to the history
     */
    default void onRecord(History.Record record) {}

    /**
     * After a rollback.
     *
     * @param event what was rolled back and the new learning-rate scale
     */
    default void onDivergence(History.Event event) {}

    /**
     * After each checkpoint (written to disk when the trainer has a directory).
     *
     * @param checkpoint the state just saved
     */
    default void onCheckpoint(Checkpoint checkpoint) {}

    /**
     * A listener that ignores everything.
     *
     * @return a listener whose methods do nothing
     */
    static TrainListener none() {
        return new TrainListener() {};
    }
}
