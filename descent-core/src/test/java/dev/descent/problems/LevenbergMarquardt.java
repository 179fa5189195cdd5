package dev.descent.problems;

/**
 * A textbook Levenberg–Marquardt for the tests (Marquardt's diagonal scaling; the damping μ is
 * divided by 3 after a successful step and doubled after a failed one): solve (JᵀJ + μ·diag(JᵀJ))δ = −Jᵀr, accept when f decreases. Independent of
 * the production minimizers; it only serves to confirm the reported minima.
 */
final class LevenbergMarquardt {

    private LevenbergMarquardt() {}

    static double[] minimize(LeastSquares p, double[] x0, int maxIter) {
        int n = p.dimension();
        int m = p.residualCount();
        double[] x = x0.clone();
        double[] r = new double[m];
        double[] jac = new double[m * n];
        double[] a = new double[n * n];
        double[] g = new double[n];
        double[] delta = new double[n];
        double[] trial = new double[n];
        double[] rt = new double[m];
        p.residuals(x, r);
        double f = dot(r, r);
        double mu = 1e-3;
        for (int iter = 0; iter < maxIter; iter++) {
            p.jacobian(x, jac);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += jac[k * n + i] * r[k];
                }
                g[i] = s;
                for (int j = 0; j < n; j++) {
                    double t = 0;
                    for (int k = 0; k < m; k++) {
                        t += jac[k * n + i] * jac[k * n + j];
                    }
                    a[i * n + j] = t;
                }
            }
            boolean accepted = false;
            for (int tries = 0; tries < 60 && !accepted; tries++) {
                double[] b = a.clone();
                for (int i = 0; i < n; i++) {
                    b[i * n + i] += mu * Math.max(a[i * n + i], 1e-30) + 1e-300;
                }
                if (!solve(b, g, delta, n)) {
                    mu *= 10;
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] - delta[i];
                }
                p.residuals(trial, rt);
                double ft = dot(rt, rt);
                if (ft < f) {
                    double rel = (f - ft) / Math.max(f, 1e-300);
                    System.arraycopy(trial, 0, x, 0, n);
                    System.arraycopy(rt, 0, r, 0, m);
                    f = ft;
                    mu = Math.max(mu / 3, 1e-15);
                    accepted = true;
                    if (rel < 1e-15 || f == 0) {
                        return x;
                    }
                } else {
                    mu *= 2;
                }
            }
            if (!accepted) {
                return x;
            }
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting; false when singular. */
    private static boolean solve(double[] a, double[] b, double[] x, int n) {
        double[] c = b.clone();
        for (int k = 0; k < n; k++) {
            int piv = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i * n + k]) > Math.abs(a[piv * n + k])) {
                    piv = i;
                }
            }
            if (a[piv * n + k] == 0 || !Double.isFinite(a[piv * n + k])) {
                return false;
            }
            if (piv != k) {
                for (int j = 0; j < n; j++) {
                    double t = a[k * n + j];
                    a[k * n + j] = a[piv * n + j];
                    a[piv * n + j] = t;
                }
                double t = c[k];
                c[k] = c[piv];
                c[piv] = t;
            }
            for (int i = k + 1; i < n; i++) {
                double l = a[i * n + k] / a[k * n + k];
                for (int j = k; j < n; j++) {
                    a[i * n + j] -= l * a[k * n + j];
                }
                c[i] -= l * c[k];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = c[i];
            for (int j = i + 1; j < n; j++) {
                s -= a[i * n + j] * x[j];
            }
            x[i] = s / a[i * n + i];
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
