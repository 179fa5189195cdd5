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
    /** Seconds of training since the run started (the training loop only, never evaluation). */
    ELAPSED("elapsed", "elapsed_s", "elapsedSeconds"),
    /** The full training objective: mean loss over the training set plus the L2 term. */
    OBJECTIVE("objective", "objective", "objective"),
    /** Gradient-equivalent passes over the training set so far (a forward-only evaluation counts 1/3). */
    PASSES("passes", "passes", "passes"),
    /** Rows in the last step's sample. */
    BATCH("batch", "batch", "batch");

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
