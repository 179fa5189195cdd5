package dev.descent.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The least-squares view agrees with the objective: f = Σrᵢ² and ∇f = 2Jᵀr from
 * {@link LeastSquares#residuals}/{@link LeastSquares#jacobian}, also where a problem computes its
 * gradient without forming J; and those problems evaluate at n = 20 000 (penalty II: 3000, its
 * largest) without a dense J.
 */
class LeastSquaresTest {

    private static final String[] SCALABLE = {"penalty1", "penalty2", "variably-dimensioned",
        "trigonometric", "brown-almost-linear", "discrete-boundary-value", "broyden-tridiagonal",
        "broyden-banded", "linear-full-rank", "linear-rank1", "linear-rank1-zero"};

    @Test
    void gradientIsTwiceJacobianTransposeResiduals() {
        SplittableRandom rng = new SplittableRandom(11);
        for (String name : Problems.names()) {
            for (int dim : new int[] {0, 30}) {
                if (dim != 0 && Problems.named(name).dimension() == dim) {
                    continue;
                }
                Problem p;
                try {
                    p = dim == 0 ? Problems.named(name) : Problems.named(name, dim);
                } catch (IllegalArgumentException fixedDimension) {
                    continue;
                }
                if (!(p.objective() instanceof LeastSquares ls)) {
                    continue;
                }
                int n = ls.dimension();
                int m = ls.residualCount();
                double[] x = p.x0();
                for (int j = 0; j < n; j++) {
                    x[j] += 0.1 * (2 * rng.nextDouble() - 1);
                }
                double[] r = new double[m];
                double[] jac = new double[m * n];
                ls.residuals(x, r);
                ls.jacobian(x, jac);
                double f = 0;
                double[] expected = new double[n];
                for (int i = 0; i < m; i++) {
                    f += r[i] * r[i];
                    for (int j = 0; j < n; j++) {
                        expected[j] += 2 * r[i] * jac[i * n + j];
                    }
                }
                double[] g = new double[n];
                assertThat(ls.evaluate(x, g)).as("%s n=%d f", name, n)
                        .isCloseTo(f, org.assertj.core.api.Assertions.within(1e-13 * f));
                double scale = Math.max(Differences.maxAbs(expected), 1e-300);
                assertThat(Differences.maxAbsDiff(g, expected) / scale)
                        .as("%s n=%d gradient", name, n).isLessThan(1e-12);
            }
        }
    }

    @Test
    void scalableProblemsEvaluateAtLargeDimension() {
        int n = 20_000; // a dense J would take n² doubles (3.2 GB)
        for (String name : SCALABLE) {
            Problem p = Problems.named(name, name.equals("penalty2") ? 3000 : n);
            int dim = p.dimension();
            double[] x = p.x0();
            double[] g = new double[dim];
            double f = p.objective().evaluate(x, g);
            assertThat(f).as(name).isFinite();
            assertThat(p.objective().value(x)).as(name).isEqualTo(f);
            for (double gj : g) {
                assertThat(gj).as(name).isFinite();
            }
        }
    }
}
