package dev.descent.stochastic;

/**
 * The sample-size tests of progressive batching and the initial step they suggest, from the
 * gradients of K parts of the sample (the batch-means estimators, unbiased for independent rows):
 * with g the sample's gradient, mⱼ and gⱼ the parts' sizes and gradients,
 * <ul>
 *   <li>tr Σ̂ = Σⱼ mⱼ‖gⱼ − g‖²/(K − 1), the per-example variance of the gradient;
 *   <li>σ̂²_ip = Σⱼ mⱼ(gⱼᵀg − ‖g‖²)²/(K − 1), the per-example variance of ∇fᵢᵀg;
 *   <li>σ̂²_⊥ = tr Σ̂ − σ̂²_ip/‖g‖², that of ∇fᵢ's component orthogonal to g.
 * </ul>
 *
 * <p><b>Augmented inner-product test</b> (Bollapragada, Mudigere, Nocedal, Shi and Tang, ICML
 * 2018, the practical test of their progressive-batching L-BFGS; the tests of Bollapragada, Byrd
 * and Nocedal, "Adaptive sampling strategies for stochastic optimization", SIAM J. Optim. 28(4),
 * 2018): the sample S passes when σ̂²_ip/|S| ≤ θ²‖g‖⁴ (inner product) and σ̂²_⊥/|S| ≤ ν²‖g‖²
 * (orthogonality, ν = {@value #NU}); when it fails, the next sample has
 * max(⌈σ̂²_ip/(θ²‖g‖⁴)⌉, ⌈σ̂²_⊥/(ν²‖g‖²)⌉) rows, the size that would pass. <b>Norm test</b>
 * (Byrd, Chin, Nocedal and Wu, Math. Program. 2012): tr Σ̂/|S| ≤ θ²‖g‖², grown to
 * ⌈tr Σ̂/(θ²‖g‖²)⌉.
 *
 * <p><b>Initial step</b> (Bollapragada et al. 2018, the stochastic line search): the first trial
 * step is α₀ = 1/(1 + tr Σ̂/(|S|·‖g‖²)), which is 1 without noise and shrinks as the noise of g
 * grows against g itself.
 */
final class SampleSizeTest {

    /** ν of the orthogonality test, the value Bollapragada, Byrd and Nocedal use. */
    static final double NU = 5.84;

    private double trace;
    private double inner;
    private double gg;

    /** Measures the variances over parts [from, to) of {@code blocks} around their mean gradient g. */
    void measure(BlockGradients blocks, int from, int to, double[] g) {
        int parts = to - from;
        gg = 0;
        for (double v : g) {
            gg += v * v;
        }
        double tr = 0;
        double ip = 0;
        for (int p = from; p < to; p++) {
            double[] gp = blocks.gradient(p);
            double e = 0;
            double a = 0;
            for (int j = 0; j < gp.length; j++) {
                double diff = gp[j] - g[j];
                e += diff * diff;
                a += gp[j] * g[j];
            }
            tr += blocks.count(p) * e;
            ip += blocks.count(p) * (a - gg) * (a - gg);
        }
        trace = parts > 1 ? tr / (parts - 1) : 0;
        inner = parts > 1 ? ip / (parts - 1) : 0;
    }

    /** tr Σ̂ of the last {@link #measure}. */
    double trace() {
        return trace;
    }

    /** σ̂²_ip of the last {@link #measure}. */
    double inner() {
        return inner;
    }

    /**
     * The next sample size: {@code batch} when the sample of {@code count} rows passes, else the
     * size that would pass, at least batch + 1 and at most {@code max}.
     */
    int next(ProgressiveBatchLbfgs.Test test, double theta, int count, int batch, int max) {
        if (!(gg > 0)) {
            return batch;
        }
        double want;
        if (test == ProgressiveBatchLbfgs.Test.NORM) {
            want = trace / (theta * theta * gg);
        } else {
            double orth = Math.max(0, trace - inner / gg);
            want = Math.max(inner / (theta * theta * gg * gg), orth / (NU * NU * gg));
        }
        if (!(want > count)) {
            return batch;
        }
        return (int) Math.min(max, Math.max((long) Math.ceil(Math.min(want, Long.MAX_VALUE / 2.0)), batch + 1L));
    }

    /** α₀ = 1/(1 + tr Σ̂/(count·‖g‖²)), in (0, 1]. */
    double initialStep(int count) {
        return gg > 0 && Double.isFinite(trace) ? 1 / (1 + trace / (count * gg)) : 1;
    }
}
