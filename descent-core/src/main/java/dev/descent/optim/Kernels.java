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

    static void sgd(float[] p, float[] g, int from, int to, float gs, float gc, float wd, float negLr) {
        if (SIMD) {
            VectorSteps.sgd(p, g, from, to, gs, gc, wd, negLr);
        } else {
            ScalarSteps.sgd(p, g, from, to, gs, gc, wd, negLr);
        }
    }

    static void momentum(float[] p, float[] g, float[] buf, int from, int to, float gs, float gc, float wd,
            float mu, float omd, boolean first, boolean nesterov, float negLr) {
        if (SIMD) {
            VectorSteps.momentum(p, g, buf, from, to, gs, gc, wd, mu, omd, first, nesterov, negLr);
        } else {
            ScalarSteps.momentum(p, g, buf, from, to, gs, gc, wd, mu, omd, first, nesterov, negLr);
        }
    }

    static void adagrad(float[] p, float[] g, float[] sum, int from, int to, float gs, float gc, float wd,
            float eps, float negClr) {
        if (SIMD) {
            VectorSteps.adagrad(p, g, sum, from, to, gs, gc, wd, eps, negClr);
        } else {
            ScalarSteps.adagrad(p, g, sum, from, to, gs, gc, wd, eps, negClr);
        }
    }

    static void rmsprop(float[] p, float[] g, float[] sq, float[] ga, float[] buf, int from, int to, float gs,
            float gc, float wd, float alpha, float oma, float eps, float mu, float bc2sqrt, float negLr) {
        if (SIMD) {
            VectorSteps.rmsprop(p, g, sq, ga, buf, from, to, gs, gc, wd, alpha, oma, eps, mu, bc2sqrt, negLr);
        } else {
            ScalarSteps.rmsprop(p, g, sq, ga, buf, from, to, gs, gc, wd, alpha, oma, eps, mu, bc2sqrt, negLr);
        }
    }

    static void adam(float[] p, float[] g, float[] m, float[] v, float[] vmax, int from, int to, float gs, float gc,
            float wd, float decay, float b1, float omb1, float b2, float omb2, float bc2sqrt, float eps,
            float negStep) {
        if (SIMD) {
            VectorSteps.adam(p, g, m, v, vmax, from, to, gs, gc, wd, decay, b1, omb1, b2, omb2, bc2sqrt, eps, negStep);
        } else {
            ScalarSteps.adam(p, g, m, v, vmax, from, to, gs, gc, wd, decay, b1, omb1, b2, omb2, bc2sqrt, eps, negStep);
        }
    }

    static void nadam(float[] p, float[] g, float[] m, float[] v, int from, int to, float gs, float gc, float wd,
            float b1, float omb1, float b2, float omb2, float bc2, float eps, float c1, float c2) {
        if (SIMD) {
            VectorSteps.nadam(p, g, m, v, from, to, gs, gc, wd, b1, omb1, b2, omb2, bc2, eps, c1, c2);
        } else {
            ScalarSteps.nadam(p, g, m, v, from, to, gs, gc, wd, b1, omb1, b2, omb2, bc2, eps, c1, c2);
        }
    }

    static void radam(float[] p, float[] g, float[] m, float[] v, int from, int to, float gs, float gc, float wd,
            float b1, float omb1, float b2, float omb2, float bc1, float lr, boolean rectified, float sqrtBc2,
            float eps, float rect) {
        if (SIMD) {
            VectorSteps.radam(p, g, m, v, from, to, gs, gc, wd, b1, omb1, b2, omb2, bc1, lr, rectified, sqrtBc2, eps,
                    rect);
        } else {
            ScalarSteps.radam(p, g, m, v, from, to, gs, gc, wd, b1, omb1, b2, omb2, bc1, lr, rectified, sqrtBc2, eps,
                    rect);
        }
    }

    static void adamax(float[] p, float[] g, float[] m, float[] u, int from, int to, float gs, float gc, float wd,
            float b1, float omb1, float b2, float eps, float negClr) {
        if (SIMD) {
            VectorSteps.adamax(p, g, m, u, from, to, gs, gc, wd, b1, omb1, b2, eps, negClr);
        } else {
            ScalarSteps.adamax(p, g, m, u, from, to, gs, gc, wd, b1, omb1, b2, eps, negClr);
        }
    }

    static void adadelta(float[] p, float[] g, float[] sq, float[] acc, int from, int to, float gs, float gc,
            float wd, float rho, float omr, float eps, float negLr) {
        if (SIMD) {
            VectorSteps.adadelta(p, g, sq, acc, from, to, gs, gc, wd, rho, omr, eps, negLr);
        } else {
            ScalarSteps.adadelta(p, g, sq, acc, from, to, gs, gc, wd, rho, omr, eps, negLr);
        }
    }

    static void lion(float[] p, float[] g, float[] m, int from, int to, float gs, float gc, float wd, float decay,
            float b1, float omb1, float b2, float omb2, float negLr) {
        if (SIMD) {
            VectorSteps.lion(p, g, m, from, to, gs, gc, wd, decay, b1, omb1, b2, omb2, negLr);
        } else {
            ScalarSteps.lion(p, g, m, from, to, gs, gc, wd, decay, b1, omb1, b2, omb2, negLr);
        }
    }
}
