package dev.descent.train;

/**
 * Receives a run's progress; the library never prints, so this is how a CLI draws a progress bar
 * or writes metrics. All methods do nothing by default and run on the training thread: keep them
 * cheap.
 */
public interface TrainListener {

    /** After each optimizer step, with its mini-batch loss and learning rate. */
    default void onStep(long step, double epoch, double loss, double lr) {}

    /** After each evaluation, with the record just added to the history. */
    default void onRecord(History.Record record) {}

    /** After a rollback. */
    default void onDivergence(History.Event event) {}

    /** After each checkpoint (written to disk when the trainer has a directory). */
    default void onCheckpoint(Checkpoint checkpoint) {}

    /** A listener that ignores everything. */
    static TrainListener none() {
        return new TrainListener() {};
    }
}
