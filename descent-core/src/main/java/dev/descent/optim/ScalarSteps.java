package dev.descent.optim;

/**
 * The fused update kernels as plain scalar loops over [from, to): the reference for
 * {@link VectorSteps} (which must give bit-identical results) and the fallback when the
 * {@code jdk.incubator.vector} module is absent.
 *
 * <p>Every kernel first prepares the gradient, g ← clamp(scale·g, −clipValue, clipValue) + lambda·θ (see
 * {@link Options}), then applies its rule in float32 with the operation order of PyTorch 1.13's
 * single-tensor implementation, so that results match PyTorch to float32 rounding.
 *
 * <p>Arguments are named as the equations in the records' Javadoc: the gradient preparation
 * ({@code scale} = the clip-norm factor s of {@link Clip}, negated when maximizing;
 * {@code clipValue}; {@code lambda} = the coupled decay λ), then the rule's constants ({@code beta1}
 * = β1, {@code oneMinusBeta1} = 1 − β1 computed in float64 and rounded once, as PyTorch does;
 * {@code sqrtBc2} = √(1 − β2^t); {@code negLr} = −lr; {@code decay} = 1 − lr·λ of decoupled
 * weight decay). Arrays are named as the moments they hold (m, v, u, ...).
 */
final class ScalarSteps {

    private ScalarSteps() {}

    static float prep(float g, float p, float scale, float clipValue, float lambda) {
        return Math.min(Math.max(scale * g, -clipValue), clipValue) + lambda * p;
    }

    /**
     * The moving average every moment shares: a[i] ← a[i]·β + (1 − β)·x in float32, in this
     * order, returned.
     */
    static float ema(float[] a, int i, float x, float beta, float oneMinusBeta) {
        float r = a[i] * beta + oneMinusBeta * x;
        a[i] = r;
        return r;
    }

    /** The number of float32 lanes of {@link #sumSquares}'s partial sums. */
    static final int SUM_LANES = 16;

    /** The length of one block of {@link #sumSquares}, a multiple of {@link #SUM_LANES}. */
    static final int SUM_BLOCK = 1024;

