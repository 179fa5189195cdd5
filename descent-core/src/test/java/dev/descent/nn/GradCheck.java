package dev.descent.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Central-difference gradient checks in double precision around float32 code.
 *
 * <p>The scalar checked is L = Σ rᵢ yᵢ for a fixed random r, summed in double from the float32
 * outputs; the analytic gradient is backward with dy = r. Each input or parameter u is moved to
 * the float32 values u⁺ = fl(u + h) and u⁻ = fl(u − h), and the difference quotient divides by
 * the true step u⁺ − u⁻, so the rounding of the perturbation itself does not count against the
 * code. An entry passes when |analytic − numeric| ≤ atol + rtol·max(|analytic|, |numeric|).
 * With h = 1e-2 the float32 noise in L (≈ 1e-7 relative) contributes ≈ 1e-4 and the truncation
 * O(h²) ≈ 1e-4, far below rtol = 1e-2, while a wrong derivative is off by O(1):
 * {@code GradCheckTest.rejectsAWrongDerivative} shows the check failing on one.
 */
final class GradCheck {

    static final double H = 1e-2;
    static final double RTOL = 1e-2;
    static final double ATOL = 1e-3;

    interface Forward {
        void run(float[] w, float[] x, float[] y);
    }

    interface Backward {
        void run(float[] w, float[] g, float[] x, float[] y, float[] dy, float[] dx);
    }

    private GradCheck() {}

    static double[] randomR(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextDouble() * 2 - 1;
        }
        return out;
    }

    static float[] random(int n, double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (scale * (r.nextDouble() * 2 - 1));
        }
        return out;
    }

    private static double objective(Forward f, float[] w, float[] x, float[] y, double[] r) {
        f.run(w, x, y);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += r[i] * y[i];
        }
        return s;
    }

    /** Returns a list of mismatches ("x[3]: analytic a, numeric n"), empty when the check passes. */
    static List<String> check(Forward f, Backward b, float[] w, float[] x, int outLen, long seed) {
        double[] r = randomR(outLen, seed);
        float[] y = new float[outLen];
        float[] dy = new float[outLen];
        for (int i = 0; i < outLen; i++) {
            dy[i] = (float) r[i];
        }
        f.run(w, x, y);
        float[] g = new float[w.length];
        float[] dx = new float[x.length];
        b.run(w, g, x, y, dy, dx);
        // dy was rounded to float: use the rounded weights in the objective too
        for (int i = 0; i < outLen; i++) {
            r[i] = dy[i];
        }
        List<String> bad = new ArrayList<>();
        compare("x", x, dx, f, w, x, y, r, bad);
        compare("w", w, g, f, w, x, y, r, bad);
        return bad;
    }

    private static void compare(String name, float[] u, float[] analytic, Forward f, float[] w, float[] x,
                                float[] y, double[] r, List<String> bad) {
        for (int i = 0; i < u.length; i++) {
            float saved = u[i];
            float up = (float) (saved + H);
            float down = (float) (saved - H);
            u[i] = up;
            double lp = objective(f, w, x, y, r);
            u[i] = down;
            double lm = objective(f, w, x, y, r);
            u[i] = saved;
            double numeric = (lp - lm) / ((double) up - (double) down);
            double a = analytic[i];
            if (!(Math.abs(a - numeric) <= ATOL + RTOL * Math.max(Math.abs(a), Math.abs(numeric)))) {
                bad.add(name + "[" + i + "]: analytic " + a + ", numeric " + numeric);
            }
        }
    }
}
