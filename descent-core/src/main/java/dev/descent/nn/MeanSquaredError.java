package dev.descent.nn;

/**
 * Mean squared error, torch's {@code nn.MSELoss} (mean over all B·k elements):
 * L = (1/(B·k)) Σ (z − t)², ∂L/∂z = 2(z − t)/(B·k). A label reads as its one-hot row.
 */
public final class MeanSquaredError implements Loss {

    static final MeanSquaredError INSTANCE = new MeanSquaredError();

    private MeanSquaredError() {}

    @Override
    public double forward(float[] z, int[] labels, int labelOff, int batch, int k, float[] dz) {
        double total = 0;
        double scale = 1.0 / ((double) batch * k);
        for (int r = 0; r < batch; r++) {
            int y = labels[labelOff + r];
            Labels.check(y, k);
            for (int j = 0; j < k; j++) {
                int i = r * k + j;
                double d = z[i] - Labels.target(y, j, k);
                total += d * d;
                if (dz != null) {
                    dz[i] = (float) (2 * d * scale);
                }
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
            double d = z[i] - t[tOff + i];
            total += d * d;
            if (dz != null) {
                dz[i] = (float) (2 * d * scale);
            }
        }
        return total * scale;
    }

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public String toString() {
        return name();
    }
}
