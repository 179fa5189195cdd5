package dev.descent.train;

import dev.descent.stochastic.QuasiNewtonStats;

/**
 * The outcome of {@link Trainer#fit} or {@link Trainer#resume}.
 *
 * @param status how the run ended
 * @param message a one-line summary; for {@link TrainStatus#DIVERGED} it says at which step and
 *     after how many rollbacks
 * @param steps optimizer steps taken (across resumes)
 * @param epochs fractional epochs completed
 * @param samples training rows processed (across resumes, not counting rolled-back steps)
 * @param trainSeconds seconds spent in the training loop (excluding evaluation and checkpoints)
 * @param history the evaluations, divergence events and epoch times
 * @param passes gradient-equivalent passes over the training set (see {@link History.Record#passes()})
 * @param stats the stabilisers' counters of a stochastic quasi-Newton method, null for a
 *     first-order optimizer
 */
public record TrainResult(TrainStatus status, String message, long steps, double epochs, long samples,
        double trainSeconds, History history, double passes, QuasiNewtonStats stats) {

    /**
     * A first-order run's result: passes = epochs, no quasi-Newton counters.
     *
     * @param status how the run ended
     * @param message a one-line summary
     * @param steps optimizer steps taken
     * @param epochs fractional epochs completed
     * @param samples training rows processed
     * @param trainSeconds seconds in the training loop
     * @param history the evaluations, divergence events and epoch times
     */
    public TrainResult(TrainStatus status, String message, long steps, double epochs, long samples, double trainSeconds, History history) {
        this(status, message, steps, epochs, samples, trainSeconds, history, epochs, null);
    }

    /** {@return training throughput: rows per second of training-loop time} */
    public double samplesPerSecond() {
        return trainSeconds > 0 ? samples / trainSeconds : Double.NaN;
    }
}
