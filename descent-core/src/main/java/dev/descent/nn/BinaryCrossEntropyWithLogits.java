package dev.descent.nn;

/**
 * Binary cross-entropy on logits, torch's {@code nn.BCEWithLogitsLoss} (mean over all B·k
 * elements), in the stable form ℓ(z, t) = max(z, 0) − z·t + log(1 + e^(−|z|));
 * ∂ℓ/∂z = σ(z) − t, divided by B·k. A label reads as its one-hot row (k &gt; 1) or as 0/1 (k = 1).
 */
public final class BinaryCrossEntropyWithLogits implements Loss {

    static final BinaryCrossEntropyWithLogits INSTANCE = new BinaryCrossEntropyWithLogits();

    private BinaryCrossEntropyWithLogits() {}

    @Override
    public double forward(float[] z, int[] labels, int labelOff, int batch, int k, float[] dz) {
        double total = 0;
        double scale = 1.0 / ((double) batch * k);
        for (int r = 0; r < batch; r++) {
            int y = labels[labelOff + r];
            Labels.check(y, k);
            for (int j = 0; j < k; j++) {
                int i = r * k + j;
                total += term(z[i], Labels.target(y, j, k), dz, i, scale);
            }
        }
        return total * scale;
    }

    @Override
    public double forward(float[] z, float[] t, int tOff, int batch, int k, float[] dz) {
        double total = 0;
        double scale = 1.0 / ((double) batch * k);
        int n = batch * k;
        for (int i = 0; i < n; i++) {
            total += term(z[i], t[tOff + i], dz, i, scale);
        }
        return total * scale;
    }

    private static double term(double zi, double ti, float[] dz, int i, double scale) {
        if (dz != null) {
            double s = zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
            dz[i] = (float) ((s - ti) * scale);
        }
        return Math.max(zi, 0) - zi * ti + Math.log1p(Math.exp(-Math.abs(zi)));
    }

    @Override
    public String name() {
        return "bce";
    }

    @Override
    public String toString() {
        return name();
    }
}
