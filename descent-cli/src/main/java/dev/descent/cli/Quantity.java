package dev.descent.cli;

/**
 * One name per quantity a run reports, in its three spellings: the human text, CSV headers
 * ({@code --metrics run.csv}) and JSON keys (JSON lines and {@code --json}). "val" is always the
 * held-out set of the data: the test set for {@code embedded} and {@code fashion-mnist}, a fresh
 * draw for {@code spiral}, the held-out half for {@code blobs} and {@code moons}, the stratified
 * {@code --validation} split of a CSV file; the run's header line says which.
 */
enum Quantity {
    /** Optimizer steps taken. */
    STEP("step", "step", "step"),
    /** Passes over the training set, fractional. */
    EPOCH("epoch", "epoch", "epoch"),
    /** Mean mini-batch loss since the previous record; at the end, the loss on the whole training set. */
    TRAIN_LOSS("train loss", "train_loss", "trainLoss"),
    /** Accuracy on the whole training set (at the end). */
    TRAIN_ACCURACY("train accuracy", "train_accuracy", "trainAccuracy"),
    /** Loss on the held-out set. */
    VAL_LOSS("val loss", "val_loss", "valLoss"),
    /** Accuracy on the held-out set. */
    VAL_ACCURACY("val accuracy", "val_accuracy", "valAccuracy"),
    /** The learning rate of the last step. */
    LR("lr", "lr", "lr"),
    /** Wall-clock seconds since the run started. */
    ELAPSED("elapsed", "elapsed_s", "elapsedSeconds");

    /** The name in human text. */
    final String text;
    /** The CSV column header. */
    final String csv;
    /** The JSON key. */
    final String json;

    Quantity(String text, String csv, String json) {
        this.text = text;
        this.csv = csv;
        this.json = json;
    }
}
