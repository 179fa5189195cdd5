package dev.descent.stochastic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gradients of a sample's blocks: multi-batch L-BFGS evaluates its sample S = A ∪ N ∪ C block
 * by block, so the overlap gradients of its curvature pairs come out of the batch gradient, and
 * progressive batching splits the blocks further into parts whose spread estimates the
 * per-example variance. Part k holds the rows {@code rows[from(k), from(k) + count(k))}, its mean
 * loss and mean gradient. Buffers grow to the largest number of parts used and are then reused.
 */
final class BlockGradients {

    private final SampledObjective f;
    private final int n;
    private final List<double[]> grads = new ArrayList<>();
    private int[] counts = new int[8];
    private double[] losses = new double[8];

    BlockGradients(SampledObjective f) {
        this.f = f;
        this.n = f.dimension();
    }

    /**
     * Evaluates rows[from, from + count) at x in about equal parts of at most {@code per} rows,
     * stored as parts k, k+1, ...
     *
     * @return the next free part index
     */
    int evaluate(float[] x, int[] rows, int from, int count, int per, int k) {
        int np = Math.max(1, (int) Math.round((double) count / Math.min(per, count)));
        int base = count / np;
        int extra = count % np;
        int at = from;
        for (int p = 0; p < np; p++) {
            int cnt = base + (p < extra ? 1 : 0);
            ensure(k + 1);
            counts[k] = cnt;
            losses[k] = f.lossAndGradient(x, rows, at, cnt, grads.get(k));
            at += cnt;
            k++;
        }
        return k;
    }

    /**
     * out = Σ mⱼgⱼ / count over parts [from, to), the mean gradient of their rows.
     *
     * @return Σ mⱼfⱼ / count, their mean loss
     */
    double combine(int from, int to, int count, double[] out) {
        Arrays.fill(out, 0);
        double loss = 0;
        for (int p = from; p < to; p++) {
            double w = (double) counts[p] / count;
            double[] gp = grads.get(p);
            for (int j = 0; j < n; j++) {
                out[j] += w * gp[j];
            }
            loss += w * losses[p];
        }
        return loss;
    }

    /** The mean gradient of part p (not to be modified). */
    double[] gradient(int p) {
        return grads.get(p);
    }

    /** The rows in part p. */
    int count(int p) {
        return counts[p];
    }

    private void ensure(int k) {
        while (grads.size() < k) {
            grads.add(new double[n]);
        }
        if (counts.length < k) {
            int c = Math.max(k, 2 * counts.length);
            counts = Arrays.copyOf(counts, c);
            losses = Arrays.copyOf(losses, c);
        }
    }
}
