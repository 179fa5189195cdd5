package dev.descent.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.minimize.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalogue problem's gradient, Hessian and Hessian-vector product against central
 * differences, at x0 and at two seeded random points near it, at the default dimension and at
 * other dimensions where the problem accepts them.
 */
class ProblemDerivativesTest {

    /** Relative tolerance of the derivative checks against the largest entry, plus rounding. */
    private static final double TOL = 1e-6;

    record Case(String name, int dim) {
        Problem problem() {
            return dim == 0 ? Problems.named(name) : Problems.named(name, dim);
        }

        @Override
        public String toString() {
            return dim == 0 ? name : name + " n=" + dim;
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String name : Problems.names()) {
            out.add(new Case(name, 0));
        }
        out.add(new Case("rosenbrock", 6));
        out.add(new Case("extended-rosenbrock", 2));
        out.add(new Case("extended-powell", 4));
        out.add(new Case("extended-powell", 8));
        out.add(new Case("watson", 2));
        out.add(new Case("watson", 9));
        out.add(new Case("watson", 12));
        out.add(new Case("penalty1", 10));
        out.add(new Case("penalty2", 10));
        out.add(new Case("variably-dimensioned", 3));
        out.add(new Case("trigonometric", 1));
        out.add(new Case("brown-almost-linear", 3));
        out.add(new Case("discrete-boundary-value", 1));
        out.add(new Case("discrete-integral", 4));
        out.add(new Case("broyden-tridiagonal", 2));
        out.add(new Case("broyden-banded", 12));
        out.add(new Case("linear-full-rank:m=7", 7));
        out.add(new Case("linear-rank1", 3));
        out.add(new Case("linear-rank1-zero:m=12", 6));
        out.add(new Case("chebyquad", 1));
        out.add(new Case("chebyquad", 10));
        out.add(new Case("quadratic:kappa=1e4,seed=3", 7));
        out.add(new Case("quadratic:rotate=false", 5));
        out.add(new Case("quadratic", 1));
        out.add(new Case("logreg:samples=40,lambda=0.5,seed=9", 3));
        out.add(new Case("logreg", 1));
        return out;
    }

    /** x0 and two seeded points near it, each coordinate moved by up to 10% of (|x0ᵢ| + 0.5). */
    static List<double[]> points(Problem p) {
        SplittableRandom rng = new SplittableRandom(42 + p.name().hashCode());
        double[] x0 = p.x0();
        List<double[]> pts = new ArrayList<>(List.of(x0));
        for (int k = 0; k < 2; k++) {
            double[] x = x0.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] += 0.1 * (Math.abs(x0[i]) + 0.5) * (2 * rng.nextDouble() - 1);
            }
            pts.add(x);
        }
        return pts;
    }

    /**
     * The rounding error of a difference quotient of values of size {@code magnitude}: a few ulps
     * of the values divided by the smallest step, so that badly scaled problems (f ≈ 10¹² for
     * Brown badly scaled at x0) are judged at the accuracy differences can reach.
     */
    static double roundoff(double magnitude, double[] x) {
        double hMin = Double.MAX_VALUE;
        for (double xi : x) {
            hMin = Math.min(hMin, Differences.step(xi));
        }
        return 10 * Math.ulp(1.0) * Math.max(magnitude, 1e-300) / hMin;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(Case c) {
        Problem p = c.problem();
        Objective f = p.objective();
        for (double[] x : points(p)) {
            double[] before = x.clone();
            double[] g = new double[p.dimension()];
            double fx = f.evaluate(x, g);
            assertThat(x).as("evaluate must not modify x").containsExactly(before);
            assertThat(f.value(x)).as("value(x) = evaluate(x, g)").isEqualTo(fx);
            double[] fd = Differences.gradient(f, x);
            double allowed = TOL * Differences.maxAbs(fd) + roundoff(Math.abs(fx), x);
            assertThat(Differences.maxAbsDiff(g, fd))
                    .as("%s gradient at %s", c, java.util.Arrays.toString(x))
                    .isLessThanOrEqualTo(allowed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianMatchesDifferencesOfTheGradient(Case c) {
        Problem p = c.problem();
        Objective f = p.objective();
        if (f.hessian().isEmpty()) {
            return;
        }
        Objective.Hessian hess = f.hessian().orElseThrow();
        Objective.HessianVector hessVec = f.hessianVector().orElseThrow();
        int n = p.dimension();
        SplittableRandom rng = new SplittableRandom(7);
        for (double[] x : points(p)) {
            double[] h = new double[n * n];
            hess.evaluate(x, h);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    assertThat(h[i * n + j]).as("symmetry (%d,%d)", i, j)
                            .isEqualTo(h[j * n + i]);
                }
            }
            double[] fd = Differences.hessian(f, x);
            double[] g = new double[n];
            f.evaluate(x, g);
            double allowed = TOL * Differences.maxAbs(fd) + roundoff(Differences.maxAbs(g), x);
            assertThat(Differences.maxAbsDiff(h, fd))
                    .as("%s Hessian at %s", c, java.util.Arrays.toString(x))
                    .isLessThanOrEqualTo(allowed);

            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 2 * rng.nextDouble() - 1;
            }
            double[] hv = new double[n];
            hessVec.evaluate(x, v, hv);
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    expected[i] += h[i * n + j] * v[j];
                }
            }
            assertThat(Differences.maxAbsDiff(hv, expected))
                    .as("%s Hessian-vector product", c)
                    .isLessThanOrEqualTo(1e-12 * Math.max(Differences.maxAbs(expected), 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void knownMinimizerAttainsFStar(Case c) {
        Problem p = c.problem();
        if (!p.hasXStar()) {
            return;
        }
        assertThat(p.hasFStar()).isTrue();
        double[] g = new double[p.dimension()];
        double f = p.objective().evaluate(p.xStar(), g);
        assertThat(f).as("%s f(x*)", c).isCloseTo(p.fStar(),
                org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, Math.abs(p.fStar()))));
        assertThat(Differences.maxAbs(g)).as("%s gradient at x*", c).isLessThan(1e-6);
    }
}
