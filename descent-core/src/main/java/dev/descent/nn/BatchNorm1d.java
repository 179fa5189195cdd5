package dev.descent.nn;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Batch normalization over a batch of feature vectors (Ioffe and Szegedy, ICML 2015), as torch's
 * {@code nn.BatchNorm1d(features, eps=1e-5, momentum=0.1)}.
 *
 * <p>Training mode: per feature j, μ = mean over the batch, σ² = biased variance,
 * x̂ = (x − μ)/√(σ² + ε), y = γ·x̂ + β; the running statistics move as
 * r_μ ← (1 − m)·r_μ + m·μ and r_σ² ← (1 − m)·r_σ² + m·σ²·B/(B − 1) (unbiased, as torch).
 * A training batch needs B ≥ 2. Evaluation mode uses the running statistics instead.
 *
 * <p>Backward (training): ∂γ += Σ dy·x̂, ∂β += Σ dy,
 * dx = γ/(B·√(σ²+ε)) · (B·dy − Σ dy − x̂·Σ dy·x̂). In evaluation mode dx = γ·dy/√(r_σ² + ε).
 *
 * <p>Parameters: γ (initialized to 1) at {@code [offset, offset + F)}, β (0) at
 * {@code [offset + F, offset + 2F)}. Running mean starts at 0 and running variance at 1.
 */
public final class BatchNorm1d implements StatefulLayer {

    /** ε added to the variance (torch's default). */
    public static final double EPS = 1e-5;
    /** Weight m of the new batch statistic in the running averages (torch's default). */
    public static final double MOMENTUM = 0.1;

    private final int features;
    private final int offset;
    private final float[] runningMean;
    private final float[] runningVar;
    private final double[] mean;
    private final double[] invStd;
    private final double[] sum1;
    private final double[] sum2;
    private float[] xhat = new float[0];
    private boolean lastTraining;

    /**
     * A batch norm over {@code features} features owning {@code [offset, offset + 2F)} of the
     * model buffer, running mean 0 and running variance 1.
     *
     * @param features F, ≥ 1
     * @param offset first parameter index in the model buffer, ≥ 0
     */
    public BatchNorm1d(int features, int offset) {
        if (features < 1) {
            throw new IllegalArgumentException("BatchNorm1d features must be >= 1, got " + features);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        this.features = features;
        this.offset = offset;
        this.runningMean = new float[features];
        this.runningVar = new float[features];
        Arrays.fill(runningVar, 1f);
        this.mean = new double[features];
        this.invStd = new double[features];
        this.sum1 = new double[features];
        this.sum2 = new double[features];
    }

    @Override public int inputSize() { return features; }
    @Override public int outputSize() { return features; }
    @Override public int paramCount() { return 2 * features; }
    @Override public int offset() { return offset; }

    /** {@return the running mean r_μ (live view; copy it to keep it)} */
    public float[] runningMean() {
        return runningMean;
    }

    /** {@return the running variance r_σ² (live view; copy it to keep it)} */
    public float[] runningVar() {
        return runningVar;
    }

    /** {@return 2F, for the running mean then the running variance} */
    @Override
    public int stateFloats() {
        return 2 * features;
    }

    /** {@return 0, as batch norm draws no random numbers} */
    @Override
    public int stateLongs() {
        return 0;
    }

    @Override
    public void exportState(float[] floats, int floatOffset, long[] longs, int longOffset) {
        System.arraycopy(runningMean, 0, floats, floatOffset, features);
        System.arraycopy(runningVar, 0, floats, floatOffset + features, features);
    }

    @Override
    public void importState(float[] floats, int floatOffset, long[] longs, int longOffset) {
        System.arraycopy(floats, floatOffset, runningMean, 0, features);
        System.arraycopy(floats, floatOffset + features, runningVar, 0, features);
    }

    @Override
    public void forward(float[] w, float[] x, float[] y, int batch, boolean training) {
        int f = features;
        int n = batch * f;
        if (xhat.length < n) {
            xhat = new float[n];
        }
        lastTraining = training;
        if (training) {
            if (batch < 2) {
                throw new IllegalArgumentException("BatchNorm1d in training mode needs a batch of at least 2, got " + batch);
            }
            Arrays.fill(sum1, 0);
            Arrays.fill(sum2, 0);
            for (int r = 0; r < batch; r++) {
                int row = r * f;
                for (int j = 0; j < f; j++) {
                    sum1[j] += x[row + j];
                }
            }
            for (int j = 0; j < f; j++) {
                mean[j] = sum1[j] / batch;
            }
            for (int r = 0; r < batch; r++) {
                int row = r * f;
                for (int j = 0; j < f; j++) {
                    double d = x[row + j] - mean[j];
                    sum2[j] += d * d;
                }
            }
            for (int j = 0; j < f; j++) {
                double var = sum2[j] / batch;
                invStd[j] = 1 / Math.sqrt(var + EPS);
                runningMean[j] = (float) ((1 - MOMENTUM) * runningMean[j] + MOMENTUM * mean[j]);
                runningVar[j] = (float) ((1 - MOMENTUM) * runningVar[j] + MOMENTUM * sum2[j] / (batch - 1));
            }
        } else {
            for (int j = 0; j < f; j++) {
                mean[j] = runningMean[j];
                invStd[j] = 1 / Math.sqrt(runningVar[j] + EPS);
            }
        }
        int gamma = offset;
        int beta = offset + f;
        for (int r = 0; r < batch; r++) {
            int row = r * f;
            for (int j = 0; j < f; j++) {
                float h = (float) ((x[row + j] - mean[j]) * invStd[j]);
                xhat[row + j] = h;
                y[row + j] = w[gamma + j] * h + w[beta + j];
            }
        }
    }

    @Override
    public void backward(float[] w, float[] g, float[] x, float[] y, float[] dy, float[] dx, int batch) {
        int f = features;
        int gamma = offset;
        int beta = offset + f;
        Arrays.fill(sum1, 0);
        Arrays.fill(sum2, 0);
        for (int r = 0; r < batch; r++) {
            int row = r * f;
            for (int j = 0; j < f; j++) {
                double d = dy[row + j];
                sum1[j] += d;
                sum2[j] += d * xhat[row + j];
            }
        }
        for (int j = 0; j < f; j++) {
            g[gamma + j] += (float) sum2[j];
            g[beta + j] += (float) sum1[j];
        }
        if (dx == null) {
            return;
        }
        if (!lastTraining) {
            for (int r = 0; r < batch; r++) {
                int row = r * f;
                for (int j = 0; j < f; j++) {
                    dx[row + j] = (float) (w[gamma + j] * invStd[j] * dy[row + j]);
                }
            }
            return;
        }
        for (int r = 0; r < batch; r++) {
            int row = r * f;
            for (int j = 0; j < f; j++) {
                double k = w[gamma + j] * invStd[j] / batch;
                dx[row + j] = (float) (k * (batch * (double) dy[row + j] - sum1[j] - xhat[row + j] * sum2[j]));
            }
        }
    }

    @Override
    public void init(float[] w, SplittableRandom rng) {
        Arrays.fill(w, offset, offset + features, 1f);
        Arrays.fill(w, offset + features, offset + 2 * features, 0f);
    }

    @Override
    public List<ParamRange> ranges(int layerIndex) {
        String name = "bn" + layerIndex;
        return List.of(
                new ParamRange(name + ".weight", layerIndex, ParamRange.Kind.NORM_SCALE, offset, offset + features),
                new ParamRange(name + ".bias", layerIndex, ParamRange.Kind.NORM_SHIFT, offset + features,
                        offset + 2 * features));
    }
}
