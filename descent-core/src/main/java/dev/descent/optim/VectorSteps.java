package dev.descent.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels of {@link ScalarSteps} written with the Vector API (SIMD lanes of the preferred
 * width), with the same float32 operations in the same order, so that the results are
 * bit-identical. The tail that does not fill a vector runs through the scalar kernel. This class
 * is touched only when {@link Kernels} found the {@code jdk.incubator.vector} module.
 */
final class VectorSteps {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorSteps() {}

    static String describe() {
        return "Vector API, " + S.length() + " float lanes (" + S.vectorBitSize() + "-bit)";
    }

    private static FloatVector prep(float[] g, FloatVector p, int i, float scale, float clipValue, float lambda) {
        return FloatVector.fromArray(S, g, i).mul(scale).max(-clipValue).min(clipValue).add(p.mul(lambda));
    }

    /** {@link ScalarSteps#ema} on a vector of lanes: a ← a·β + x·(1 − β), stored and returned. */
    private static FloatVector ema(float[] a, int i, FloatVector x, float beta, float oneMinusBeta) {
        FloatVector r = FloatVector.fromArray(S, a, i).mul(beta).add(x.mul(oneMinusBeta));
        r.intoArray(a, i);
        return r;
    }

    private static FloatVector sqrt(FloatVector x) {
        return x.lanewise(VectorOperators.SQRT);
    }

    private static int end(int from, int to) {
        return from + S.loopBound(to - from);
    }

    /**
     * {@link ScalarSteps#sumSquares} with SIMD lanes: the 16 partial sums live in 16 / L vectors
     * of L lanes (L = 16, 8 or 4; other widths use the scalar kernel), with the same float32
     * operations and the same order of the float64 additions, so the result is bit-identical.
     */
    static double sumSquares(float[] x, int from, int to) {
        int lanes = S.length();
        if (lanes != 16 && lanes != 8 && lanes != 4) {
            return ScalarSteps.sumSquares(x, from, to);
        }
        int per = ScalarSteps.SUM_LANES / lanes;
        double s = 0;
        int i = from;
        while (to - i >= ScalarSteps.SUM_LANES) {
            int end = i + Math.min(ScalarSteps.SUM_BLOCK, (to - i) / ScalarSteps.SUM_LANES * ScalarSteps.SUM_LANES);
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            for (; i < end; i += ScalarSteps.SUM_LANES) {
                FloatVector v0 = FloatVector.fromArray(S, x, i);
                a0 = a0.add(v0.mul(v0));
                if (per > 1) {
                    FloatVector v1 = FloatVector.fromArray(S, x, i + lanes);
                    a1 = a1.add(v1.mul(v1));
                }
                if (per > 2) {
                    FloatVector v2 = FloatVector.fromArray(S, x, i + 2 * lanes);
                    FloatVector v3 = FloatVector.fromArray(S, x, i + 3 * lanes);
                    a2 = a2.add(v2.mul(v2));
                    a3 = a3.add(v3.mul(v3));
                }
            }
            s = addLanes(s, a0);
            if (per > 1) {
                s = addLanes(s, a1);
            }
            if (per > 2) {
                s = addLanes(s, a2);
                s = addLanes(s, a3);
            }
        }
        for (; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Double.isFinite(s) ? s : ScalarSteps.sumSquaresDouble(x, from, to);
    }

    private static double addLanes(double s, FloatVector a) {
        for (int k = 0; k < a.length(); k++) {
            s += a.lane(k);
        }
        return s;
    }

    static void sgd(float[] p, float[] g, int from, int to, float scale, float clipValue, float lambda, float negLr) {
        int i = from;
        for (int n = end(from, to); i < n; i += S.length()) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = prep(g, pv, i, scale, clipValue, lambda);
            pv.add(d.mul(negLr)).intoArray(p, i);
        }
        ScalarSteps.sgd(p, g, i, to, scale, clipValue, lambda, negLr);
    }

