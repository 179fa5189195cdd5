package dev.descent.spark;

import dev.descent.stochastic.SampledObjective;
import java.util.Arrays;

/**
 * A {@link SparkObjective} seen as a sampled objective whose "rows" are the training set's
 * partitions, so that descent-core's stochastic quasi-Newton methods (multi-batch L-BFGS,
 * {@link dev.descent.stochastic.MultiBatchLbfgs}) run on Spark unchanged: a sample of partitions
 * is one Spark job over those partitions only ({@code PartitionPruningRDD}: the other partitions
 * are neither scheduled nor read).
 *
 * <p>With P partitions, N rows and ℓᵢ the loss of row i, partition p contributes
 * f_p(θ) = (P/N)·Σ_{i∈p} ℓᵢ(θ), so that F(θ) = (1/P)·Σ_p f_p(θ) + r(θ) is exactly the full-batch
 * objective of the {@link SparkObjective} (mean loss plus r(θ) = (λ/2)·‖W‖²) and the sample
 * objective F_S(θ) = (1/|S|)·Σ_{p∈S} f_p(θ) + r(θ) is an unbiased estimate of it whatever the
 * partition sizes (for equal partitions f_p is the partition's mean loss).
 *
 * <p>{@link #passes()} counts the data touched: a job over rows R counts R/N of a pass, so a
 * sample of p of P equal partitions counts p/P. The time of every job goes into the
 * {@link SparkObjective}'s {@link SparkObjective#stats()}. Not thread-safe.
 */
public final class SampledSparkObjective implements SampledObjective {

    private final SparkObjective full;
    private final int partitions;
    private final long rows;
    private final double[] theta;
    private long rowsSeen;
    private long jobs;

    /**
     * The sampled view of {@code full}.
     *
     * @param full the full-batch objective (its data, model, λ and options)
     */
    public SampledSparkObjective(SparkObjective full) {
        this.full = full;
        this.partitions = full.data().partitions();
        this.rows = full.data().rows();
        this.theta = new double[full.dimension()];
    }

    @Override
    public int dimension() {
        return full.dimension();
    }

    /**
     * The number of sampling units: the partitions P of the training set.
     *
     * @return P
     */
    @Override
    public int size() {
        return partitions;
    }

    /**
     * F_S(θ) and ∇F_S(θ) over the partitions {@code rows[from, from + count)}, in one job.
     *
     * @param theta θ, length n; not modified
     * @param rows partition indices in [0, P); one drawn twice (a sample that crosses an epoch of
     *     the partition order) counts twice, at the cost of a second job
     * @param from the first index of the sample in {@code rows}
     * @param count the sample size |S|, ≥ 1
     * @param grad length n, overwritten with ∇F_S(θ)
     * @return F_S(θ)
     */
    @Override
    public double lossAndGradient(float[] theta, int[] rows, int from, int count, double[] grad) {
        Partial p = job(theta, rows, from, count, PartitionKernel.Kind.GRADIENT);
        double scale = scale(count);
        p.totalVector(scale, grad);
        return p.total() * scale + full.penalty(widen(theta), grad);
    }

    /**
     * F_S(θ) alone: one forward-only job over the sample's partitions.
     *
     * @param theta θ, length n; not modified
     * @param rows partition indices in [0, P); one drawn twice counts twice
     * @param from the first index of the sample in {@code rows}
     * @param count the sample size |S|, ≥ 1
     * @return F_S(θ)
     */
    @Override
    public double loss(float[] theta, int[] rows, int from, int count) {
        Partial p = job(theta, rows, from, count, PartitionKernel.Kind.VALUE);
        return p.total() * scale(count) + full.penalty(widen(theta), null);
    }

    /**
     * Passes over the data so far: rows read by this objective's jobs ÷ N.
     *
     * @return the passes, ≥ 0
     */
    public double passes() {
        return (double) rowsSeen / rows;
    }

    /**
     * Spark jobs run so far: one per call, two when a sample holds a partition twice.
     *
     * @return the count
     */
    public long jobs() {
        return jobs;
    }

    private Partial job(float[] theta, int[] rows, int from, int count, PartitionKernel.Kind kind) {
        if (theta.length != dimension()) {
            throw new IllegalArgumentException("θ has length " + theta.length + ", the model has " + dimension() + " parameters");
        }
        if (count < 1) {
            throw new IllegalArgumentException("a sample needs at least one partition, got " + count);
        }
        int[] parts = Arrays.copyOfRange(rows, from, from + count);
        Arrays.sort(parts);
        PartitionKernel.Payload payload = new PartitionKernel.Payload(theta.clone(), null);
        Partial p = null;
        while (parts.length > 0) {
            // one job over the distinct partitions left; a repeated one (a sample that crosses an
            // epoch of the partition order) goes into the next job, so it counts as often as drawn
            int[] distinct = new int[parts.length];
            int[] repeated = new int[parts.length];
            int d = 0;
            int r = 0;
            for (int i = 0; i < parts.length; i++) {
                if (i > 0 && parts[i] == parts[i - 1]) {
                    repeated[r++] = parts[i];
                } else {
                    distinct[d++] = parts[i];
                }
            }
            Partial q = full.pass(payload, kind, Arrays.copyOf(distinct, d));
            p = p == null ? q : p.merge(q);
            jobs++;
            parts = Arrays.copyOf(repeated, r);
        }
        rowsSeen += p.rows();
        return p;
    }

    /** (P/N)/|S|: turns the sum of row losses over S into F_S's data term. */
    private double scale(int count) {
        return (double) partitions / rows / count;
    }

    private double[] widen(float[] t) {
        for (int i = 0; i < t.length; i++) {
            theta[i] = t[i];
        }
        return theta;
    }
}
