package dev.descent.nn;

import dev.descent.linalg.Gemm;
import java.util.Arrays;

/**
 * The exact Hessian-vector product of softmax regression, f(W, b) = (1/n) Σᵢ CE(softmax(W xᵢ + b), yᵢ).
 *
 * <p>For a direction (V, b_v): uᵢ = V xᵢ + b_v is the directional derivative of the logits, and
 * the softmax Jacobian ∂p/∂z = diag(p) − p pᵀ gives wᵢ = pᵢ ⊙ uᵢ − pᵢ (pᵢᵀ uᵢ); then
 * H·(V, b_v) = ((1/n) Σ wᵢ xᵢᵀ, (1/n) Σ wᵢ). The two products over the data run through
 * {@link Gemm} chunk by chunk; the softmax part is in double; chunk sums accumulate in double.
 * {@code train.ModelObjective} uses it for its exact Hessian-vector products.
 */
public final class SoftmaxHessian {

    private SoftmaxHessian() {}

    /**
     * {@return whether {@code model} is softmax regression, where {@link #product} is exact: one
     * {@link Dense} layer and {@link SoftmaxCrossEntropy}}
     *
     * @param model any model
     */
    public static boolean appliesTo(Model model) {
        return model.layers().size() == 1 && model.layers().getFirst() instanceof Dense
                && model.loss() instanceof SoftmaxCrossEntropy;
    }

    /**
     * Writes H·v into {@code out} (both of length {@code model.paramCount()}), where H is the
     * Hessian of the mean cross-entropy over rows [0, n) of {@code x} against {@code labels} at
     * the model's current parameters, in chunks of {@code model.maxBatch()} rows.
     *
     * @param model softmax regression
     * @param x the inputs, row-major, at least n rows
     * @param labels the labels, at least n
     * @param n rows, ≥ 1
     * @param v the direction
     * @param out H·v, overwritten
     * @throws IllegalArgumentException when the model is not softmax regression ({@link #appliesTo})
     *     or the arrays are too short
     */
    public static void product(Model model, float[] x, int[] labels, int n, double[] v, double[] out) {
        if (!appliesTo(model)) {
            throw new IllegalArgumentException("the exact Hessian-vector product needs softmax regression (one Dense "
                    + "layer, cross-entropy), not " + model);
        }
        if (v.length != model.paramCount() || out.length != model.paramCount()) {
            throw new IllegalArgumentException("v and out must have length " + model.paramCount());
        }
        if (n < 1 || (long) n * model.inputSize() > x.length || labels.length < n) {
            throw new IllegalArgumentException("x and labels must hold n = " + n + " >= 1 rows");
        }
        Dense dense = (Dense) model.layers().getFirst();
        int d = dense.inputSize();
        int k = dense.outputSize();
        int off = dense.offset();
        int cap = model.maxBatch();
        float[] vw = new float[k * d];
        for (int i = 0; i < vw.length; i++) {
            vw[i] = (float) v[off + i];
        }
        int bOff = dense.biasOffset();
        float[] u = new float[cap * k];
        float[] wc = new float[cap * k];
        float[] hw = new float[k * d];
        double[] p = new double[k];
        Arrays.fill(out, 0);
        for (int s = 0; s < n; s += cap) {
            int b = Math.min(cap, n - s);
            float[] z = model.forwardChunk(x, s, b);
            Gemm.sgemm(false, true, b, k, d, 1f, x, s * d, d, vw, 0, d, 0f, u, 0, k);
            for (int r = 0; r < b; r++) {
                int row = r * k;
                double lse = SoftmaxCrossEntropy.logSumExp(z, row, k);
                double pu = 0;
                for (int j = 0; j < k; j++) {
                    p[j] = Math.exp(z[row + j] - lse);
                    pu += p[j] * (u[row + j] + v[bOff + j]);
                }
                for (int j = 0; j < k; j++) {
                    double wj = p[j] * (u[row + j] + v[bOff + j] - pu);
                    wc[row + j] = (float) wj;
                    out[bOff + j] += wj;
                }
            }
            Gemm.sgemm(true, false, k, d, b, 1f, wc, 0, k, x, s * d, d, 0f, hw, 0, d);
            for (int i = 0; i < hw.length; i++) {
                out[off + i] += hw[i];
            }
        }
        double inv = 1.0 / n;
        for (int i = off; i < bOff + k; i++) {
            out[i] *= inv;
        }
    }
}
