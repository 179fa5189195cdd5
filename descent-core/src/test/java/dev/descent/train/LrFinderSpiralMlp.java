package dev.descent.train;

import dev.descent.data.Batches;
import dev.descent.data.Dataset;

/**
 * A two-layer ReLU network with softmax cross-entropy on a flat parameter buffer, written out in
 * the test (cs231n's spiral case study), so the range test is checked on a real non-convex
 * training problem: W1 (d×h), b1 (h), W2 (h×k), b2 (k).
 */
final class LrFinderSpiralMlp {

    final int d;
    final int h;
    final int k;

    LrFinderSpiralMlp(int d, int h, int k) {
        this.d = d;
        this.h = h;
        this.k = k;
    }

    int size() {
        return d * h + h + h * k + k;
    }

    /** He-style init, seeded. */
    float[] init(long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] p = new float[size()];
        for (int i = 0; i < d * h; i++) {
            p[i] = (float) (r.nextGaussian() * Math.sqrt(2.0 / d));
        }
        int w2 = d * h + h;
        for (int i = 0; i < h * k; i++) {
            p[w2 + i] = (float) (r.nextGaussian() * Math.sqrt(2.0 / h));
        }
        return p;
    }

    /** Mean cross-entropy over {@code rows} rows of x/y; writes the gradient when grads ≠ null. */
    double loss(float[] p, float[] grads, float[] x, int[] y, int rows) {
        if (grads != null) {
            java.util.Arrays.fill(grads, 0f);
        }
        int b1 = d * h;
        int w2 = b1 + h;
        int b2 = w2 + h * k;
        double total = 0;
        double[] a = new double[h];
        double[] s = new double[k];
        double[] da = new double[h];
        for (int n = 0; n < rows; n++) {
            for (int j = 0; j < h; j++) {
                double z = p[b1 + j];
                for (int i = 0; i < d; i++) {
                    z += x[n * d + i] * p[i * h + j];
                }
                a[j] = Math.max(0, z);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double z = p[b2 + c];
                for (int j = 0; j < h; j++) {
                    z += a[j] * p[w2 + j * k + c];
                }
                s[c] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                s[c] = Math.exp(s[c] - max);
                sum += s[c];
            }
            total += -Math.log(s[y[n]] / sum);
            if (grads == null) {
                continue;
            }
            java.util.Arrays.fill(da, 0);
            for (int c = 0; c < k; c++) {
                double g = (s[c] / sum - (c == y[n] ? 1 : 0)) / rows;
                grads[b2 + c] += (float) g;
                for (int j = 0; j < h; j++) {
                    grads[w2 + j * k + c] += (float) (g * a[j]);
                    da[j] += g * p[w2 + j * k + c];
                }
            }
            for (int j = 0; j < h; j++) {
                if (a[j] > 0) {
                    grads[b1 + j] += (float) da[j];
                    for (int i = 0; i < d; i++) {
                        grads[i * h + j] += (float) (da[j] * x[n * d + i]);
                    }
                }
            }
        }
        return total / rows;
    }

    /** The loss of the next batch from {@code batches}, as the range test consumes it. */
    LrFinder.BatchLoss batchLoss(Batches batches) {
        float[] bx = new float[batches.batchSize() * d];
        int[] by = new int[batches.batchSize()];
        return (p, g) -> {
            int rows = batches.next(bx, by);
            return loss(p, g, bx, by, rows);
        };
    }

    double fullLoss(float[] p, Dataset data) {
        return loss(p, null, data.x(), data.y(), data.n());
    }
}
