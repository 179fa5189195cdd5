package dev.descent.spark;

import java.io.Serial;
import java.io.Serializable;

/**
 * A running sum of per-block contributions (a scalar, one vector and a row count) with
 * Neumaier's compensated summation, so that merging partition results in any order or tree shape
 * changes the total only at the level of rounding of the total itself, not of the number of terms.
 *
 * <p>Neumaier (1974), the improved Kahan–Babuška sum: for each term t, s' = s + t, and the
 * lost low part, (s − s') + t if |s| ≥ |t| else (t − s') + s, is added to a separate
 * compensation c; the total is s + c. Merging two partials adds one's sums as terms to the other
 * and adds the compensations.
 *
 * <p>Mutable, not thread-safe: Spark uses one per task and merges them in its aggregation tree.
 * The empty partial ({@link #Partial()}) holds no arrays, so it costs almost nothing to ship as
 * the zero value of {@code treeAggregate}.
 */
public final class Partial implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The running scalar sum s. */
    private double sum;
    /** The scalar compensation c. */
    private double comp;
    /** The running vector sums; null until a vector is added. */
    private double[] vec;
    /** The vector compensations. */
    private double[] vecComp;
    /** The rows added. */
    private long rows;

    /** An empty partial: zero sum, no vector yet, zero rows. */
    public Partial() {}

    /**
     * Adds one block's contribution.
     *
     * @param value the block's scalar term (e.g. rows · mean loss)
     * @param v the block's vector term (e.g. rows · mean gradient); read, not kept
     * @param blockRows the block's rows
     */
    public void add(double value, double[] v, long blockRows) {
        double[] c = ensure(v.length);
        sum = twoSum(sum, value, this);
        for (int i = 0; i < v.length; i++) {
            double s = vec[i];
            double t = v[i];
            double r = s + t;
            c[i] += Math.abs(s) >= Math.abs(t) ? (s - r) + t : (t - r) + s;
            vec[i] = r;
        }
        rows += blockRows;
    }

    /**
     * Merges {@code other} into this partial (Spark's combine operation).
     *
     * @param other another partial; read, not modified
     * @return this partial
     */
    public Partial merge(Partial other) {
        if (other.vec == null) {
            rows += other.rows;
            sum = twoSum(sum, other.sum, this);
            comp += other.comp;
            return this;
        }
        double[] c = ensure(other.vec.length);
        sum = twoSum(sum, other.sum, this);
        comp += other.comp;
        for (int i = 0; i < vec.length; i++) {
            double s = vec[i];
            double t = other.vec[i];
            double r = s + t;
            c[i] += (Math.abs(s) >= Math.abs(t) ? (s - r) + t : (t - r) + s) + other.vecComp[i];
            vec[i] = r;
        }
        rows += other.rows;
        return this;
    }

    /**
     * The compensated scalar total.
     *
     * @return s + c
     */
    public double total() {
        return sum + comp;
    }

    /**
     * Writes the compensated vector total times {@code scale} into {@code out}; zeros when no
     * vector was ever added.
     *
     * @param scale the factor, e.g. 1/n
     * @param out overwritten with the scaled totals
     */
    public void totalVector(double scale, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = vec == null ? 0 : (vec[i] + vecComp[i]) * scale;
        }
    }

    /**
     * The rows added so far.
     *
     * @return the sum of the blocks' rows
     */
    public long rows() {
        return rows;
    }

    private double[] ensure(int n) {
        if (vec == null) {
            vec = new double[n];
            vecComp = new double[n];
        } else if (vec.length != n) {
            throw new IllegalArgumentException("vector length " + n + " differs from the partial's " + vec.length);
        }
        return vecComp;
    }

    /** s + t, adding the rounding error to {@code p.comp}. */
    private static double twoSum(double s, double t, Partial p) {
        double r = s + t;
        p.comp += Math.abs(s) >= Math.abs(t) ? (s - r) + t : (t - r) + s;
        return r;
    }
}
