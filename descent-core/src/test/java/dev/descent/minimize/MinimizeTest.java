package dev.descent.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MinimizeTest {

    @ParameterizedTest
    @ValueSource(strings = {"gd", "newton", "bfgs", "lbfgs", "newton-cg", "cg", "cg-hz"})
    void everyMethodSolvesRosenbrock(String name) {
        Objective f = TestFunctions.rosenbrock(2, true);
        Settings s = Settings.DEFAULTS.withGradTol(1e-6).withMaxIterations(name.equals("gd") ? 50_000 : 1000)
                .withMaxEvaluations(1_000_000).withTrace(true);
        Result r = Minimize.run(f, new double[] {-1.2, 1}, Method.named(name), s);
        assertThat(r.status()).as(r.toString()).isEqualTo(Status.CONVERGED_GRADIENT);
        assertThat(r.gradNorm()).isLessThanOrEqualTo(1e-6);
        assertThat(f.value(r.x())).isEqualTo(r.f());
        assertThat(r.x()[0]).isCloseTo(1, within(1e-5));
        assertThat(r.x()[1]).isCloseTo(1, within(1e-5));
        assertThat(r.trace()).hasSize(r.iterations() + 1);
        assertThat(r.trace().getLast().x()).containsExactly(r.x());
        assertThat(r.trace().getFirst().f()).isEqualTo(24.2, within(1e-12));
        assertThat(r.stats().fEvals()).isEqualTo(r.stats().gEvals());
    }

    @Test
    void newtonSolvesConvexQuadraticInOneStep() {
        int n = 8;
        double[] A = TestFunctions.spd(n, 7);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = i - 3.5;
        }
        Result r = Minimize.run(TestFunctions.quadratic(A, b), new double[n], Method.named("newton"),
                Settings.DEFAULTS.withGradTol(1e-10));
        assertThat(r.status()).isEqualTo(Status.CONVERGED_GRADIENT);
        assertThat(r.iterations()).isEqualTo(1);
        assertThat(r.stats().hEvals()).isEqualTo(1);
        assertThat(r.stats().fEvals()).isEqualTo(2); // x0 and the unit step
    }

    @Test
    void denseMethodsRejectADimensionWhoseMatrixNoArrayCanHold() {
        int n = 65536; // n² = 2³² wraps to 0 in int arithmetic
        for (String m : new String[] {"bfgs", "newton"}) {
            assertThatThrownBy(() -> Minimize.run(TestFunctions.rosenbrock(n, true), new double[n], Method.named(m)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(m + " stores a dense n×n matrix")
                    .hasMessageContaining("46340")
                    .hasMessageContaining("lbfgs");
        }
    }

    @Test
    void newtonWithoutHessianIsRejectedNamingNewtonCg() {
        assertThatThrownBy(() -> Minimize.run(TestFunctions.rosenbrock(2, false), new double[] {-1.2, 1},
                        Method.named("newton")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newton-cg");
    }

    @Test
    void newtonCgWithoutHessianUsesFiniteDifferences() {
        Result r = Minimize.run(TestFunctions.rosenbrock(4, false), TestFunctions.rosenbrockStart(4),
                Method.named("newton-cg"), Settings.DEFAULTS.withGradTol(1e-6));
        assertThat(r.status()).isEqualTo(Status.CONVERGED_GRADIENT);
        assertThat(r.stats().hvEvals()).isZero();
        assertThat(r.stats().gEvals()).isGreaterThan(r.iterations() * 2L);
    }

    @Test
    void nonFiniteValueStopsWithLastFiniteX() {
        // f(x) = −log(x) − x/10 ... becomes NaN for x < 0; unbounded direction keeps pushing
        Objective f = new Objective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                g[0] = -Math.exp(x[0] * 0.5) * (x[0] > 3 ? Double.NaN : 1);
                return -Math.exp(x[0] * 0.5) * 2 * (x[0] > 3 ? Double.NaN : 1) + 0;
            }
        };
        Result r = Minimize.run(f, new double[] {0}, Method.named("lbfgs"));
        assertThat(r.status()).isIn(Status.NON_FINITE, Status.LINE_SEARCH_FAILED);
        assertThat(r.x()[0]).isLessThanOrEqualTo(3);
        assertThat(Double.isFinite(r.f())).isTrue();
    }

    @Test
    void lineSearchStepsBackOutOfANonFiniteRegion() {
        // f(x) = x⁴/4 − x, minimum at x = 1, undefined (NaN) for x > 1.2; Newton's first step from
        // x = 0.1 lands near x = 33, deep in the NaN region
        Objective f = Objective.of(1, (x, g) -> {
            double v = x[0];
            g[0] = v > 1.2 ? Double.NaN : v * v * v - 1;
            return v > 1.2 ? Double.NaN : v * v * v * v / 4 - v;
        }).withHessian((x, h) -> h[0] = 3 * x[0] * x[0]);
        for (String m : new String[] {"newton", "lbfgs", "bfgs"}) {
            Result r = Minimize.run(f, new double[] {0.1}, Method.named(m), Settings.DEFAULTS.withGradTol(1e-9));
            assertThat(r.status()).as(m + "\n" + r).isEqualTo(Status.CONVERGED_GRADIENT);
            assertThat(r.x()[0]).isCloseTo(1, within(1e-8));
        }
        Result armijo = Minimize.run(f, new double[] {0.1}, Method.named("newton").withLineSearch(Armijo.DEFAULT),
                Settings.DEFAULTS.withGradTol(1e-9));
        assertThat(armijo.status()).isEqualTo(Status.CONVERGED_GRADIENT);
    }

    @Test
    void nonFiniteAtStartIsReported() {
        Objective f = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                g[0] = g[1] = 0;
                return Double.NaN;
            }
        };
        Result r = Minimize.run(f, new double[] {1, 2}, Method.named("bfgs"));
        assertThat(r.status()).isEqualTo(Status.NON_FINITE);
        assertThat(r.converged()).isFalse();
        assertThat(r.x()).containsExactly(1, 2);
    }

    @Test
    void limitsAreReportedAsStatuses() {
        Objective f = TestFunctions.rosenbrock(2, true);
        double[] x0 = {-1.2, 1};
        assertThat(Minimize.run(f, x0, Method.named("gd"), Settings.DEFAULTS.withMaxIterations(5)).status())
                .isEqualTo(Status.ITERATION_LIMIT);
        assertThat(Minimize.run(f, x0, Method.named("gd"), Settings.DEFAULTS.withMaxEvaluations(3)).status())
                .isEqualTo(Status.EVALUATION_LIMIT);
        assertThat(Minimize.run(f, x0, Method.named("lbfgs"), Settings.DEFAULTS.withGradTol(0).withFTol(1e-10)).status())
                .isEqualTo(Status.CONVERGED_F);
        assertThat(Minimize.run(f, x0, Method.named("lbfgs"), Settings.DEFAULTS.withGradTol(0).withXTol(1e-6)).status())
                .isEqualTo(Status.CONVERGED_X);
        Objective slow = new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return f.evaluate(x, g);
            }
        };
        assertThat(Minimize.run(slow, x0, Method.named("gd"), Settings.DEFAULTS.withTimeLimitSeconds(0.05)).status())
                .isEqualTo(Status.TIME_LIMIT);
    }

    @Test
    void lineSearchFailureIsAStatusNotAnException() {
        // a gradient that lies: ∇f points uphill, so no step along −∇f decreases f
        Objective f = new Objective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                g[0] = -1;
                return x[0];
            }
        };
        Result r = Minimize.run(f, new double[] {0}, Method.named("lbfgs"));
        assertThat(r.status()).isEqualTo(Status.LINE_SEARCH_FAILED);
        assertThat(r.x()).containsExactly(0);
    }

    @Test
    void summaryReadsLikeOptimJl() {
        Result r = Minimize.run(TestFunctions.rosenbrock(2, true), new double[] {-1.2, 1}, Method.named("lbfgs"));
        String s = r.toString();
        assertThat(s).contains(" * Status: success", " * Candidate solution", "Algorithm:     lbfgs",
                " * Convergence measures", "|g(x)|", "≤ 1.0e-08", " * Work counters", "Iterations:");
    }

    /** Each convergence measure is printed beside its own tolerance, in the same form. */
    @Test
    void summaryPrintsEachMeasureInTheFormOfItsTolerance() {
        Objective f = TestFunctions.rosenbrock(2, true);
        Result r = Minimize.run(f, new double[] {-1.2, 1}, Method.named("lbfgs"),
                Settings.DEFAULTS.withGradTol(0).withFTol(1e-10).withRelGradTol(1e-300));
        assertThat(r.status()).isEqualTo(Status.CONVERGED_F);
        Result.Measures m = r.measures();
        assertThat(m.relativeFChange()).isEqualTo(m.fChange() / Math.max(Math.max(Math.abs(r.f()), Math.abs(r.f() + m.fChange())), 1),
                within(1e-30));
        assertThat(m.relativeFChange()).isLessThanOrEqualTo(1e-10);
        String s = r.toString();
        assertThat(s).contains(String.format(java.util.Locale.ROOT, "%-32s= %.1e ≤ 1.0e-10", "|f(x) - f(x')|/max(|f|,1)", m.relativeFChange()));
        assertThat(s).contains("|g(x)|₂/max(|x|₂,1)");
        // the location is gonum's: x, f and the gradient at x
        double[] g = new double[2];
        assertThat(f.evaluate(r.x(), g)).isEqualTo(r.f());
        assertThat(r.location().gradient()).containsExactly(g);
        assertThat(r.gradNorm()).isEqualTo(Math.max(Math.abs(g[0]), Math.abs(g[1])));
        assertThat(r.stats().gEvals()).isEqualTo(r.stats().fEvals());
    }

    @Test
    void settingsRejectBadValuesNamingTheParameter() {
        assertThatThrownBy(() -> Settings.DEFAULTS.withGradTol(-1)).hasMessageContaining("gradTol");
        assertThatThrownBy(() -> Settings.DEFAULTS.withMaxIterations(-1)).hasMessageContaining("maxIterations");
        assertThatThrownBy(() -> Settings.DEFAULTS.withPrecisionTol(Double.NaN)).hasMessageContaining("precisionTol");
        assertThatThrownBy(() -> new Method.Lbfgs(0, MoreThuente.DEFAULT)).hasMessageContaining("memory");
        assertThatThrownBy(() -> new MoreThuente(1e-4, 1e-5, 0, 10)).hasMessageContaining("c2");
        assertThatThrownBy(() -> Method.named("adamx")).hasMessageContaining("lbfgs");
    }

    /**
     * With scipy L-BFGS-B's line-search constants (xtol = 0.1), Moré–Thuente's "interval too
     * narrow: go back to the best step" fires on Jennrich–Sampson right after a trial that became
     * the best step; that step's f and ∇f are already known and must not be evaluated again.
     */
    @Test
    void lineSearchNeverEvaluatesTheSamePointTwiceInARow() {
        dev.descent.problems.Problem p = dev.descent.problems.Problems.named("jennrich-sampson");
        Objective inner = p.objective();
        double[] last = new double[inner.dimension()];
        int[] counts = new int[2]; // evaluations, repeats of the previous x
        Objective counting = new Objective() {
            @Override
            public int dimension() {
                return inner.dimension();
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                if (counts[0] > 0 && java.util.Arrays.equals(x, last)) {
                    counts[1]++;
                }
                System.arraycopy(x, 0, last, 0, x.length);
                counts[0]++;
                return inner.evaluate(x, g);
            }
        };
        Settings s = Settings.DEFAULTS.withGradTol(1e-5).withFTol(2.220446049250313e-9).withMaxIterations(15000)
                .withMaxEvaluations(15000);
        Result r = Minimize.run(counting, p.x0(), new Method.Lbfgs(10, new MoreThuente(1e-3, 0.9, 0.1, 20)), s);
        assertThat(r.f()).isCloseTo(p.fStar(), within(1e-5 * p.fStar()));
        assertThat(counts[1]).as("evaluations at the x evaluated just before").isZero();
        assertThat(r.stats().fEvals()).isEqualTo(counts[0]);
    }
}
