package dev.descent.optim;

/**
 * The options every optimizer shares, applied to the gradient before the optimizer's own rule,
 * in this order (PyTorch's order for clipping, {@code maximize} and weight decay):
 *
 * <pre>
 *   s  = min(1, clipNorm / (‖g‖₂ + 1e-6))        global norm over all parameter groups ({@link Clip})
 *   g ← clamp(s·g, −clipValue, clipValue)          ({@code clip_grad_value_})
 *   g ← −g                                          if maximize
 *   g ← g + λ·θ                                     coupled (L2) weight decay, λ = weightDecay · group multiplier
 * </pre>
 *
 * <p>Clipping never modifies the caller's gradient array: it is fused into the update pass (the
 * norm takes one extra read pass over the gradients). Clipping by norm is defined once, in
 * {@link Clip}, which the trainer's {@code clipNorm} uses too. In specs the fields are the keys
 * {@code weight_decay} ({@code coupled_weight_decay} for {@link AdamW} and {@link Lion}),
 * {@code maximize}, {@code clip_norm} and {@code clip_value}; a spec writes them only when set.
 *
 * @param weightDecay coupled weight decay λ ≥ 0 (PyTorch's {@code weight_decay}); default 0.
 *     For {@link AdamW} and {@link Lion} this is <em>in addition to</em> their decoupled decay.
 * @param maximize ascend the objective instead of descending; default false
 * @param clipNorm the maximum global gradient norm, &gt; 0; {@code +∞} (the default) is off
 * @param clipValue the maximum absolute gradient entry, &gt; 0; {@code +∞} (the default) is off
 */
public record Options(double weightDecay, boolean maximize, double clipNorm, double clipValue) {

    /** No weight decay, minimize, no clipping. */
    public static final Options NONE = new Options(0, false, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the key out of range
     */
    public Options {
        Check.nonNegative("weight_decay", weightDecay);
        Check.positiveOrInfinite("clip_norm", clipNorm);
        Check.positiveOrInfinite("clip_value", clipValue);
    }

    /**
     * A copy with coupled weight decay λ.
     *
     * @param weightDecay λ, finite, ≥ 0
     * @return the copy
     */
    public Options withWeightDecay(double weightDecay) {
        return new Options(weightDecay, maximize, clipNorm, clipValue);
    }

    /**
     * A copy that maximizes (or minimizes).
     *
     * @param maximize whether to ascend
     * @return the copy
     */
    public Options withMaximize(boolean maximize) {
        return new Options(weightDecay, maximize, clipNorm, clipValue);
    }

    /**
     * A copy that clips the global gradient norm to {@code clipNorm} ({@link Clip}).
     *
     * @param clipNorm the maximum norm, &gt; 0 (+∞: off)
     * @return the copy
     */
    public Options withClipNorm(double clipNorm) {
        return new Options(weightDecay, maximize, clipNorm, clipValue);
    }

    /**
     * A copy that clips each gradient entry to [−clipValue, clipValue].
     *
     * @param clipValue the maximum absolute entry, &gt; 0 (+∞: off)
     * @return the copy
     */
    public Options withClipValue(double clipValue) {
        return new Options(weightDecay, maximize, clipNorm, clipValue);
    }
}
