package dev.descent.train;

/**
 * The result of evaluating a network on a data set.
 *
 * @param loss the mean loss per row
 * @param accuracy the fraction of rows whose arg-max prediction equals the label, in [0, 1]
 */
public record Evaluation(double loss, double accuracy) {}
