package dev.descent.nn;

/**
 * How well a model does on a set of rows, in evaluation mode: the one result of
 * {@link Model#evaluate(float[], int[], int)} (classification) and
 * {@link Model#evaluate(float[], float[], int)} (regression), also returned by the trainer's
 * {@code Network.evaluate}. The scoring itself lives here, once.
 *
 * @param loss the mean loss per row, Σ_c b_c·L_c / n over chunks c of b_c rows (NaN when nothing
 *     was evaluated)
 * @param accuracy the fraction of rows classified correctly, in [0, 1]: the arg-max output equals
 *     the label, or for a single output the sign (logit &gt; 0 means class 1); NaN for regression
 *     (dense targets), where there is no accuracy
 */
public record Evaluation(double loss, double accuracy) {

    /**
     * {@return a regression result: the loss, no accuracy (NaN)}
     *
     * @param loss the mean loss
     */
    public static Evaluation ofLoss(double loss) {
        return new Evaluation(loss, Double.NaN);
    }

    /** {@return whether {@link #accuracy()} is defined (classification); false for regression} */
    public boolean hasAccuracy() {
        return !Double.isNaN(accuracy);
    }

    /** Scores n ≥ 1 checked rows against labels, chunk by chunk in evaluation mode. */
    static Evaluation of(Model m, float[] x, int[] labels, int n) {
        int k = m.outputSize();
        int cap = m.maxBatch();
        double total = 0;
        int ok = 0;
        for (int s = 0; s < n; s += cap) {
            int b = Math.min(cap, n - s);
            float[] z = m.forwardChunk(x, s, b);
            total += b * m.loss().forward(z, labels, s, b, k, null);
            for (int r = 0; r < b; r++) {
                if (predictedClass(z, r, k) == labels[s + r]) {
                    ok++;
                }
            }
        }
        return new Evaluation(total / n, (double) ok / n);
    }

    /** Scores n ≥ 1 checked rows against dense targets (n × outputSize()), chunk by chunk. */
    static Evaluation of(Model m, float[] x, float[] targets, int n) {
        int k = m.outputSize();
        int cap = m.maxBatch();
        double total = 0;
        for (int s = 0; s < n; s += cap) {
            int b = Math.min(cap, n - s);
            total += b * m.loss().forward(m.forwardChunk(x, s, b), targets, s * k, b, k, null);
        }
        return ofLoss(total / n);
    }

    /** The arg-max of output row r (the sign for a single output: logit &gt; 0 means 1). */
    static int predictedClass(float[] z, int r, int k) {
        if (k == 1) {
            return z[r] > 0 ? 1 : 0;
        }
        int pred = 0;
        for (int j = 1; j < k; j++) {
            if (z[r * k + j] > z[r * k + pred]) {
                pred = j;
            }
        }
        return pred;
    }
}
