package dev.descent.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.problems.Problem;
import dev.descent.problems.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Newton and quasi-Newton method over the whole test-problem catalogue, at each problem's
 * default dimension: the run must converge, f(x) must equal the reported f, the gradient must
 * meet its tolerance, f must reach f* (or a local minimum the reference reports), and x must be
 * near x* where x* is unique. Known failures are listed in {@link #KNOWN} with the reason.
 */
class CatalogueTest {

    static final List<String> METHODS = List.of("newton", "bfgs", "lbfgs", "newton-cg");

    static final Settings SETTINGS = Settings.DEFAULTS.withGradTol(1e-6).withMaxIterations(5000).withMaxEvaluations(50_000);

    /** "method problem" → why it is skipped: the run does not reach f* or a reported local minimum. */
    static final Map<String, String> KNOWN = Map.of(
            "newton-cg meyer", "badly scaled (x₂ ≈ 6000, x₁ ≈ 0.0056): truncated CG on forward-difference-free "
                    + "exact products still stalls at f ≈ 4006 after ~360 iterations; Newton, BFGS and L-BFGS reach f*",
            "newton biggs-exp6", "Newton with modified Cholesky converges (‖g‖ < 1e-6) to a stationary point "
                    + "f = 0.24269 that is neither f* = 0 nor the local minimum 5.65565e-3 the reference reports");

    /**
     * "method problem" → why the run may end with LINE_SEARCH_FAILED instead of a convergence
     * status: it reaches f* (asserted), but rounding in f stops every line search before ‖g‖∞
     * falls below 1e-6, and the problem is so badly scaled that the relative gradient
     * max|gᵢ|·max(|xᵢ|, 1) / max(|f|, 1) stays above precisionTol (6.6e-5 to 0.7), so the stop
     * is not {@link Status#CONVERGED_PRECISION}. (Newton on jennrich-sampson, ‖g‖ 3.8e-6, and
     * L-BFGS on brown-dennis, ‖g‖ 1.1e-5, stalled here too before that status existed; their
     * relative gradients, 3e-8 and 1.7e-9, now make them successes.)
     */
    static final Map<String, String> STALLS_AT_MINIMUM = Map.of(
            "newton meyer", "reaches f* = 87.9458; ‖g‖ ≈ 6e-3 on a problem whose x₂ ≈ 6000 makes f's rounding ~1e-14·|∇f||x|",
            "bfgs meyer", "reaches f* = 87.9458; stalls with ‖g‖ ≈ 60 (badly scaled: x₂ ≈ 6000, x₁ ≈ 0.0056)",
            "lbfgs meyer", "reaches f* = 87.9458; stalls with ‖g‖ ≈ 0.6 (badly scaled: x₂ ≈ 6000, x₁ ≈ 0.0056)");

    /**
     * Problems whose Hessian is singular at x*, so that ‖x − x*‖ ~ (f − f*)^¼ and a gradient
     * tolerance of 1e-6 leaves x about 1e-3 from x*: checked to 1e-2 instead of 1e-3.
     */
    static final List<String> SINGULAR_AT_MINIMUM = List.of("powell-singular", "extended-powell");

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String p : Problems.names()) {
            for (String m : METHODS) {
                out.add(Arguments.of(m, p));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void solves(String methodName, String problemName) {
        String reason = KNOWN.get(methodName + " " + problemName);
        assumeTrue(reason == null, () -> "known failure: " + reason);
        Problem p = Problems.named(problemName);
        Method m = Method.named(methodName);
        assumeTrue(!(m instanceof Method.Newton) || p.objective().hessian().isPresent(), "no analytic Hessian");
        Result r = Minimize.run(p.objective(), p.x0(), m, SETTINGS);
        String why = p + "\n" + r;
        String key = methodName + " " + problemName;
        if (STALLS_AT_MINIMUM.containsKey(key) && r.status() == Status.LINE_SEARCH_FAILED) {
            assertThat(close(r.f(), p.fStar())).as(why).isTrue();
        } else {
            assertThat(r.converged()).as(why).isTrue();
        }
        assertThat(p.objective().value(r.x())).as(why).isEqualTo(r.f());
        if (r.status() == Status.CONVERGED_GRADIENT) {
            assertThat(r.gradNorm()).as(why).isLessThanOrEqualTo(SETTINGS.gradTol());
        }
        if (r.status() == Status.CONVERGED_PRECISION) {
            assertThat(r.scaledGradNorm()).as(why).isLessThanOrEqualTo(SETTINGS.precisionTol());
        }
        if (p.hasFStar()) {
            boolean atMin = close(r.f(), p.fStar());
            for (double lm : p.localMinima()) {
                atMin |= close(r.f(), lm);
            }
            assertThat(atMin).as("f = %s, f* = %s\n%s", r.f(), p.fStar(), why).isTrue();
            if (p.hasXStar() && close(r.f(), p.fStar())) {
                double[] xs = p.xStar();
                double xTol = SINGULAR_AT_MINIMUM.contains(problemName) ? 1e-2 : 1e-3;
                for (int i = 0; i < xs.length; i++) {
                    assertThat(Math.abs(r.x()[i] - xs[i])).as("x[%d]\n%s", i, why)
                            .isLessThanOrEqualTo(xTol * (1 + Math.abs(xs[i])));
                }
            }
        }
    }

    private static boolean close(double f, double target) {
        // the reference values are printed to about six significant digits
        return Math.abs(f - target) <= 1e-5 * Math.max(1, Math.abs(target));
    }
}
