package dev.descent.nn;

/**
 * Softmax cross-entropy, fused and numerically stable: per row, with m = max_j z_j and
 * lse = m + log Σ_j exp(z_j − m), the loss is −Σ_j t_j (z_j − lse) (= lse − z_y for a label y) and
 * ∂/∂z_j = ((Σ_i t_i)·p_j − t_j)/B with p = softmax(z); computed in double per row.
 * Torch's {@code nn.CrossEntropyLoss} (mean reduction, probabilities allowed as targets).
 */
public final class SoftmaxCrossEntropy implements Loss {

    static final SoftmaxCrossEntropy INSTANCE = new SoftmaxCrossEntropy();

    private SoftmaxCrossEntropy() {}

    @Override
    public double forward(float[] z, int[] labels, int labelOff, int batch, int k, float[] dz) {
        double total = 0;
        double invB = 1.0 / batch;
        for (int r = 0; r < batch; r++) {
            int row = r * k;
            int y = labels[labelOff + r];
            if (y < 0 || y >= k) {
                throw new IllegalArgumentException("label " + y + " out of range [0, " + k + ")");
            }
            double lse = logSumExp(z, row, k);
            total += lse - z[row + y];
            if (dz != null) {
                for (int j = 0; j < k; j++) {
                    dz[row + j] = (float) (Math.exp(z[row + j] - lse) * invB);
                }
                dz[row + y] -= (float) invB;
            }
        }
        return total * invB;
    }

    @Override
    public double forward(float[] z, float[] t, int tOff, int batch, int k, float[] dz) {
        double total = 0;
        double invB = 1.0 / batch;
        for (int r = 0; r < batch; r++) {
            int row = r * k;
            int trow = tOff + row;
            double lse = logSumExp(z, row, k);
            double tSum = 0;
            for (int j = 0; j < k; j++) {
                total -= t[trow + j] * (z[row + j] - lse);
                tSum += t[trow + j];
            }
            if (dz != null) {
                for (int j = 0; j < k; j++) {
                    dz[row + j] = (float) ((tSum * Math.exp(z[row + j] - lse) - t[trow + j]) * invB);
                }
            }
        }
        return total * invB;
    }

    /** log Σ_j exp(z[row + j]) without overflow. */
    static double logSumExp(float[] z, int row, int k) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            m = Math.max(m, z[row + j]);
        }
        if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY || Double.isNaN(m)) {
            return m;
        }
        double s = 0;
        for (int j = 0; j < k; j++) {
            s += Math.exp(z[row + j] - m);
        }
        return m + Math.log(s);
    }

    @Override
    public String name() {
        return "cross-entropy";
    }

    @Override
    public String toString() {
        return name();
    }
}
