package dev.descent.minimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.problems.Problem;
import dev.descent.problems.Problems;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * descent's BFGS, L-BFGS and Newton-CG reach the same minimum as scipy 1.10.1's BFGS, L-BFGS-B and
 * Newton-CG (goldens from {@code tools/minimize_scipy_goldens.py}, which minimizes descent's own
 * functions served to scipy by {@code tools/minimize_objective_server.java}). The goldens also
 * record scipy's iteration and evaluation counts; the side-by-side counts are in PERFORMANCE.md.
 */
class ScipyGoldensTest {

    record Golden(String problem, int dim, String scipyMethod, int nit, int nfev, double f, double[] x) {
        @Override
        public String toString() {
            return scipyMethod + " on " + problem;
        }
    }

    static final Map<String, String> METHOD = Map.of("BFGS", "bfgs", "L-BFGS-B", "lbfgs", "Newton-CG", "newton-cg");

    /** Problems whose minimizer is not unique: only f is compared (box3: x₁ = x₂, x₃ = 0 is a valley of minima). */
    static final Set<String> NON_UNIQUE = Set.of("box3");

    static List<Golden> goldens() throws IOException {
        List<Golden> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ScipyGoldensTest.class.getResourceAsStream("scipy_goldens.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("problem,")) {
                    continue;
                }
                String[] t = line.split(",");
                String[] xs = t[7].split(";");
                double[] x = new double[xs.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = Double.parseDouble(xs[i]);
                }
                assertThat(t[3]).as("scipy success for " + line).isEqualTo("True");
                out.add(new Golden(t[0], Integer.parseInt(t[1]), t[2], Integer.parseInt(t[4]), Integer.parseInt(t[5]),
                        Double.parseDouble(t[6]), x));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void sameMinimumAsScipy(Golden g) {
        Problem p = Problems.named(g.problem(), g.dim());
        Result r = Minimize.run(p.objective(), p.x0(), Method.named(METHOD.get(g.scipyMethod())),
                Settings.DEFAULTS.withGradTol(1e-8));
        String why = g + " scipy f=" + g.f() + " nfev=" + g.nfev() + "\n" + r;
        assertThat(r.status()).as(why).isIn(Status.CONVERGED_GRADIENT, Status.LINE_SEARCH_FAILED);
        assertThat(Math.abs(r.f() - g.f())).as(why).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(g.f())));
        if (!NON_UNIQUE.contains(g.problem())) {
            for (int i = 0; i < g.x().length; i++) {
                assertThat(Math.abs(r.x()[i] - g.x()[i])).as("x[%d] %s", i, why)
                        .isLessThanOrEqualTo(1e-5 * (1 + Math.abs(g.x()[i])));
            }
        }
    }
}
