package dev.descent.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LbfgsMemoryTest {

    private static final double TOL = 1e-10;

    private static double[] gaussian(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void withNoPairsTheDirectionIsSteepestDescent() {
        double[] g = {3, -4};
        double[] d = new double[2];
        double dg = new LbfgsMemory(2, 3, 0).twoLoop(g, d);
        assertThat(d).containsExactly(-3, 4);
        assertThat(dg).isEqualTo(-25);
    }

    @Test
    void satisfiesTheSecantEquationForTheNewestPair() {
        int n = 6;
        Random r = new Random(3);
        double[] A = TestFunctions.spd(n, 11);
        LbfgsMemory mem = new LbfgsMemory(n, 4, 0);
        double[][] sy = null;
        for (int k = 0; k < 7; k++) {
            sy = TestFunctions.curvaturePair(r, A, n);
            assertThat(mem.push(sy[0], sy[1])).isTrue();
        }
        assertThat(mem.pairs()).isEqualTo(4);
        double[] negY = new double[n];
        for (int i = 0; i < n; i++) {
            negY[i] = -sy[1][i];
        }
        double[] d = new double[n];
        mem.twoLoop(negY, d); // d = −H(−y) = Hy, which must be s
        for (int i = 0; i < n; i++) {
            assertThat(d[i]).isCloseTo(sy[0][i], within(TOL * (1 + Math.abs(sy[0][i]))));
        }
    }

    /**
     * With room for every pair, the two-loop recursion is BFGS from H₀ = γI (γ of the newest
     * pair): Hⱼ₊₁ = (I − ρsyᵀ) Hⱼ (I − ρysᵀ) + ρssᵀ, formed here as an explicit matrix.
     */
    @Test
    void agreesWithExplicitBfgsFromScaledIdentity() {
        int n = 5;
        int k = 4;
        Random r = new Random(8);
        double[] A = TestFunctions.spd(n, 21);
        double[][][] pairs = new double[k][][];
        LbfgsMemory mem = new LbfgsMemory(n, k, 0);
        for (int j = 0; j < k; j++) {
            pairs[j] = TestFunctions.curvaturePair(r, A, n);
            mem.push(pairs[j][0], pairs[j][1]);
        }
        double[] sN = pairs[k - 1][0], yN = pairs[k - 1][1];
        double gamma = dot(sN, yN) / dot(yN, yN);
        double[][] H = new double[n][n];
        for (int i = 0; i < n; i++) {
            H[i][i] = gamma;
        }
        for (double[][] p : pairs) {
            double[] s = p[0], y = p[1];
            double rho = 1 / dot(s, y);
            double[][] V = new double[n][n]; // I − ρ y sᵀ
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    V[i][j] = (i == j ? 1 : 0) - rho * y[i] * s[j];
                }
            }
            double[][] HV = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int l = 0; l < n; l++) {
                        HV[i][j] += H[i][l] * V[l][j];
                    }
                }
            }
            double[][] next = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = rho * s[i] * s[j];
                    for (int l = 0; l < n; l++) {
                        v += V[l][i] * HV[l][j]; // Vᵀ (H V)
                    }
                    next[i][j] = v;
                }
            }
            H = next;
        }
        double[] g = gaussian(r, n);
        double[] d = new double[n];
        double dg = mem.twoLoop(g, d);
        for (int i = 0; i < n; i++) {
            double want = 0;
            for (int j = 0; j < n; j++) {
                want -= H[i][j] * g[j];
            }
            assertThat(d[i]).isCloseTo(want, within(TOL * (1 + Math.abs(want))));
        }
        assertThat(dg).isCloseTo(dot(d, g), within(TOL * (1 + Math.abs(dg))));
        assertThat(dg).isNegative();
    }

    @Test
    void aSkippedPairLeavesAFullMemoryUntouched() {
        int n = 4;
        Random r = new Random(1);
        double[] A = TestFunctions.spd(n, 2);
        LbfgsMemory mem = new LbfgsMemory(n, 2, 1e-10);
        for (int k = 0; k < 3; k++) {
            double[][] sy = TestFunctions.curvaturePair(r, A, n);
            mem.push(sy[0], sy[1]);
        }
        double[] g = gaussian(r, n);
        double[] before = new double[n];
        mem.twoLoop(g, before);
        double[][] sy = TestFunctions.curvaturePair(r, A, n);
        for (int i = 0; i < n; i++) {
            sy[1][i] = -sy[1][i]; // sᵀy < 0
        }
        assertThat(mem.push(sy[0], sy[1])).isFalse();
        assertThat(mem.push(new double[n], sy[1])).isFalse(); // sᵀy = 0 ≤ threshold
        double[] after = new double[n];
        mem.twoLoop(g, after);
        assertThat(after).containsExactly(before);
        assertThat(mem.pairs()).isEqualTo(2);
    }

    @Test
    void keepsTheNewestPairsAndPushStepMatchesPush() {
        int n = 5;
        Random r = new Random(4);
        double[] A = TestFunctions.spd(n, 9);
        LbfgsMemory ring = new LbfgsMemory(n, 2, 0);
        LbfgsMemory fresh = new LbfgsMemory(n, 2, 0);
        LbfgsMemory steps = new LbfgsMemory(n, 2, 0);
        double[] zero = new double[n];
        for (int k = 0; k < 5; k++) {
            double[][] sy = TestFunctions.curvaturePair(r, A, n);
            ring.push(sy[0], sy[1]);
            steps.pushStep(zero, sy[0], zero, sy[1]);
            if (k >= 3) {
                fresh.push(sy[0], sy[1]);
            }
        }
        double[] g = gaussian(r, n);
        double[] d1 = new double[n], d2 = new double[n], d3 = new double[n];
        ring.twoLoop(g, d1);
        fresh.twoLoop(g, d2);
        steps.twoLoop(g, d3);
        assertThat(d1).containsExactly(d2);
        assertThat(d3).containsExactly(d2);
        ring.clear();
        ring.twoLoop(g, d1);
        for (int i = 0; i < n; i++) {
            assertThat(d1[i]).isEqualTo(-g[i]);
        }
    }

    @Test
    void rejectsBadSizes() {
        assertThatThrownBy(() -> new LbfgsMemory(0, 3, 0)).hasMessageContaining("n must be");
        assertThatThrownBy(() -> new LbfgsMemory(3, 0, 0)).hasMessageContaining("m (memory)");
        assertThatThrownBy(() -> new LbfgsMemory(3, 3, -1)).hasMessageContaining("threshold");
    }
}
