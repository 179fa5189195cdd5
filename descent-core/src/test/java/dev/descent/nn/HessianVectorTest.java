package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import dev.descent.data.Dataset;
import dev.descent.train.ModelObjective;
import org.junit.jupiter.api.Test;

/** Hessian-vector products: exact softmax regression against an explicit Hessian, and finite differences. */
class HessianVectorTest {

    private static double[] randomVector(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() * 2 - 1;
        }
        return v;
    }

    private static double relErr(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num / den);
    }

    /**
     * The explicit Hessian of softmax regression in double, from its definition:
     * H = (1/n) Σ (diag p − p pᵀ) ⊗ x̃ x̃ᵀ with x̃ = (x, 1), in the model's layout (W row-major, then b).
     */
    private static double[] explicitHessianTimes(float[] w, float[] x, int n, int d, int k, double[] v) {
        int np = k * d + k;
        double[] h = new double[np * np];
        for (int s = 0; s < n; s++) {
            double[] z = new double[k];
            double m = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double t = w[k * d + c];
                for (int i = 0; i < d; i++) {
                    t += (double) w[c * d + i] * x[s * d + i];
                }
                z[c] = t;
                m = Math.max(m, t);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(z[c] - m);
            }
            double[] p = new double[k];
            for (int c = 0; c < k; c++) {
                p[c] = Math.exp(z[c] - m) / sum;
            }
            for (int a = 0; a < k; a++) {
                for (int c = 0; c < k; c++) {
                    double sac = (a == c ? p[a] : 0) - p[a] * p[c];
                    for (int i = 0; i <= d; i++) {
                        double xi = i == d ? 1 : x[s * d + i];
                        int row = i == d ? k * d + a : a * d + i;
                        for (int j = 0; j <= d; j++) {
                            double xj = j == d ? 1 : x[s * d + j];
                            int col = j == d ? k * d + c : c * d + j;
                            h[row * np + col] += sac * xi * xj / n;
                        }
                    }
                }
            }
        }
        double[] out = new double[np];
        for (int r = 0; r < np; r++) {
            double t = 0;
            for (int c = 0; c < np; c++) {
                t += h[r * np + c] * v[c];
            }
            out[r] = t;
        }
        return out;
    }

    @Test
    void exactSoftmaxProductMatchesTheExplicitHessian() {
        int d = 6;
        int k = 4;
        int n = 37;  // more than one chunk: maxBatch 16
        Model m = Model.builder(d).dense(k, Init.XAVIER).maxBatch(16).build(3);
        float[] x = GradCheck.random(n * d, 1.5, 4);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % k;
        }
        double[] v = randomVector(m.paramCount(), 5);
        double[] hv = new double[m.paramCount()];
        ModelObjective f = new ModelObjective(m, new Dataset(x, labels, n, d, k));
        assertThat(f.hessianVector()).isPresent();
        f.hessianVector(f.initialPoint(), v, hv);
        double[] expected = explicitHessianTimes(m.params(), x, n, d, k, v);
        assertThat(relErr(hv, expected)).isLessThan(1e-5);
        // the finite-difference product agrees with the exact one
        double[] fd = new double[m.paramCount()];
        f.finiteDifferenceHessianVector(f.initialPoint(), v, fd);
        assertThat(relErr(fd, expected)).isLessThan(2e-3);
    }

    @Test
    void finiteDifferenceProductOfAnMlp() {
        Model m = ModelSpec.parse("mlp:5:tanh", 3, 3).build(8);
        m.setTraining(false);
        int n = 20;
        float[] x = GradCheck.random(n * 3, 1.5, 9);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (i * 7) % 3;
        }
        ModelObjective f = new ModelObjective(m, new Dataset(x, labels, n, 3, 3));
        assertThat(f.hessianVector()).isEmpty();
        float[] before = m.params().clone();
        double[] u = randomVector(m.paramCount(), 10);
        double[] v = randomVector(m.paramCount(), 11);
        double[] hu = new double[m.paramCount()];
        double[] hv = new double[m.paramCount()];
        f.hessianVector(f.initialPoint(), u, hu);
        f.hessianVector(f.initialPoint(), v, hv);
        assertThat(m.params()).containsExactly(before);
        // symmetry: vᵀHu = uᵀHv
        double vhu = 0;
        double uhv = 0;
        for (int i = 0; i < u.length; i++) {
            vhu += v[i] * hu[i];
            uhv += u[i] * hv[i];
        }
        assertThat(vhu).isCloseTo(uhv, within(2e-3 * (Math.abs(vhu) + 1e-3)));
        // curvature along v from function values alone: (f(θ+hv) − 2f(θ) + f(θ−hv))/h², in double
        double h = 0.05;
        float[] w = m.params();
        double f0 = m.loss(x, labels, n);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (before[i] + h * v[i]);
        }
        double fp = m.loss(x, labels, n);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (before[i] - h * v[i]);
        }
        double fm = m.loss(x, labels, n);
        System.arraycopy(before, 0, w, 0, w.length);
        double second = (fp - 2 * f0 + fm) / (h * h);
        double vhv = 0;
        for (int i = 0; i < v.length; i++) {
            vhv += v[i] * hv[i];
        }
        assertThat(vhv).isCloseTo(second, within(2e-2 * Math.abs(second) + 1e-3));
    }
}
