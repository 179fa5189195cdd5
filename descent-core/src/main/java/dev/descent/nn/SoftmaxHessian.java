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
 */
final class SoftmaxHessian {

    private SoftmaxHessian() {}

    static void product(Dense dense, Model model, float[] x, int[] labels, int n, double[] v, double[] out) {
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
            float[] xc = model.inputBuffer();
            Gemm.sgemm(false, true, b, k, d, 1f, xc, 0, d, vw, 0, d, 0f, u, 0, k);
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
            Gemm.sgemm(true, false, k, d, b, 1f, wc, 0, k, xc, 0, d, 0f, hw, 0, d);
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
