package dev.descent.problems;

import dev.descent.minimize.Objective;

/**
 * Central differences with one Richardson extrapolation, (4D(h/2) − D(h))/3, error O(h⁴), with
 * hᵢ = 1e-4·max(|xᵢ|, 1).
 */
final class Differences {

    private Differences() {}

    static double step(double xi) {
        return 1e-4 * Math.max(Math.abs(xi), 1);
    }

    /** The gradient of f by differences of values. */
    static double[] gradient(Objective f, double[] x) {
        int n = x.length;
        double[] g = new double[n];
        double[] y = x.clone();
        for (int i = 0; i < n; i++) {
            double h = step(x[i]);
            double d1 = central(f, y, i, h);
            double d2 = central(f, y, i, h / 2);
            g[i] = (4 * d2 - d1) / 3;
        }
        return g;
    }

    private static double central(Objective f, double[] y, int i, double h) {
        double xi = y[i];
        y[i] = xi + h;
        double fp = f.value(y);
        y[i] = xi - h;
        double fm = f.value(y);
        y[i] = xi;
        return (fp - fm) / (2 * h);
    }

    /** The Hessian (row-major) by differences of the analytic gradient. */
    static double[] hessian(Objective f, double[] x) {
        int n = x.length;
        double[] h = new double[n * n];
        double[] y = x.clone();
        double[] gp = new double[n];
        double[] gm = new double[n];
        double[] c1 = new double[n];
        for (int j = 0; j < n; j++) {
            double s = step(x[j]);
            gradientCentral(f, y, j, s, gp, gm, c1);
            double[] c2 = new double[n];
            gradientCentral(f, y, j, s / 2, gp, gm, c2);
            for (int i = 0; i < n; i++) {
                h[i * n + j] = (4 * c2[i] - c1[i]) / 3;
            }
        }
        return h;
    }

    private static void gradientCentral(Objective f, double[] y, int j, double s, double[] gp,
            double[] gm, double[] out) {
        double xj = y[j];
        y[j] = xj + s;
        f.evaluate(y, gp);
        y[j] = xj - s;
        f.evaluate(y, gm);
        y[j] = xj;
        for (int i = 0; i < out.length; i++) {
            out[i] = (gp[i] - gm[i]) / (2 * s);
        }
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
