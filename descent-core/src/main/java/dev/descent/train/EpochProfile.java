package dev.descent.train;

/**
 * How one training epoch spends its time, measured by {@link EpochProfiler}: the epoch's wall
 * time beside the time its matrix multiplies alone take, and a breakdown of the rest. All
 * times are seconds per epoch; evaluation and checkpoints are never included.
 *
 * @param epochs the number of timed epochs (after the warm-up)
 * @param epochSeconds the median training time of one epoch
 * @param epochMin the fastest timed epoch
 * @param epochMax the slowest timed epoch
 * @param gemmSeconds the median time of replaying one epoch's exact sequence of matrix
 *     multiplies alone (same shapes, same backend, same threads; see
 *     {@link dev.descent.linalg.GemmRecorder#replay})
 * @param gemmMin the fastest replay
 * @param gemmMax the slowest replay
 * @param gemmCalls matrix multiplies per epoch
 * @param gemmGflop their floating-point work per epoch, in 10⁹ operations (2·m·n·k each)
 * @param breakdown where the epoch's time goes, per epoch, averaged over the timed epochs
 * @param backend the matrix-multiply backend and threads in use
 * @param epochCpuSeconds the training thread's CPU time per timed epoch (their mean): unlike the
 *     wall clock, it leaves out the time other processes held the core, so it is the figure to
 *     compare on a shared machine; NaN when products ran on more than one thread (data-parallel
 *     replicas, whose time this thread does not see) or thread CPU time cannot be measured
 * @param gemmCpuSeconds the median CPU time of a replay of one epoch's products (NaN as above)
 */
public record EpochProfile(int epochs, double epochSeconds, double epochMin, double epochMax,
                           double gemmSeconds, double gemmMin, double gemmMax, long gemmCalls, double gemmGflop,
                           Breakdown breakdown, String backend, double epochCpuSeconds, double gemmCpuSeconds) {

    /**
     * The epoch time over the time of its matrix multiplies alone: 1 would mean the epoch does
     * nothing but its matrix multiplies.
     *
     * @return epochSeconds / gemmSeconds
     */
    public double gemmBoundRatio() {
        return epochSeconds / gemmSeconds;
    }

    /**
     * {@link #gemmBoundRatio()} in CPU time: {@link #epochCpuSeconds()} over
     * {@link #gemmCpuSeconds()}; NaN when either is.
     *
     * @return epochCpuSeconds / gemmCpuSeconds
     */
    public double cpuBoundRatio() {
        return epochCpuSeconds / gemmCpuSeconds;
    }

    /**
     * Where an epoch's time goes, in seconds per epoch, measured inside the training run.
     *
     * @param gemm time inside matrix multiplies on the training thread (the thread that calls
     *     the optimizer); with data-parallel replicas, the other threads' products overlap it
     * @param forwardBackwardOther the rest of the forward and backward passes on that thread:
     *     bias, activation and loss kernels, copies, and (with replicas) waiting for the other
     *     threads and summing their gradients
     * @param optimizerStep the optimizer's update
     * @param batchAndLoop the rest of the epoch: gathering the mini-batch rows, the trainer's
     *     divergence test and bookkeeping
     */
    public record Breakdown(double gemm, double forwardBackwardOther, double optimizerStep, double batchAndLoop) {}
}
