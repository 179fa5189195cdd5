package dev.descent.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every available GEMM backend against a naive triple loop in double precision. */
class GemmTest {

    /** Relative tolerance for float32 sums of up to a few hundred terms. */
    private static final double TOL = 2e-5;

    /** The textbook definition, accumulated in double. */
    static void naive(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb, float beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double y = tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += x * y;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = alpha * s + (beta == 0 ? 0 : beta * c[ci]);
            }
        }
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return x;
    }

    private static void compare(GemmBackend backend, boolean ta, boolean tb, int m, int n, int k,
                                float alpha, float beta, int pad, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int aRows = ta ? k : m;
        int aCols = ta ? m : k;
        int bRows = tb ? n : k;
        int bCols = tb ? k : n;
        int lda = Math.max(1, aCols) + pad;
        int ldb = Math.max(1, bCols) + pad;
        int ldc = Math.max(1, n) + pad;
        int aOff = 3;
        int bOff = 5;
        int cOff = 7;
        float[] a = random(r, aOff + aRows * lda + 1);
        float[] b = random(r, bOff + bRows * ldb + 1);
        float[] c = random(r, cOff + m * ldc + 1);
        double[] expected = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            expected[i] = c[i];
        }
        naive(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, expected, cOff, ldc);
        Gemm.sgemm(backend, ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        double scale = Math.sqrt(k) + 1;
        int worst = -1;
        double worstRatio = 0;
        for (int i = 0; i < c.length; i++) {
            double ratio = Math.abs(c[i] - expected[i]) / (TOL * scale * (1 + Math.abs(expected[i])));
            if (!(ratio <= worstRatio)) {
                worstRatio = ratio;
                worst = i;
            }
        }
        if (worst >= 0) {
            assertThat(worstRatio)
                    .as("%s ta=%s tb=%s m=%d n=%d k=%d: c[%d] = %s, expected %s", backend, ta, tb, m, n, k, worst,
                            c[worst], expected[worst])
                    .isLessThanOrEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @EnumSource(GemmBackend.class)
    void matchesNaiveOnOddSizesAndAllTransposes(GemmBackend backend) {
        if (!Gemm.available().contains(backend)) {
            return; // reported by availabilityIsReported
        }
        int[][] sizes = {{1, 1, 1}, {7, 5, 3}, {13, 17, 19}, {6, 16, 1}, {37, 41, 29}, {130, 70, 300},
            {5, 33, 0}, {0, 4, 4}, {67, 133, 301}};
        long seed = 1;
        for (int[] s : sizes) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0;
                boolean tb = (t & 2) != 0;
                compare(backend, ta, tb, s[0], s[1], s[2], 1f, 0f, 0, seed++);
                compare(backend, ta, tb, s[0], s[1], s[2], -0.5f, 1f, 3, seed++);
                compare(backend, ta, tb, s[0], s[1], s[2], 2f, 0.25f, 1, seed++);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(GemmBackend.class)
    void betaZeroOverwritesNaN(GemmBackend backend) {
        if (!Gemm.available().contains(backend)) {
            return;
        }
        float[] a = {1, 2, 3, 4};
        float[] b = {1, 0, 0, 1};
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        Gemm.sgemm(backend, false, false, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
        assertThat(c).containsExactly(1, 2, 3, 4);
    }

    /** Data-parallel training calls GEMM from several threads at once: results must not mix. */
    @ParameterizedTest
    @EnumSource(GemmBackend.class)
    void concurrentCallsGiveTheSingleThreadedResult(GemmBackend backend) throws Exception {
        if (!Gemm.available().contains(backend)) {
            return;
        }
        int m = 37;
        int n = 45;
        int k = 300;
        int threads = 3;
        float[][] as = new float[threads][];
        float[][] expected = new float[threads][];
        float[] b = random(new SplittableRandom(9), k * n);
        for (int t = 0; t < threads; t++) {
            as[t] = random(new SplittableRandom(10 + t), m * k);
            expected[t] = new float[m * n];
            Gemm.sgemm(backend, false, false, m, n, k, 1f, as[t], 0, k, b, 0, n, 0f, expected[t], 0, n);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    float[] c = new float[m * n];
                    for (int rep = 0; rep < 30; rep++) {
                        Gemm.sgemm(backend, false, false, m, n, k, 1f, as[id], 0, k, b, 0, n, 0f, c, 0, n);
                        if (!java.util.Arrays.equals(c, expected[id])) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : results) {
                assertThat(f.get()).as(backend.id()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void availabilityIsReported() {
        assertThat(Gemm.available()).contains(GemmBackend.SCALAR, Gemm.backend());
        for (GemmBackend b : GemmBackend.values()) {
            assertThat(Gemm.describe(b)).isNotBlank();
        }
        String forced = System.getProperty("descent.gemm");
        if (forced != null) {
            assertThat(Gemm.backend()).isEqualTo(GemmBackend.of(forced));
        }
    }

    @Test
    void checksShapes() {
        float[] x = new float[4];
        assertThatThrownBy(() -> Gemm.sgemm(false, false, 2, 2, 3, 1f, x, x, 0f, x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A needs");
        assertThatThrownBy(() -> Gemm.sgemm(false, false, -1, 2, 2, 1f, x, x, 0f, x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m=-1");
        assertThatThrownBy(() -> Gemm.setThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GemmBackend.of("cuda")).hasMessageContaining("openblas, vector or scalar");
    }

    @Test
    void threadsAreConfigurable() {
        int before = Gemm.threads();
        Gemm.setThreads(2);
        assertThat(Gemm.threads()).isEqualTo(2);
        Gemm.setThreads(before);
        assertThat(Gemm.threads()).isEqualTo(before);
    }
}
