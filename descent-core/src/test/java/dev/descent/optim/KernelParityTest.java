package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels and the scalar fallback give bit-identical results, on lengths that leave
 * a scalar tail, sub-ranges, and inputs with zeros and clipping active.
 */
class KernelParityTest {

    static final float INF = Float.POSITIVE_INFINITY;

    interface Kernel {
        void apply(float[][] a, int from, int to, boolean vector);
    }

    static float[][] arrays(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] a = new float[5][n];
        for (int i = 0; i < n; i++) {
            a[0][i] = (float) r.nextGaussian();                           // θ
            a[1][i] = i % 7 == 0 ? 0f : (float) (2 * r.nextGaussian());   // g, with zeros
            a[2][i] = (float) r.nextGaussian();                           // signed state (m, buffers)
            a[3][i] = (float) Math.abs(r.nextGaussian());                 // non-negative state (v, u)
            a[4][i] = a[3][i] * (float) r.nextDouble();                   // v̂max or u ≤ a[3]
        }
        return a;
    }

    static void same(Kernel k) {
        for (int n : new int[] {0, 1, 7, 8, 31, 64, 203}) {
            for (int[] range : new int[][] {{0, n}, {Math.min(3, n), n}, {0, Math.max(0, n - 5)}}) {
                float[][] s = arrays(n, n * 31L + range[0]);
                float[][] v = arrays(n, n * 31L + range[0]);
                for (int step = 0; step < 3; step++) {
                    k.apply(s, range[0], range[1], false);
                    k.apply(v, range[0], range[1], true);
                }
                for (int j = 0; j < s.length; j++) {
                    assertThat(v[j]).as("array %d, n %d, range %d..%d", j, n, range[0], range[1]).containsExactly(s[j]);
                }
            }
        }
    }

    @Test
    void sgdAndMomentum() {
        same((a, f, t, vec) -> {
            if (vec) {
                VectorSteps.sgd(a[0], a[1], f, t, -0.7f, 1.5f, 0.01f, -0.1f);
            } else {
                ScalarSteps.sgd(a[0], a[1], f, t, -0.7f, 1.5f, 0.01f, -0.1f);
            }
        });
        for (boolean first : new boolean[] {true, false}) {
            for (boolean nesterov : new boolean[] {true, false}) {
                same((a, f, t, vec) -> {
                    if (vec) {
                        VectorSteps.momentum(a[0], a[1], a[2], f, t, 1f, INF, 0.01f, 0.9f, 0.7f, first, nesterov, -0.1f);
                    } else {
                        ScalarSteps.momentum(a[0], a[1], a[2], f, t, 1f, INF, 0.01f, 0.9f, 0.7f, first, nesterov, -0.1f);
                    }
                });
            }
        }
    }

    @Test
    void adagradAndRmsProp() {
        same((a, f, t, vec) -> {
            if (vec) {
                VectorSteps.adagrad(a[0], a[1], a[3], f, t, 1f, 1f, 0f, 1e-10f, -0.1f);
            } else {
                ScalarSteps.adagrad(a[0], a[1], a[3], f, t, 1f, 1f, 0f, 1e-10f, -0.1f);
            }
        });
        for (int variant = 0; variant < 4; variant++) {
            boolean centered = (variant & 1) != 0;
            boolean momentum = (variant & 2) != 0;
            same((a, f, t, vec) -> {
                float[] ga = centered ? a[4] : null;
                float[] buf = momentum ? a[2] : null;
                float bc = centered ? 1f : 0.3f;
                if (vec) {
                    VectorSteps.rmsprop(a[0], a[1], a[3], ga, buf, f, t, 1f, INF, 0.1f, 0.99f, 0.01f, 1e-8f, 0.9f, bc, -0.01f);
                } else {
                    ScalarSteps.rmsprop(a[0], a[1], a[3], ga, buf, f, t, 1f, INF, 0.1f, 0.99f, 0.01f, 1e-8f, 0.9f, bc, -0.01f);
                }
            });
        }
    }

    /**
     * Plain Adam's kernels (scale 1, no clip, λ 0, decay 1, no AMSGrad): vector and scalar give the
     * same bits, −0 gradients, underflowing moments and non-finite θ included; and on finite θ and
     * +0 gradients the same bits as the full formula.
     */
    @Test
    void plainAdam() {
        Kernel plain = (a, f, t, vec) -> {
            if (vec) {
                VectorSteps.plainAdam(a[0], a[1], a[2], a[3], f, t, 0.9f, 0.1f, 0.999f, 0.001f, 0.03f, 1e-8f, -0.01f);
            } else {
                ScalarSteps.plainAdam(a[0], a[1], a[2], a[3], f, t, 0.9f, 0.1f, 0.999f, 0.001f, 0.03f, 1e-8f, -0.01f);
            }
        };
        same(plain);
        float[][] odd = arrays(40, 5);
        for (int i = 0; i < 40; i += 5) {
            odd[1][i] = -0f;
            odd[2][i] = i % 2 == 0 ? -Float.MIN_VALUE : -0f;
            odd[0][i + 1] = i % 2 == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
            odd[0][i + 2] = -0f;
        }
        float[][] s = new float[5][];
        float[][] v = new float[5][];
        for (int j = 0; j < 5; j++) {
            s[j] = odd[j].clone();
            v[j] = odd[j].clone();
        }
        for (int step = 0; step < 3; step++) {
            plain.apply(s, 0, 40, false);
            plain.apply(v, 0, 40, true);
        }
        for (int j = 0; j < 4; j++) {
            assertThat(v[j]).as("array %d", j).containsExactly(s[j]);
        }
        same((a, f, t, vec) -> {
            if (vec) {
                VectorSteps.plainAdam(a[0], a[1], a[2], a[3], f, t, 0.9f, 0.1f, 0.999f, 0.001f, 0.03f, 1e-8f, -0.01f);
            } else {
                ScalarSteps.adam(a[0], a[1], a[2], a[3], null, f, t, 1f, INF, 0f, 1f, 0.9f, 0.1f, 0.999f, 0.001f, 0.03f,
                        1e-8f, -0.01f);
            }
        });
    }

    /** Kernels.adam takes the plain kernel exactly when scale is 1, there is no clip, λ is 0, decay is 1 and no AMSGrad. */
    @Test
    void kernelsChooseThePlainAdamKernelOnlyForPlainAdam() {
        float[][] odd = arrays(24, 9);
        odd[1][3] = -0f; // a −0 gradient with θ ≥ 0 tells the kernels apart: the full formula makes it +0
        odd[0][3] = 0.5f;
        odd[2][3] = -0f;
        odd[0][5] = Float.POSITIVE_INFINITY; // θ = ∞: the full formula's θ·0 makes m and v NaN
        float[] vmax = new float[24];
        for (int i = 0; i < 24; i++) {
            vmax[i] = 2 * odd[3][i] + 1; // above v: AMSGrad's denominator differs from Adam's
        }
        Object[][] cases = { // scale, clip, λ, decay, AMSGrad, plain?
            {1f, INF, 0f, 1f, false, true}, {0.5f, INF, 0f, 1f, false, false}, {1f, 3f, 0f, 1f, false, false},
            {1f, INF, 0.01f, 1f, false, false}, {1f, INF, 0f, 0.999f, false, false}, {1f, INF, 0f, 1f, true, false}};
        for (Object[] c : cases) {
            float[][] k = {odd[0].clone(), odd[1].clone(), odd[2].clone(), odd[3].clone()};
            float[][] want = {odd[0].clone(), odd[1].clone(), odd[2].clone(), odd[3].clone()};
            float[] vm = (boolean) c[4] ? vmax.clone() : null;
            Kernels.adam(k[0], k[1], k[2], k[3], vm, 0, 24, (float) c[0], (float) c[1], (float) c[2], (float) c[3], 0.9f,
                    0.1f, 0.999f, 0.001f, 0.03f, 1e-8f, -0.01f);
            if ((boolean) c[5]) {
                ScalarSteps.plainAdam(want[0], want[1], want[2], want[3], 0, 24, 0.9f, 0.1f, 0.999f, 0.001f, 0.03f, 1e-8f,
                        -0.01f);
            } else {
                ScalarSteps.adam(want[0], want[1], want[2], want[3], (boolean) c[4] ? vmax.clone() : null, 0, 24,
                        (float) c[0], (float) c[1], (float) c[2], (float) c[3], 0.9f, 0.1f, 0.999f, 0.001f, 0.03f, 1e-8f,
                        -0.01f);
            }
            for (int j = 0; j < 4; j++) {
                assertThat(k[j]).as("case %s, array %d", java.util.Arrays.toString(c), j).containsExactly(want[j]);
            }
        }
    }

    @Test
    void adamFamily() {
        for (boolean ams : new boolean[] {true, false}) {
            same((a, f, t, vec) -> {
                float[] vmax = ams ? a[4] : null;
                if (vec) {
                    VectorSteps.adam(a[0], a[1], a[2], a[3], vmax, f, t, 0.9f, 1f, 0.01f, 0.999f, 0.9f, 0.1f, 0.999f,
                            0.001f, 0.03f, 1e-8f, -0.01f);
                } else {
                    ScalarSteps.adam(a[0], a[1], a[2], a[3], vmax, f, t, 0.9f, 1f, 0.01f, 0.999f, 0.9f, 0.1f, 0.999f,
                            0.001f, 0.03f, 1e-8f, -0.01f);
                }
            });
        }
        same((a, f, t, vec) -> {
            if (vec) {
                VectorSteps.nadam(a[0], a[1], a[2], a[3], f, t, 1f, INF, 0f, 0.9f, 0.1f, 0.999f, 0.001f, 0.002f, 1e-8f,
                        -0.01f, -0.05f);
            } else {
                ScalarSteps.nadam(a[0], a[1], a[2], a[3], f, t, 1f, INF, 0f, 0.9f, 0.1f, 0.999f, 0.001f, 0.002f, 1e-8f,
                        -0.01f, -0.05f);
            }
        });
        for (boolean rectified : new boolean[] {true, false}) {
            same((a, f, t, vec) -> {
                if (vec) {
                    VectorSteps.radam(a[0], a[1], a[2], a[3], f, t, 1f, INF, 0.01f, 0.9f, 0.1f, 0.999f, 0.001f, 0.3f,
                            0.01f, rectified, 0.2f, 1e-8f, 0.7f);
                } else {
                    ScalarSteps.radam(a[0], a[1], a[2], a[3], f, t, 1f, INF, 0.01f, 0.9f, 0.1f, 0.999f, 0.001f, 0.3f,
                            0.01f, rectified, 0.2f, 1e-8f, 0.7f);
                }
            });
        }
        same((a, f, t, vec) -> {
            if (vec) {
                VectorSteps.adamax(a[0], a[1], a[2], a[3], f, t, -1f, 0.5f, 0f, 0.9f, 0.1f, 0.999f, 1e-8f, -0.02f);
            } else {
                ScalarSteps.adamax(a[0], a[1], a[2], a[3], f, t, -1f, 0.5f, 0f, 0.9f, 0.1f, 0.999f, 1e-8f, -0.02f);
            }
        });
    }

    @Test
    void adadeltaAndLion() {
        same((a, f, t, vec) -> {
            if (vec) {
                VectorSteps.adadelta(a[0], a[1], a[3], a[4], f, t, 1f, INF, 0.01f, 0.9f, 0.1f, 1e-6f, -1f);
            } else {
                ScalarSteps.adadelta(a[0], a[1], a[3], a[4], f, t, 1f, INF, 0.01f, 0.9f, 0.1f, 1e-6f, -1f);
            }
        });
        same((a, f, t, vec) -> {
            if (vec) {
                VectorSteps.lion(a[0], a[1], a[2], f, t, 1f, INF, 0f, 0.999f, 0.9f, 0.1f, 0.99f, 0.01f, -1e-3f);
            } else {
                ScalarSteps.lion(a[0], a[1], a[2], f, t, 1f, INF, 0f, 0.999f, 0.9f, 0.1f, 0.99f, 0.01f, -1e-3f);
            }
        });
    }

    @Test
    void sumOfSquares() {
        float[][] a = arrays(5000, 5);
        for (int[] r : new int[][] {{0, 0}, {3, 10}, {3, 30}, {3, 1000}, {1, 1027}, {0, 2048}, {7, 4999}}) {
            double naive = ScalarSteps.sumSquaresDouble(a[0], r[0], r[1]);
            double scalar = ScalarSteps.sumSquares(a[0], r[0], r[1]);
            assertThat(VectorSteps.sumSquares(a[0], r[0], r[1])).isEqualTo(scalar);
            assertThat(scalar).isCloseTo(naive, org.assertj.core.data.Offset.offset(1e-5 * naive));
        }
        // float32 squares overflow: the sum is redone in float64 instead of returning +∞
        float[] big = {3e20f, 4e20f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        assertThat(ScalarSteps.sumSquares(big, 0, big.length)).isCloseTo(25e40, org.assertj.core.data.Offset.offset(1e35));
        assertThat(VectorSteps.sumSquares(big, 0, big.length)).isEqualTo(ScalarSteps.sumSquares(big, 0, big.length));
        float[] inf = {Float.POSITIVE_INFINITY, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        assertThat(ScalarSteps.sumSquares(inf, 0, inf.length)).isInfinite();
        assertThat(VectorSteps.sumSquares(inf, 0, inf.length)).isInfinite();
    }

    @Test
    void theVectorKernelsAreInUseUnderTheTestFlags() {
        // surefire runs with --add-modules jdk.incubator.vector, as the ./descent launcher does
        assertThat(Kernels.SIMD).isTrue();
    }
}
