package dev.descent.spark;

/**
 * Where the time of a {@link SparkObjective}'s passes went, summed over its jobs so far (seconds):
 * what {@link SparkObjective#stats()} returns.
 *
 * @param passes full passes over the data (jobs over the whole set)
 * @param broadcastSeconds driver time creating and destroying broadcasts
 * @param jobSeconds driver wall time waiting for the jobs (everything on the cluster)
 * @param kernelSeconds time inside the per-block kernels, summed over tasks (CPU-side work)
 * @param driverSeconds driver time inside evaluations outside the jobs (rounding θ, scaling,
 *     the penalty)
 */
public record PassTimes(long passes, double broadcastSeconds, double jobSeconds, double kernelSeconds,
                        double driverSeconds) {}
