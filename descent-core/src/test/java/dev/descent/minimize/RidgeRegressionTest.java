package dev.descent.minimize;

import static org.assertj.core.api.Assertions.assertThat;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The well-posed ridge regression of issue 8: f(w) = ½‖Aw − b‖² + (λ/2)‖w‖², 200 rows, 50
 * variables, λ = 1, A and b from a seeded SplitMix64 (bit for bit the data of
 * {@code tools/minimize_ridge_scipy.py}), f* ≈ 34.72, cond(∇²f) ≈ 7.2. With default settings,
 * L-BFGS, BFGS, CG and Newton-CG all reach the minimizer to ~1e-9, where f's rounding stops the
 * line search at ‖∇f‖∞ ≈ 1e-7, above the default gradTol 1e-8: they used to report
 * LINE_SEARCH_FAILED there; now CONVERGED_PRECISION (a success). scipy 1.17.1's defaults report
 * success on the same data for all four (tools/minimize_ridge_scipy.py):
 * <pre>
 *   L-BFGS-B   nit 15  nfev 16  ‖g‖∞ 9.7e-4   ‖x − x*‖∞ 1.0e-5   REL_REDUCTION_OF_F &lt;= FACTR*EPSMCH
 *   BFGS       nit 67  nfev 90  ‖g‖∞ 1.7e-12  ‖x − x*‖∞ 3.4e-14
 *   CG         nit 19  nfev 39  ‖g‖∞ 7.3e-6   ‖x − x*‖∞ 1.6e-7
 *   Newton-CG  nit 10  nfev 11  ‖g‖∞ 1.0e-5   ‖x − x*‖∞ 2.3e-7
 * </pre>
 */
class RidgeRegressionTest {

    /** SplitMix64, as in tools/minimize_ridge_scipy.py, so that both build the same data bit for bit. */
    static final class SplitMix {
        private long x;

        SplitMix(long seed) {
            x = seed;
        }

        long next() {
            x += 0x9E3779B97F4A7C15L;
            long z = x;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        double uniform() {
            return (next() >>> 11) * 0x1.0p-53 * 2 - 1;
        }
    }

    static final int M = 200;
    static final int N = 50;
    static final double LAMBDA = 1;
    static final double[] A = new double[M * N];
    static final double[] B = new double[M];

    static {
        SplitMix r = new SplitMix(8);
        for (int i = 0; i < M * N; i++) {
            A[i] = r.uniform();
        }
        double[] w = new double[N];
        for (int j = 0; j < N; j++) {
            w[j] = r.uniform();
        }
        for (int i = 0; i < M; i++) {
            double s = 0;
            for (int j = 0; j < N; j++) {
                s += A[i * N + j] * w[j];
            }
            B[i] = s;
        }
        for (int i = 0; i < M; i++) {
            B[i] += r.uniform();
        }
    }

    static Objective ridge() {
        double[] res = new double[M];
        return Objective.of(N, (w, g) -> {
            double f = 0;
            for (int i = 0; i < M; i++) {
                double s = -B[i];
                for (int j = 0; j < N; j++) {
                    s += A[i * N + j] * w[j];
                }
                res[i] = s;
                f += s * s;
            }
            double reg = 0;
            for (int j = 0; j < N; j++) {
                double s = 0;
                for (int i = 0; i < M; i++) {
                    s += A[i * N + j] * res[i];
                }
                g[j] = s + LAMBDA * w[j];
                reg += w[j] * w[j];
            }
            return 0.5 * f + 0.5 * LAMBDA * reg;
        });
    }

    static double[] solution() {
        DMatrixRMaj a = DMatrixRMaj.wrap(M, N, A);
        DMatrixRMaj h = new DMatrixRMaj(N, N);
        CommonOps_DDRM.multTransA(a, a, h);
        for (int j = 0; j < N; j++) {
            h.add(j, j, LAMBDA);
        }
        DMatrixRMaj atb = new DMatrixRMaj(N, 1);
        CommonOps_DDRM.multTransA(a, DMatrixRMaj.wrap(M, 1, B), atb);
        DMatrixRMaj w = new DMatrixRMaj(N, 1);
        CommonOps_DDRM.solve(h, atb, w);
        return w.data;
    }

    @org.junit.jupiter.api.Test
    void sameDataAsTheScipyScript() {
        // printed by tools/minimize_ridge_scipy.py
        assertThat(solution()[0]).isCloseTo(-0.6348541516698875, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ridge().value(solution())).isCloseTo(34.72284574733352, org.assertj.core.api.Assertions.within(1e-10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lbfgs", "bfgs", "cg", "newton-cg"})
    void defaultsReportSuccessAtTheOptimum(String method) {
        Objective f = ridge();
        Result r = Minimize.run(f, new double[N], Method.named(method));
        String why = r.toString();
        assertThat(r.converged()).as(why).isTrue();
        assertThat(r.status()).as(why).isIn(Status.CONVERGED_GRADIENT, Status.CONVERGED_PRECISION);
        assertThat(r.toString()).startsWith(" * Status: success");
        assertThat(f.value(r.x())).isEqualTo(r.f());
        double[] ws = solution();
        for (int j = 0; j < N; j++) {
            assertThat(Math.abs(r.x()[j] - ws[j])).as("w[%d] %s", j, why).isLessThanOrEqualTo(1e-7);
        }
        if (r.status() == Status.CONVERGED_PRECISION) {
            assertThat(r.scaledGradNorm()).isLessThanOrEqualTo(Settings.DEFAULTS.precisionTol());
            assertThat(why).contains("max|gᵢ|·max(|xᵢ|,1)/max(|f|,1)");
            // with the precision test off, the same stop is the old failure
            Result strict = Minimize.run(f, new double[N], Method.named(method), Settings.DEFAULTS.withPrecisionTol(0));
            assertThat(strict.status()).isEqualTo(Status.LINE_SEARCH_FAILED);
            assertThat(strict.status().failed()).isTrue();
            assertThat(strict.toString()).startsWith(" * Status: failure");
        }
    }
}
