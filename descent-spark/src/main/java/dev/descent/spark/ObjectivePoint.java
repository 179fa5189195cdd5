package dev.descent.spark;

/**
 * One evaluation of f, for curves of the objective against passes and seconds
 * ({@link SparkObjective#history()}, MLlib's history in {@link MllibBaseline}).
 *
 * @param passes passes over the data after this evaluation (fractional for sampled jobs)
 * @param seconds seconds since {@link SparkObjective#startClock()} (or the objective's creation)
 * @param f the value found
 */
public record ObjectivePoint(double passes, double seconds, double f) {}
