package dev.descent.optim;

/**
 * Chooses the optimizer kernels once per JVM: {@link VectorSteps} (SIMD) when the
 * {@code jdk.incubator.vector} module is present (the {@code ./descent} launcher adds it), else
 * {@link ScalarSteps}. Setting the system property {@code descent.simd=false} forces the scalar
 * loops. Both give bit-identical results.
 */
final class Kernels {

    /** Whether the Vector API kernels are in use. */
    static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("descent.simd"));

    private Kernels() {}

    /** A one-line description of the kernels in use, for benchmark reports. */
    static String describe() {
        return SIMD ? VectorSteps.describe() : "scalar loops (jdk.incubator.vector absent or descent.simd=false)";
    }

    static double sumSquares(float[] x, int from, int to) {
        return SIMD ? VectorSteps.sumSquares(x, from, to) : ScalarSteps.sumSquares(x, from, to);
    }

    static void sgd(float[] p, float[] g, int from, int to, float scale, float clipValue, float lambda, float negLr) {
        if (SIMD) {
            VectorSteps.sgd(p, g, from, to, scale, clipValue, lambda, negLr);
        } else {
            ScalarSteps.sgd(p, g, from, to, scale, clipValue, lambda, negLr);
        }
    }

    static void momentum(float[] p, float[] g, float[] buf, int from, int to, float scale, float clipValue,
            float lambda, float mu, float oneMinusDampening, boolean first, boolean nesterov, float negLr) {
        if (SIMD) {
            VectorSteps.momentum(p, g, buf, from, to, scale, clipValue, lambda, mu, oneMinusDampening, first,
                    nesterov, negLr);
        } else {
            ScalarSteps.momentum(p, g, buf, from, to, scale, clipValue, lambda, mu, oneMinusDampening, first,
                    nesterov, negLr);
        }
    }

    static void adagrad(float[] p, float[] g, float[] sum, int from, int to, float scale, float clipValue,
            float lambda, float eps, float negClr) {
        if (SIMD) {
            VectorSteps.adagrad(p, g, sum, from, to, scale, clipValue, lambda, eps, negClr);
        } else {
            ScalarSteps.adagrad(p, g, sum, from, to, scale, clipValue, lambda, eps, negClr);
        }
    }

    static void rmsprop(float[] p, float[] g, float[] sq, float[] ga, float[] buf, int from, int to, float scale,
            float clipValue, float lambda, float alpha, float oneMinusAlpha, float eps, float mu, float sqrtBc2,
            float negLr) {
        if (SIMD) {
            VectorSteps.rmsprop(p, g, sq, ga, buf, from, to, scale, clipValue, lambda, alpha, oneMinusAlpha, eps, mu,
                    sqrtBc2, negLr);
        } else {
            ScalarSteps.rmsprop(p, g, sq, ga, buf, from, to, scale, clipValue, lambda, alpha, oneMinusAlpha, eps, mu,
                    sqrtBc2, negLr);
        }
    }

    static void adam(float[] p, float[] g, float[] m, float[] v, float[] vmax, int from, int to, float scale,
            float clipValue, float lambda, float decay, float beta1, float oneMinusBeta1, float beta2,
            float oneMinusBeta2, float sqrtBc2, float eps, float negStep) {
        if (scale == 1 && clipValue == Float.POSITIVE_INFINITY && lambda == 0 && decay == 1 && vmax == null) {
            if (SIMD) {
                VectorSteps.plainAdam(p, g, m, v, from, to, beta1, oneMinusBeta1, beta2, oneMinusBeta2, sqrtBc2, eps,
                        negStep);
            } else {
                ScalarSteps.plainAdam(p, g, m, v, from, to, beta1, oneMinusBeta1, beta2, oneMinusBeta2, sqrtBc2, eps,
                        negStep);
            }
        } else if (SIMD) {
            VectorSteps.adam(p, g, m, v, vmax, from, to, scale, clipValue, lambda, decay, beta1, oneMinusBeta1, beta2,
                    oneMinusBeta2, sqrtBc2, eps, negStep);
        } else {
            ScalarSteps.adam(p, g, m, v, vmax, from, to, scale, clipValue, lambda, decay, beta1, oneMinusBeta1, beta2,
                    oneMinusBeta2, sqrtBc2, eps, negStep);
        }
    }

    static void nadam(float[] p, float[] g, float[] m, float[] v, int from, int to, float scale, float clipValue,
            float lambda, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float bc2, float eps,
            float c1, float c2) {
        if (SIMD) {
            VectorSteps.nadam(p, g, m, v, from, to, scale, clipValue, lambda, beta1, oneMinusBeta1, beta2,
                    oneMinusBeta2, bc2, eps, c1, c2);
        } else {
            ScalarSteps.nadam(p, g, m, v, from, to, scale, clipValue, lambda, beta1, oneMinusBeta1, beta2,
                    oneMinusBeta2, bc2, eps, c1, c2);
        }
    }

    static void radam(float[] p, float[] g, float[] m, float[] v, int from, int to, float scale, float clipValue,
            float lambda, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float bc1, float lr,
            boolean rectified, float sqrtBc2, float eps, float rect) {
        if (SIMD) {
            VectorSteps.radam(p, g, m, v, from, to, scale, clipValue, lambda, beta1, oneMinusBeta1, beta2,
                    oneMinusBeta2, bc1, lr, rectified, sqrtBc2, eps, rect);
        } else {
            ScalarSteps.radam(p, g, m, v, from, to, scale, clipValue, lambda, beta1, oneMinusBeta1, beta2,
                    oneMinusBeta2, bc1, lr, rectified, sqrtBc2, eps, rect);
        }
    }

    static void adamax(float[] p, float[] g, float[] m, float[] u, int from, int to, float scale, float clipValue,
            float lambda, float beta1, float oneMinusBeta1, float beta2, float eps, float negClr) {
        if (SIMD) {
            VectorSteps.adamax(p, g, m, u, from, to, scale, clipValue, lambda, beta1, oneMinusBeta1, beta2, eps,
                    negClr);
        } else {
            ScalarSteps.adamax(p, g, m, u, from, to, scale, clipValue, lambda, beta1, oneMinusBeta1, beta2, eps,
                    negClr);
        }
    }

    static void adadelta(float[] p, float[] g, float[] sq, float[] acc, int from, int to, float scale,
            float clipValue, float lambda, float rho, float oneMinusRho, float eps, float negLr) {
        if (SIMD) {
            VectorSteps.adadelta(p, g, sq, acc, from, to, scale, clipValue, lambda, rho, oneMinusRho, eps, negLr);
        } else {
            ScalarSteps.adadelta(p, g, sq, acc, from, to, scale, clipValue, lambda, rho, oneMinusRho, eps, negLr);
        }
    }

    static void lion(float[] p, float[] g, float[] m, int from, int to, float scale, float clipValue, float lambda,
            float decay, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float negLr) {
        if (SIMD) {
            VectorSteps.lion(p, g, m, from, to, scale, clipValue, lambda, decay, beta1, oneMinusBeta1, beta2,
                    oneMinusBeta2, negLr);
        } else {
            ScalarSteps.lion(p, g, m, from, to, scale, clipValue, lambda, decay, beta1, oneMinusBeta1, beta2,
                    oneMinusBeta2, negLr);
        }
    }
}
