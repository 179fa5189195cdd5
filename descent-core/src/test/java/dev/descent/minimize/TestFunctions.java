package dev.descent.minimize;

/** Small objectives defined in the tests, independent of the problems catalogue. */
final class TestFunctions {

    private TestFunctions() {}

    /** Extended Rosenbrock (pairs form, as liblbfgs' sample), with Hessian; n even. */
    static Objective rosenbrock(int n, boolean withHessian) {
        Objective f = Objective.of(n, (x, g) -> {
            double fx = 0;
            for (int i = 0; i < n; i += 2) {
                double t1 = 1 - x[i];
                double t2 = 10 * (x[i + 1] - x[i] * x[i]);
                g[i + 1] = 20 * t2;
                g[i] = -2 * (x[i] * g[i + 1] + t1);
                fx += t1 * t1 + t2 * t2;
            }
            return fx;
        });
        return !withHessian ? f : f.withHessian((x, h) -> {
            java.util.Arrays.fill(h, 0);
            for (int i = 0; i < n; i += 2) {
                h[i * n + i] = 2 - 400 * x[i + 1] + 1200 * x[i] * x[i];
                h[i * n + i + 1] = -400 * x[i];
                h[(i + 1) * n + i] = -400 * x[i];
                h[(i + 1) * n + i + 1] = 200;
            }
        });
    }

    static double[] rosenbrockStart(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i += 2) {
            x[i] = -1.2;
            x[i + 1] = 1;
        }
        return x;
    }

    /** f(x) = ½xᵀAx − bᵀx with A = QDQᵀ symmetric positive definite (seeded), with Hessian. */
    static Objective quadratic(double[] A, double[] b) {
        int n = b.length;
        return Objective.of(n, (x, g) -> {
            double f = 0;
            for (int i = 0; i < n; i++) {
                double ax = 0;
                for (int j = 0; j < n; j++) {
                    ax += A[i * n + j] * x[j];
                }
                g[i] = ax - b[i];
                f += 0.5 * x[i] * ax - b[i] * x[i];
            }
            return f;
        }).withHessian((x, h) -> System.arraycopy(A, 0, h, 0, n * n));
    }

    /** A random SPD matrix BᵀB + n·I, seeded. */
    static double[] spd(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[] B = new double[n * n];
        for (int i = 0; i < B.length; i++) {
            B[i] = r.nextGaussian();
        }
        double[] A = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += B[k * n + i] * B[k * n + j];
                }
                A[i * n + j] = s + (i == j ? 1 : 0);
            }
        }
        return A;
    }

    /** Random pairs with sᵀy &gt; 0: y = A s for an SPD A, plus a little noise. */
    static double[][] curvaturePair(java.util.Random r, double[] A, int n) {
        double[] s = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += A[i * n + j] * s[j];
            }
            y[i] = v + 0.01 * r.nextGaussian();
        }
        return new double[][] {s, y};
    }
}
