package dev.descent.optim;

import java.util.SplittableRandom;

/** Test helpers: seeded problems and trajectories of an optimizer. */
final class Trajectories {

    private Trajectories() {}

    /** A seeded non-quadratic problem g(x) = a·(x − c) + 0.1·x³ over n parameters. */
    record Problem(float[] a, float[] c, float[] x0) {
        static Problem random(int n, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            float[] a = new float[n];
            float[] c = new float[n];
            float[] x0 = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = (float) (0.2 + 3 * r.nextDouble());
                c[i] = (float) (4 * r.nextDouble() - 2);
                x0[i] = (float) (4 * r.nextDouble() - 2);
            }
            return new Problem(a, c, x0);
        }

        void grad(float[] x, float[] g) {
            OptimizerGoldenTest.grad(x, a, c, g);
        }
    }

    /** Runs {@code steps} steps from the problem's start; {@code sign} −1 feeds the negated gradient. */
    static float[] run(Optimizer opt, Problem p, int steps, double lr, float sign) {
        float[] x = p.x0().clone();
        float[] g = new float[x.length];
        for (int t = 0; t < steps; t++) {
            p.grad(x, g);
            for (int i = 0; i < g.length; i++) {
                g[i] *= sign;
            }
            opt.step(x, g, lr);
        }
        return x;
    }

    static float[] run(Optimizer opt, Problem p, int steps, double lr) {
        return run(opt, p, steps, lr, 1f);
    }
}
