package dev.descent.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuasiNewtonTest {

    private static final double TOL = 1e-10;

    @Test
    void bfgsUpdateSatisfiesTheSecantEquation() {
        int n = 6;
        Random r = new Random(3);
        double[] A = TestFunctions.spd(n, 11);
        BfgsDirection bfgs = new BfgsDirection(n);
        for (int k = 0; k < 5; k++) {
            double[][] sy = TestFunctions.curvaturePair(r, A, n);
            bfgs.update(sy[0], sy[1], 1);
            double[] H = bfgs.inverseHessian();
            for (int i = 0; i < n; i++) {
                double hy = 0;
                for (int j = 0; j < n; j++) {
                    hy += H[i * n + j] * sy[1][j];
                }
                assertThat(hy).as("(H⁺y)_%d after update %d", i, k).isCloseTo(sy[0][i], within(1e-10 * (1 + Math.abs(sy[0][i]))));
            }
            // symmetric
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    assertThat(H[i * n + j]).isCloseTo(H[j * n + i], within(1e-12));
                }
            }
        }
    }

    @Test
    void lbfgsSatisfiesTheSecantEquationForTheNewestPairAndSkipsNegativeCurvature() {
        int n = 7;
        Random r = new Random(5);
        double[] A = TestFunctions.spd(n, 13);
        LbfgsDirection l = new LbfgsDirection(n, 3);
        double[][] sy = null;
        for (int k = 0; k < 5; k++) {
            sy = TestFunctions.curvaturePair(r, A, n);
            l.update(sy[0], sy[1], 1);
        }
        assertThat(l.pairs()).isEqualTo(3);
        double[] negY = new double[n];
        for (int i = 0; i < n; i++) {
            negY[i] = -sy[1][i];
        }
        double[] d = new double[n];
        l.compute(new double[n], negY, d); // d = −H(−y) = Hy
        for (int i = 0; i < n; i++) {
            assertThat(d[i]).isCloseTo(sy[0][i], within(1e-10 * (1 + Math.abs(sy[0][i]))));
        }
        double[] bad = sy[0].clone();
        for (int i = 0; i < n; i++) {
            bad[i] = -bad[i];
        }
        l.update(sy[0], bad, 1); // sᵀy < 0: skipped
        l.compute(new double[n], negY, d);
        for (int i = 0; i < n; i++) {
            assertThat(d[i]).isCloseTo(sy[0][i], within(1e-10 * (1 + Math.abs(sy[0][i]))));
        }
    }

    /**
     * A textbook L-BFGS (Nocedal–Wright Algorithm 7.4/7.5: lists of pairs, fresh arrays every
     * iteration, γ = sᵀy/yᵀy) sharing only the Moré–Thuente line search with production.
     */
    private static List<double[]> textbookLbfgs(Objective obj, double[] x0, int m, int iters) {
        int n = x0.length;
        List<double[]> S = new ArrayList<>();
        List<double[]> Y = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        double[] x = x0.clone();
        double[] g = new double[n];
        double f = obj.evaluate(x, g);
        xs.add(x.clone());
        for (int k = 0; k < iters; k++) {
            double[] q = g.clone();
            int mk = S.size();
            double[] a = new double[mk];
            for (int i = mk - 1; i >= 0; i--) {
                a[i] = dot(S.get(i), q) / dot(Y.get(i), S.get(i));
                for (int j = 0; j < n; j++) {
                    q[j] -= a[i] * Y.get(i)[j];
                }
            }
            double gamma = mk == 0 ? 1 : dot(S.get(mk - 1), Y.get(mk - 1)) / dot(Y.get(mk - 1), Y.get(mk - 1));
            double[] rvec = new double[n];
            for (int j = 0; j < n; j++) {
                rvec[j] = gamma * q[j];
            }
            for (int i = 0; i < mk; i++) {
                double b = dot(Y.get(i), rvec) / dot(Y.get(i), S.get(i));
                for (int j = 0; j < n; j++) {
                    rvec[j] += S.get(i)[j] * (a[i] - b);
                }
            }
            double[] d = new double[n];
            for (int j = 0; j < n; j++) {
                d[j] = -rvec[j];
            }
            double alpha0 = mk == 0 ? 1 / Math.sqrt(dot(d, d)) : 1;
            final double[] xk = x.clone();
            final double[] gk = g.clone();
            double[] xt = new double[n];
            double[] gt = new double[n];
            LineFunction phi = new LineFunction() {
                double dphi;

                @Override
                public double evaluate(double alpha) {
                    for (int j = 0; j < n; j++) {
                        xt[j] = xk[j] + alpha * d[j];
                    }
                    double v = obj.evaluate(xt, gt);
                    dphi = dot(gt, d);
                    return v;
                }

                @Override
                public double derivative() {
                    return dphi;
                }
            };
            LineStep st = MoreThuente.DEFAULT.search(phi, f, dot(gk, d), alpha0);
            assertThat(st.outcome()).isEqualTo(LineStep.Outcome.SATISFIED);
            double[] s = new double[n];
            double[] y = new double[n];
            for (int j = 0; j < n; j++) {
                s[j] = xt[j] - xk[j];
                y[j] = gt[j] - gk[j];
            }
            if (dot(s, y) > 0) {
                S.add(s);
                Y.add(y);
                if (S.size() > m) {
                    S.removeFirst();
                    Y.removeFirst();
                }
            }
            x = xt.clone();
            g = gt.clone();
            f = st.phi();
            xs.add(x.clone());
        }
        return xs;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void productionLbfgsMatchesTextbookOverTheFirst20Iterates() {
        int n = 10;
        int m = 4; // small, so that the ring buffer wraps several times
        Objective f = TestFunctions.rosenbrock(n, false);
        double[] x0 = TestFunctions.rosenbrockStart(n);
        x0[0] = -1.0; // break the symmetry between the pairs
        x0[3] = 0.5;
        List<double[]> ref = textbookLbfgs(f, x0, m, 20);
        Result r = Minimize.run(f, x0, new Method.Lbfgs(m, MoreThuente.DEFAULT),
                Settings.DEFAULTS.withGradTol(0).withMaxIterations(20).withTrace(true));
        assertThat(r.trace()).hasSize(21);
        for (int k = 0; k <= 20; k++) {
            double[] xp = r.trace().get(k).x();
            double[] xr = ref.get(k);
            for (int i = 0; i < n; i++) {
                assertThat(xp[i]).as("x_%d[%d]", k, i).isCloseTo(xr[i], within(TOL * (1 + Math.abs(xr[i]))));
            }
        }
    }
}
