package dev.descent.train;

/** How a training run ended. */
public enum TrainStatus {
    /** The epoch or step budget was used up. */
    COMPLETED,
    /**
     * The loss kept diverging: {@link TrainConfig#maxFailures()} rollbacks in a row, each with a
     * cut learning rate, did not get past the point where it blew up.
     */
    DIVERGED
}