    /**
     * Σ x² over [from, to), for the gradient norm: 16 float32 partial sums per block of 1024
     * elements (element i goes to lane (i − from) mod 16), each block's lanes added in order into a
     * float64 total, then the elements that do not fill 16 lanes. {@link VectorSteps#sumSquares}
     * computes the same operations with SIMD lanes. If the float32 sums overflow, the sum is
     * recomputed in float64.
     */
    static double sumSquares(float[] x, int from, int to) {
        double s = 0;
        int i = from;
        while (to - i >= SUM_LANES) {
            int end = i + Math.min(SUM_BLOCK, (to - i) / SUM_LANES * SUM_LANES);
            float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0,
                    a12 = 0, a13 = 0, a14 = 0, a15 = 0;
            for (; i < end; i += SUM_LANES) {
                a0 += x[i + 0] * x[i + 0];
                a1 += x[i + 1] * x[i + 1];
                a2 += x[i + 2] * x[i + 2];
                a3 += x[i + 3] * x[i + 3];
                a4 += x[i + 4] * x[i + 4];
                a5 += x[i + 5] * x[i + 5];
                a6 += x[i + 6] * x[i + 6];
                a7 += x[i + 7] * x[i + 7];
                a8 += x[i + 8] * x[i + 8];
                a9 += x[i + 9] * x[i + 9];
                a10 += x[i + 10] * x[i + 10];
                a11 += x[i + 11] * x[i + 11];
                a12 += x[i + 12] * x[i + 12];
                a13 += x[i + 13] * x[i + 13];
                a14 += x[i + 14] * x[i + 14];
                a15 += x[i + 15] * x[i + 15];
            }
            s += a0;
            s += a1;
            s += a2;
            s += a3;
            s += a4;
            s += a5;
            s += a6;
            s += a7;
            s += a8;
            s += a9;
            s += a10;
            s += a11;
            s += a12;
            s += a13;
            s += a14;
            s += a15;
        }
        for (; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Double.isFinite(s) ? s : sumSquaresDouble(x, from, to);
    }

    /** Σ x² over [from, to) entirely in float64 (the overflow path of {@link #sumSquares}). */
    static double sumSquaresDouble(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return s;
    }

    static void sgd(float[] p, float[] g, int from, int to, float scale, float clipValue, float lambda, float negLr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], scale, clipValue, lambda);
            p[i] = p[i] + negLr * d;
        }
    }

    static void momentum(float[] p, float[] g, float[] buf, int from, int to, float scale, float clipValue,
            float lambda, float mu, float oneMinusDampening, boolean first, boolean nesterov, float negLr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], scale, clipValue, lambda);
            float b = first ? d : buf[i] * mu + oneMinusDampening * d;
            buf[i] = b;
            float u = nesterov ? d + mu * b : b;
            p[i] = p[i] + negLr * u;
        }
    }

    static void adagrad(float[] p, float[] g, float[] sum, int from, int to, float scale, float clipValue,
            float lambda, float eps, float negClr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], scale, clipValue, lambda);
            float s = sum[i] + d * d;
            sum[i] = s;
            float std = (float) Math.sqrt(s) + eps;
            p[i] = p[i] + negClr * (d / std);
        }
    }

    /** ga is null unless centered, buf null unless momentum &gt; 0; sqrtBc2 is 1 without bias correction. */
    static void rmsprop(float[] p, float[] g, float[] sq, float[] ga, float[] buf, int from, int to, float scale,
            float clipValue, float lambda, float alpha, float oneMinusAlpha, float eps, float mu, float sqrtBc2,
            float negLr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], scale, clipValue, lambda);
            float s = ema(sq, i, d * d, alpha, oneMinusAlpha);
            float avg;
            if (ga != null) {
                float a = ema(ga, i, d, alpha, oneMinusAlpha);
                avg = (float) Math.sqrt(s - a * a) + eps;
            } else {
                avg = (float) Math.sqrt(s) / sqrtBc2 + eps;
            }
            if (buf != null) {
                float b = buf[i] * mu + d / avg;
                buf[i] = b;
                p[i] = p[i] + negLr * b;
            } else {
                p[i] = p[i] + negLr * (d / avg);
            }
        }
    }

    /** vmax is null unless amsgrad; decay = 1 − lr·λ for AdamW's decoupled decay, else 1. */
    static void adam(float[] p, float[] g, float[] m, float[] v, float[] vmax, int from, int to, float scale,
            float clipValue, float lambda, float decay, float beta1, float oneMinusBeta1, float beta2,
            float oneMinusBeta2, float sqrtBc2, float eps, float negStep) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], scale, clipValue, lambda);
            float mi = ema(m, i, d, beta1, oneMinusBeta1);
            float vi = ema(v, i, d * d, beta2, oneMinusBeta2);
            if (vmax != null) {
                vi = Math.max(vmax[i], vi);
                vmax[i] = vi;
            }
            float denom = (float) Math.sqrt(vi) / sqrtBc2 + eps;
            p[i] = p[i] * decay + negStep * (mi / denom);
        }
    }

    /**
     * Plain Adam (scale 1, no clipping, λ = 0, decay 1, no AMSGrad): {@link #adam} without its
     * identity operations (·1, clamps at ±∞, + θ·0, θ·1), as torch computes it, which adds θ·λ
     * only when λ ≠ 0. The same values as {@link #adam} for finite θ except for the sign of a zero
     * (−0 + θ·0 is +0 there); where θ is ±∞ or NaN, {@link #adam}'s θ·0 makes m and v NaN and
     * this kernel does not.
     */
    static void plainAdam(float[] p, float[] g, float[] m, float[] v, int from, int to, float beta1,
            float oneMinusBeta1, float beta2, float oneMinusBeta2, float sqrtBc2, float eps, float negStep) {
        for (int i = from; i < to; i++) {
            float d = g[i];
            float mi = ema(m, i, d, beta1, oneMinusBeta1);
            float vi = ema(v, i, d * d, beta2, oneMinusBeta2);
            float denom = (float) Math.sqrt(vi) / sqrtBc2 + eps;
            p[i] = p[i] + negStep * (mi / denom);
        }
    }

    static void nadam(float[] p, float[] g, float[] m, float[] v, int from, int to, float scale, float clipValue,
            float lambda, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float bc2, float eps,
            float c1, float c2) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], scale, clipValue, lambda);
            float mi = ema(m, i, d, beta1, oneMinusBeta1);
            float vi = ema(v, i, d * d, beta2, oneMinusBeta2);
            float denom = (float) Math.sqrt(vi / bc2) + eps;
            float q = p[i] + c1 * (d / denom);
            p[i] = q + c2 * (mi / denom);
        }
    }

    static void radam(float[] p, float[] g, float[] m, float[] v, int from, int to, float scale, float clipValue,
            float lambda, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float bc1, float lr,
            boolean rectified, float sqrtBc2, float eps, float rect) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], scale, clipValue, lambda);
            float mi = ema(m, i, d, beta1, oneMinusBeta1);
            float vi = ema(v, i, d * d, beta2, oneMinusBeta2);
            float mhat = mi / bc1;
            if (rectified) {
                float adaptive = 1f / ((float) Math.sqrt(vi) + eps) * sqrtBc2; // torch: reciprocal, then scale
                p[i] = p[i] - mhat * lr * adaptive * rect;
            } else {
                p[i] = p[i] - mhat * lr;
            }
        }
    }

    static void adamax(float[] p, float[] g, float[] m, float[] u, int from, int to, float scale, float clipValue,
            float lambda, float beta1, float oneMinusBeta1, float beta2, float eps, float negClr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], scale, clipValue, lambda);
            float mi = ema(m, i, d, beta1, oneMinusBeta1);
            float ui = Math.max(u[i] * beta2, Math.abs(d) + eps);
            u[i] = ui;
            p[i] = p[i] + negClr * (mi / ui);
        }
    }

    static void adadelta(float[] p, float[] g, float[] sq, float[] acc, int from, int to, float scale,
            float clipValue, float lambda, float rho, float oneMinusRho, float eps, float negLr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], scale, clipValue, lambda);
            float s = ema(sq, i, d * d, rho, oneMinusRho);
            float std = (float) Math.sqrt(s + eps);
            float delta = (float) Math.sqrt(acc[i] + eps) / std * d;
            acc[i] = acc[i] * rho + oneMinusRho * (delta * delta);
            p[i] = p[i] + negLr * delta;
        }
    }

    static void lion(float[] p, float[] g, float[] m, int from, int to, float scale, float clipValue, float lambda,
            float decay, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float negLr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], scale, clipValue, lambda);
            float c = m[i] * beta1 + oneMinusBeta1 * d;
            p[i] = p[i] * decay + negLr * Math.signum(c);
            m[i] = m[i] * beta2 + oneMinusBeta2 * d;
        }
    }
}
