package dev.descent.optim;

/**
 * The fused update kernels as plain scalar loops over [from, to): the reference for
 * {@link VectorSteps} (which must give bit-identical results) and the fallback when the
 * {@code jdk.incubator.vector} module is absent.
 *
 * <p>Every kernel first prepares the gradient, g ← clamp(gs·g, −gc, gc) + wd·θ (see
 * {@link Options}), then applies its rule in float32 with the operation order of PyTorch 1.13's
 * single-tensor implementation, so that results match PyTorch to float32 rounding.
 */
final class ScalarSteps {

    private ScalarSteps() {}

    static float prep(float g, float p, float gs, float gc, float wd) {
        return Math.min(Math.max(gs * g, -gc), gc) + wd * p;
    }

    static double sumSquares(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return s;
    }

    static void sgd(float[] p, float[] g, int from, int to, float gs, float gc, float wd, float negLr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], gs, gc, wd);
            p[i] = p[i] + negLr * d;
        }
    }

    static void momentum(float[] p, float[] g, float[] buf, int from, int to, float gs, float gc, float wd,
            float mu, float omd, boolean first, boolean nesterov, float negLr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], gs, gc, wd);
            float b = first ? d : buf[i] * mu + omd * d;
            buf[i] = b;
            float u = nesterov ? d + mu * b : b;
            p[i] = p[i] + negLr * u;
        }
    }

    static void adagrad(float[] p, float[] g, float[] sum, int from, int to, float gs, float gc, float wd,
            float eps, float negClr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], gs, gc, wd);
            float s = sum[i] + d * d;
            sum[i] = s;
            float std = (float) Math.sqrt(s) + eps;
            p[i] = p[i] + negClr * (d / std);
        }
    }

    /** ga is null unless centered, buf null unless momentum &gt; 0; bc2sqrt is 1 without bias correction. */
    static void rmsprop(float[] p, float[] g, float[] sq, float[] ga, float[] buf, int from, int to, float gs,
            float gc, float wd, float alpha, float oma, float eps, float mu, float bc2sqrt, float negLr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], gs, gc, wd);
            float s = sq[i] * alpha + oma * (d * d);
            sq[i] = s;
            float avg;
            if (ga != null) {
                float a = ga[i] * alpha + oma * d;
                ga[i] = a;
                avg = (float) Math.sqrt(s - a * a) + eps;
            } else {
                avg = (float) Math.sqrt(s) / bc2sqrt + eps;
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
    static void adam(float[] p, float[] g, float[] m, float[] v, float[] vmax, int from, int to, float gs, float gc,
            float wd, float decay, float b1, float omb1, float b2, float omb2, float bc2sqrt, float eps,
            float negStep) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], gs, gc, wd);
            float mi = m[i] * b1 + omb1 * d;
            float vi = v[i] * b2 + omb2 * (d * d);
            m[i] = mi;
            v[i] = vi;
            if (vmax != null) {
                vi = Math.max(vmax[i], vi);
                vmax[i] = vi;
            }
            float denom = (float) Math.sqrt(vi) / bc2sqrt + eps;
            p[i] = p[i] * decay + negStep * (mi / denom);
        }
    }

    static void nadam(float[] p, float[] g, float[] m, float[] v, int from, int to, float gs, float gc, float wd,
            float b1, float omb1, float b2, float omb2, float bc2, float eps, float c1, float c2) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], gs, gc, wd);
            float mi = m[i] * b1 + omb1 * d;
            float vi = v[i] * b2 + omb2 * (d * d);
            m[i] = mi;
            v[i] = vi;
            float denom = (float) Math.sqrt(vi / bc2) + eps;
            float q = p[i] + c1 * (d / denom);
            p[i] = q + c2 * (mi / denom);
        }
    }

    static void radam(float[] p, float[] g, float[] m, float[] v, int from, int to, float gs, float gc, float wd,
            float b1, float omb1, float b2, float omb2, float bc1, float lr, boolean rectified, float sqrtBc2,
            float eps, float rect) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], gs, gc, wd);
            float mi = m[i] * b1 + omb1 * d;
            float vi = v[i] * b2 + omb2 * (d * d);
            m[i] = mi;
            v[i] = vi;
            float mhat = mi / bc1;
            if (rectified) {
                float adaptive = 1f / ((float) Math.sqrt(vi) + eps) * sqrtBc2; // torch: reciprocal, then scale
                p[i] = p[i] - mhat * lr * adaptive * rect;
            } else {
                p[i] = p[i] - mhat * lr;
            }
        }
    }

    static void adamax(float[] p, float[] g, float[] m, float[] u, int from, int to, float gs, float gc, float wd,
            float b1, float omb1, float b2, float eps, float negClr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], gs, gc, wd);
            float mi = m[i] * b1 + omb1 * d;
            float ui = Math.max(u[i] * b2, Math.abs(d) + eps);
            m[i] = mi;
            u[i] = ui;
            p[i] = p[i] + negClr * (mi / ui);
        }
    }

    static void adadelta(float[] p, float[] g, float[] sq, float[] acc, int from, int to, float gs, float gc,
            float wd, float rho, float omr, float eps, float negLr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], gs, gc, wd);
            float s = sq[i] * rho + omr * (d * d);
            sq[i] = s;
            float std = (float) Math.sqrt(s + eps);
            float delta = (float) Math.sqrt(acc[i] + eps) / std * d;
            acc[i] = acc[i] * rho + omr * (delta * delta);
            p[i] = p[i] + negLr * delta;
        }
    }

    static void lion(float[] p, float[] g, float[] m, int from, int to, float gs, float gc, float wd, float decay,
            float b1, float omb1, float b2, float omb2, float negLr) {
        for (int i = from; i < to; i++) {
            float d = prep(g[i], p[i], gs, gc, wd);
            float c = m[i] * b1 + omb1 * d;
            p[i] = p[i] * decay + negLr * Math.signum(c);
            m[i] = m[i] * b2 + omb2 * d;
        }
    }
}
