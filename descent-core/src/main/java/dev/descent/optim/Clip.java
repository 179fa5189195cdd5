package dev.descent.optim;

/**
 * Clipping by global norm, defined once for descent (PyTorch's
 * {@code torch.nn.utils.clip_grad_norm_}): with ‖g‖₂ the Euclidean norm of all the gradients
 * together and c the maximum norm,
 *
 * <pre>
 *   s = min(1, c / (‖g‖₂ + ε)),   ε = 1e-6,   g ← s·g
 * </pre>
 *
 * <p>The ε keeps the division finite for a zero gradient; it also means a gradient whose norm is
 * exactly c is scaled by c/(c + ε), slightly below 1, as in PyTorch. The optimizers apply it fused
 * into their update ({@link Options#clipNorm()}, the gradient array untouched); the trainer's
 * {@code clipNorm} applies it to the gradient array before the step ({@link #byNorm}). Both use
 * {@link #scale} and the same norm ({@link #norm}), computed with float32 partial sums over blocks
 * (bit-identical with and without the Vector API) added in float64.
 */
public final class Clip {

    /** The ε added to the norm: PyTorch's 1e-6. */
    public static final double EPS = 1e-6;

    private Clip() {}

    /**
     * The factor s = min(1, c / (‖g‖₂ + ε)).
     *
     * @param norm the global norm ‖g‖₂, ≥ 0 (NaN gives NaN, so a non-finite gradient stays
     *     non-finite)
     * @param maxNorm the maximum norm c, &gt; 0; +∞ gives 1 (no clipping)
     * @return the factor, in [0, 1]
     */
    public static double scale(double norm, double maxNorm) {
        return Math.min(1.0, maxNorm / (norm + EPS));
    }

    /**
     * The Euclidean norm of {@code g[from, to)}.
     *
     * @param g the gradient
     * @param from the first index
     * @param to the index after the last
     * @return ‖g[from, to)‖₂
     */
    public static double norm(float[] g, int from, int to) {
        return Math.sqrt(Kernels.sumSquares(g, from, to));
    }

    /**
     * Clips {@code g} in place: g ← s·g with s = {@link #scale}(‖g‖₂, maxNorm), skipped when s = 1.
     *
     * @param g the gradient, modified in place
     * @param maxNorm the maximum norm c, &gt; 0 (+∞: nothing to do)
     */
    public static void byNorm(float[] g, double maxNorm) {
        if (maxNorm == Double.POSITIVE_INFINITY) {
            return;
        }
        double s = scale(norm(g, 0, g.length), maxNorm);
        if (s < 1) {
            float f = (float) s;
            for (int i = 0; i < g.length; i++) {
                g[i] *= f;
            }
        }
    }
}
