package dev.descent.train;

import dev.descent.optim.Optimizer;

/**
 * The learning-rate range test (L. N. Smith, "Cyclical Learning Rates for Training Neural
 * Networks", 2015/2017; the form popularised by fastai's {@code lr_find}): train for
 * {@code steps} mini-batches while the learning rate grows exponentially from {@code start} to
 * {@code end},
 *
 * <pre>  lrᵢ = start · (end / start)^(i / (steps − 1)),   i = 0 … steps − 1,</pre>
 *
 * record the loss of each batch, smooth it with a bias-corrected exponential moving average
 *
 * <pre>  aᵢ = β·aᵢ₋₁ + (1 − β)·Lᵢ,   a₋₁ = 0,   L̂ᵢ = aᵢ / (1 − β^(i+1)),</pre>
 *
 * and stop early once L̂ᵢ exceeds {@code divergeFactor} times the best smoothed loss so far (or a
 * loss is not finite). The parameters and the optimizer's state are restored exactly afterwards,
 * so the sweep leaves no trace on the model it probed. {@link LrFinderResult} holds the curve and
 * the suggestions (valley, steepest, minimum/10).
 *
 * <p>Defaults ({@link #defaults()}): start 1e-7, end 10, 100 steps, β = 0.98, factor 4, as in
 * fastai.
 *
 * <p>Typical use, for example by {@code train --lr auto}:
 *
 * <pre>{@code
 * LrFinderResult r = LrFinder.defaults().run(params, optimizer, (p, g) -> model.lossAndGradient(p, g, batches.next()));
 * double lr = r.suggestion();   // the valley
 * }</pre>
 *
 * @param start the first learning rate, &gt; 0
 * @param end the last learning rate, &gt; start
 * @param steps the number of mini-batches in the sweep, ≥ 2
 * @param beta the smoothing factor β of the moving average, in [0, 1)
 * @param divergeFactor stop once the smoothed loss exceeds this multiple of its best, &gt; 1
 */
public record LrFinder(double start, double end, int steps, double beta, double divergeFactor) {

    /**
     * One training step's loss on the next mini-batch: computes the loss at {@code params} and
     * writes its gradient into {@code grads}. Each call should draw a new batch.
     */
    @FunctionalInterface
    public interface BatchLoss {
        /**
         * The loss of the next mini-batch and its gradient.
         *
         * @param params the current parameters; not modified
         * @param grads overwritten with ∇L(params) on this batch
         * @return the batch loss
         */
        double lossAndGradient(float[] params, float[] grads);
    }

    /**
     * Validates the sweep.
     *
     * @throws IllegalArgumentException naming the setting out of its range
     */
    public LrFinder {
        if (!(start > 0) || !Double.isFinite(start)) {
            throw new IllegalArgumentException("lr-find start must be a finite number > 0, got " + start);
        }
        if (!(end > start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("lr-find end must be finite and greater than start (" + start + "), got " + end);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("lr-find steps must be ≥ 2, got " + steps);
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("lr-find beta must be in [0, 1), got " + beta);
        }
        if (!(divergeFactor > 1) || !Double.isFinite(divergeFactor)) {
            throw new IllegalArgumentException("lr-find divergeFactor must be a finite number > 1, got " + divergeFactor);
        }
    }

    /**
     * fastai's defaults.
     *
     * @return start 1e-7, end 10, 100 steps, β = 0.98, stop at 4× the best loss
     */
    public static LrFinder defaults() {
        return new LrFinder(1e-7, 10, 100, 0.98, 4);
    }

    /**
     * A copy with another range.
     *
     * @param start the first learning rate, &gt; 0
     * @param end the last learning rate, &gt; start
     * @param steps the number of mini-batches, ≥ 2
     * @return a copy sweeping from {@code start} to {@code end} in {@code steps} steps, with this
     *     smoothing and stopping factor
     */
    public LrFinder withRange(double start, double end, int steps) {
        return new LrFinder(start, end, steps, beta, divergeFactor);
    }

    /**
     * The learning rate of one step of the sweep.
     *
     * @param i the step, in [0, steps)
     * @return start·(end/start)^(i/(steps−1))
     */
    public double lrAt(int i) {
        return start * Math.pow(end / start, (double) i / (steps - 1));
    }

    /**
     * Runs the sweep. On return (also when {@code loss} throws) {@code params} and the
     * optimizer's state are bit-identical to what they were on entry.
     *
     * @param params the parameters, trained during the sweep and then restored
     * @param optimizer the optimizer to sweep with; its state is exported first and imported back
     * @param loss the mini-batch loss
     * @return the curve (up to the step where the sweep stopped) and its suggestions
     */
    public LrFinderResult run(float[] params, Optimizer optimizer, BatchLoss loss) {
        float[] saved = params.clone();
        byte[] state = optimizer.exportState();
        float[] grads = new float[params.length];
        double[] lrs = new double[steps];
        double[] raw = new double[steps];
        double[] smooth = new double[steps];
        int n = 0;
        boolean diverged = false;
        try {
            double avg = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < steps; i++) {
                double lr = lrAt(i);
                double l = loss.lossAndGradient(params, grads);
                lrs[n] = lr;
                raw[n] = l;
                avg = beta * avg + (1 - beta) * l;
                double s = avg / (1 - Math.pow(beta, i + 1));
                smooth[n++] = s;
                if (!Double.isFinite(s) || (i > 0 && s > divergeFactor * best)) {
                    diverged = true;
                    break;
                }
                best = Math.min(best, s);
                optimizer.step(params, grads, lr);
            }
        } finally {
            System.arraycopy(saved, 0, params, 0, params.length);
            optimizer.importState(state);
        }
        return new LrFinderResult(java.util.Arrays.copyOf(lrs, n), java.util.Arrays.copyOf(raw, n),
                java.util.Arrays.copyOf(smooth, n), diverged, steps);
    }
}
