package dev.descent.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The minimum values reported by Moré, Garbow and Hillstrom (1981) are reached by a textbook
 * Levenberg–Marquardt (in the test tree) on our residuals: this checks the transcription of every
 * least-squares problem's formulas and data, not only the consistency of its derivatives. The
 * paper gives f* to 6 significant digits, hence the relative tolerance 10⁻⁵; f* = 0 must be
 * reached to 10⁻¹⁶. Where the method stops at a local minimum the paper also reports
 * (Freudenstein–Roth from x0), that value is accepted; f* = 0 there is checked through x* in
 * {@link ProblemDerivativesTest}.
 */
class ReportedMinimaTest {

    /** A problem, its dimension (0 for the default) and the start (null for x0) with a reason. */
    record Case(String name, int dim, double[] start, String why) {
        @Override
        public String toString() {
            return dim == 0 ? name : name + " n=" + dim;
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String name : Problems.names()) {
            out.add(new Case(name, 0, null, ""));
        }
        for (String name : List.of("watson@9", "watson@12", "penalty2@10", "chebyquad@10",
                "chebyquad@7", "chebyquad@9", "brown-almost-linear@5", "discrete-integral@3")) {
            String[] parts = name.split("@");
            out.add(new Case(parts[0], Integer.parseInt(parts[1]), null, ""));
        }
        // From x0 = (1, ..., 10) the naive Levenberg–Marquardt stalls (at f = 216.8); the paper's
        // minimizer is symmetric, so start on the diagonal x = 0.15·(1, ..., 1) instead.
        double[] diagonal = new double[10];
        Arrays.fill(diagonal, 0.15);
        out.add(new Case("penalty1", 10, diagonal, "naive LM stalls from x0"));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void levenbergMarquardtReachesTheReportedMinimum(Case c) {
        Problem p = c.dim() == 0 ? Problems.named(c.name()) : Problems.named(c.name(), c.dim());
        if (!(p.objective() instanceof LeastSquares ls) || !p.hasFStar()) {
            return;
        }
        double[] start = c.start() == null ? p.x0() : c.start();
        double[] x = LevenbergMarquardt.minimize(ls, start, 3000);
        double f = ls.value(x);
        List<Double> accepted = new ArrayList<>(List.of(p.fStar()));
        for (double local : p.localMinima()) {
            accepted.add(local);
        }
        boolean matches = false;
        for (double target : accepted) {
            matches |= Math.abs(f - target) <= 1e-5 * Math.abs(target) + 1e-16;
        }
        assertThat(matches).as("%s: f = %s at %s; reported %s", c, f, Arrays.toString(x),
                accepted).isTrue();
    }

    /**
     * The trigonometric function's local minimum at n = 10 (not in the paper): Levenberg–Marquardt
     * polishes scipy's point (tools/problems_trig_local_scipy.py, 10 digits) to the listed f, and
     * the Hessian there is positive definite.
     */
    @org.junit.jupiter.api.Test
    void trigonometricLocalMinimumAtTenIsAStrictMinimum() {
        Problem p = Problems.named("trigonometric", 10);
        assertThat(p.localMinima()).containsExactly(2.79506e-5);
        double[] start = {0.055150904, 0.0568406168, 0.0587640018, 0.0609906087, 0.0636262137,
            0.0668431795, 0.2081615185, 0.1643630958, 0.0850068959, 0.0914314508};
        LeastSquares ls = (LeastSquares) p.objective();
        double[] x = LevenbergMarquardt.minimize(ls, start, 200);
        double[] g = new double[10];
        double f = ls.evaluate(x, g);
        assertThat(Math.abs(f - 2.79506e-5)).isLessThan(1e-5 * 2.79506e-5);
        assertThat(Differences.maxAbs(g)).isLessThan(1e-9);
        double[] h = new double[100];
        ls.hessian().orElseThrow().evaluate(x, h);
        var chol = org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(10, true);
        assertThat(chol.decompose(org.ejml.data.DMatrixRMaj.wrap(10, 10, h)))
                .as("Hessian positive definite").isTrue();
    }
}