    static void momentum(float[] p, float[] g, float[] buf, int from, int to, float scale, float clipValue,
            float lambda, float mu, float oneMinusDampening, boolean first, boolean nesterov, float negLr) {
        int i = from;
        for (int n = end(from, to); i < n; i += S.length()) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = prep(g, pv, i, scale, clipValue, lambda);
            FloatVector b = first ? d : FloatVector.fromArray(S, buf, i).mul(mu).add(d.mul(oneMinusDampening));
            b.intoArray(buf, i);
            FloatVector u = nesterov ? d.add(b.mul(mu)) : b;
            pv.add(u.mul(negLr)).intoArray(p, i);
        }
        ScalarSteps.momentum(p, g, buf, i, to, scale, clipValue, lambda, mu, oneMinusDampening, first, nesterov, negLr);
    }

    static void adagrad(float[] p, float[] g, float[] sum, int from, int to, float scale, float clipValue,
            float lambda, float eps, float negClr) {
        int i = from;
        for (int n = end(from, to); i < n; i += S.length()) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = prep(g, pv, i, scale, clipValue, lambda);
            FloatVector s = FloatVector.fromArray(S, sum, i).add(d.mul(d));
            s.intoArray(sum, i);
            FloatVector std = sqrt(s).add(eps);
            pv.add(d.div(std).mul(negClr)).intoArray(p, i);
        }
        ScalarSteps.adagrad(p, g, sum, i, to, scale, clipValue, lambda, eps, negClr);
    }

    static void rmsprop(float[] p, float[] g, float[] sq, float[] ga, float[] buf, int from, int to, float scale,
            float clipValue, float lambda, float alpha, float oneMinusAlpha, float eps, float mu, float sqrtBc2,
            float negLr) {
        int i = from;
        for (int n = end(from, to); i < n; i += S.length()) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = prep(g, pv, i, scale, clipValue, lambda);
            FloatVector s = ema(sq, i, d.mul(d), alpha, oneMinusAlpha);
            FloatVector avg;
            if (ga != null) {
                FloatVector a = ema(ga, i, d, alpha, oneMinusAlpha);
                avg = sqrt(s.sub(a.mul(a))).add(eps);
            } else {
                avg = sqrt(s).div(sqrtBc2).add(eps);
            }
            if (buf != null) {
                FloatVector b = FloatVector.fromArray(S, buf, i).mul(mu).add(d.div(avg));
                b.intoArray(buf, i);
                pv.add(b.mul(negLr)).intoArray(p, i);
            } else {
                pv.add(d.div(avg).mul(negLr)).intoArray(p, i);
            }
        }
        ScalarSteps.rmsprop(p, g, sq, ga, buf, i, to, scale, clipValue, lambda, alpha, oneMinusAlpha, eps, mu,
                sqrtBc2, negLr);
    }

    static void adam(float[] p, float[] g, float[] m, float[] v, float[] vmax, int from, int to, float scale,
            float clipValue, float lambda, float decay, float beta1, float oneMinusBeta1, float beta2,
            float oneMinusBeta2, float sqrtBc2, float eps, float negStep) {
        int i = from;
        for (int n = end(from, to); i < n; i += S.length()) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = prep(g, pv, i, scale, clipValue, lambda);
            FloatVector mi = ema(m, i, d, beta1, oneMinusBeta1);
            FloatVector vi = ema(v, i, d.mul(d), beta2, oneMinusBeta2);
            if (vmax != null) {
                vi = FloatVector.fromArray(S, vmax, i).max(vi);
                vi.intoArray(vmax, i);
            }
            FloatVector denom = sqrt(vi).div(sqrtBc2).add(eps);
            pv.mul(decay).add(mi.div(denom).mul(negStep)).intoArray(p, i);
        }
        ScalarSteps.adam(p, g, m, v, vmax, i, to, scale, clipValue, lambda, decay, beta1, oneMinusBeta1, beta2,
                oneMinusBeta2, sqrtBc2, eps, negStep);
    }

    /**
     * {@link ScalarSteps#plainAdam} on vectors of lanes. A method of its own, not a branch of
     * {@link #adam}: with both loops in one method the JIT left some vector operations boxed
     * (AllocationTest).
     */
    static void plainAdam(float[] p, float[] g, float[] m, float[] v, int from, int to, float beta1,
            float oneMinusBeta1, float beta2, float oneMinusBeta2, float sqrtBc2, float eps, float negStep) {
        int i = from;
        for (int n = end(from, to); i < n; i += S.length()) {
            FloatVector d = FloatVector.fromArray(S, g, i);
            FloatVector mi = ema(m, i, d, beta1, oneMinusBeta1);
            FloatVector vi = ema(v, i, d.mul(d), beta2, oneMinusBeta2);
            FloatVector denom = sqrt(vi).div(sqrtBc2).add(eps);
            FloatVector.fromArray(S, p, i).add(mi.div(denom).mul(negStep)).intoArray(p, i);
        }
        ScalarSteps.plainAdam(p, g, m, v, i, to, beta1, oneMinusBeta1, beta2, oneMinusBeta2, sqrtBc2, eps, negStep);
    }

    static void nadam(float[] p, float[] g, float[] m, float[] v, int from, int to, float scale, float clipValue,
            float lambda, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float bc2, float eps,
            float c1, float c2) {
        int i = from;
        for (int n = end(from, to); i < n; i += S.length()) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = prep(g, pv, i, scale, clipValue, lambda);
            FloatVector mi = ema(m, i, d, beta1, oneMinusBeta1);
            FloatVector vi = ema(v, i, d.mul(d), beta2, oneMinusBeta2);
            FloatVector denom = sqrt(vi.div(bc2)).add(eps);
            FloatVector q = pv.add(d.div(denom).mul(c1));
            q.add(mi.div(denom).mul(c2)).intoArray(p, i);
        }
        ScalarSteps.nadam(p, g, m, v, i, to, scale, clipValue, lambda, beta1, oneMinusBeta1, beta2, oneMinusBeta2,
                bc2, eps, c1, c2);
    }

    static void radam(float[] p, float[] g, float[] m, float[] v, int from, int to, float scale, float clipValue,
            float lambda, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float bc1, float lr,
            boolean rectified, float sqrtBc2, float eps, float rect) {
        int i = from;
        for (int n = end(from, to); i < n; i += S.length()) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = prep(g, pv, i, scale, clipValue, lambda);
            FloatVector mi = ema(m, i, d, beta1, oneMinusBeta1);
            FloatVector vi = ema(v, i, d.mul(d), beta2, oneMinusBeta2);
            FloatVector step = mi.div(bc1).mul(lr);
            if (rectified) {
                FloatVector adaptive = FloatVector.broadcast(S, 1f).div(sqrt(vi).add(eps)).mul(sqrtBc2);
                step = step.mul(adaptive).mul(rect);
            }
            pv.sub(step).intoArray(p, i);
        }
        ScalarSteps.radam(p, g, m, v, i, to, scale, clipValue, lambda, beta1, oneMinusBeta1, beta2, oneMinusBeta2,
                bc1, lr, rectified, sqrtBc2, eps, rect);
    }

    static void adamax(float[] p, float[] g, float[] m, float[] u, int from, int to, float scale, float clipValue,
            float lambda, float beta1, float oneMinusBeta1, float beta2, float eps, float negClr) {
        int i = from;
        for (int n = end(from, to); i < n; i += S.length()) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = prep(g, pv, i, scale, clipValue, lambda);
            FloatVector mi = ema(m, i, d, beta1, oneMinusBeta1);
            FloatVector ui = FloatVector.fromArray(S, u, i).mul(beta2).max(d.abs().add(eps));
            ui.intoArray(u, i);
            pv.add(mi.div(ui).mul(negClr)).intoArray(p, i);
        }
        ScalarSteps.adamax(p, g, m, u, i, to, scale, clipValue, lambda, beta1, oneMinusBeta1, beta2, eps, negClr);
    }

    static void adadelta(float[] p, float[] g, float[] sq, float[] acc, int from, int to, float scale,
            float clipValue, float lambda, float rho, float oneMinusRho, float eps, float negLr) {
        int i = from;
        for (int n = end(from, to); i < n; i += S.length()) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = prep(g, pv, i, scale, clipValue, lambda);
            FloatVector s = ema(sq, i, d.mul(d), rho, oneMinusRho);
            FloatVector std = sqrt(s.add(eps));
            FloatVector a = FloatVector.fromArray(S, acc, i);
            FloatVector delta = sqrt(a.add(eps)).div(std).mul(d);
            a.mul(rho).add(delta.mul(delta).mul(oneMinusRho)).intoArray(acc, i);
            pv.add(delta.mul(negLr)).intoArray(p, i);
        }
        ScalarSteps.adadelta(p, g, sq, acc, i, to, scale, clipValue, lambda, rho, oneMinusRho, eps, negLr);
    }

    static void lion(float[] p, float[] g, float[] m, int from, int to, float scale, float clipValue, float lambda,
            float decay, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float negLr) {
        int i = from;
        for (int n = end(from, to); i < n; i += S.length()) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = prep(g, pv, i, scale, clipValue, lambda);
            FloatVector mv = FloatVector.fromArray(S, m, i);
            FloatVector c = mv.mul(beta1).add(d.mul(oneMinusBeta1));
            // sign(c) as Math.signum: ±1, and c itself for ±0 and NaN
            VectorMask<Float> pos = c.compare(VectorOperators.GT, 0f);
            VectorMask<Float> neg = c.compare(VectorOperators.LT, 0f);
            FloatVector sign = c.blend(1f, pos).blend(-1f, neg);
            pv.mul(decay).add(sign.mul(negLr)).intoArray(p, i);
            mv.mul(beta2).add(d.mul(oneMinusBeta2)).intoArray(m, i);
        }
        ScalarSteps.lion(p, g, m, i, to, scale, clipValue, lambda, decay, beta1, oneMinusBeta1, beta2, oneMinusBeta2,
                negLr);
    }
}
