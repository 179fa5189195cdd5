package dev.descent.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link LogisticRegression} against scipy 1.10.1 goldens (f and ∇f at two points, w* and f*)
 * written by {@code tools/problems_logreg_scipy.py}, plus input validation and numerical range.
 */
class LogisticRegressionTest {

    private record Golden(LogisticRegression objective, List<double[]> points, double[] wStar,
            double fStar) {}

    private static Golden golden() throws IOException {
        List<String> lines = new ArrayList<>();
        try (var in = LogisticRegressionTest.class.getResourceAsStream("logreg_golden.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        String[] head = lines.get(0).split(" ");
        int n = Integer.parseInt(head[0]);
        int d = Integer.parseInt(head[1]);
        double lambda = Double.parseDouble(head[2]);
        double[] design = new double[n * d];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = parse(lines.get(1 + i));
            System.arraycopy(row, 0, design, i * d, d);
            labels[i] = row[d];
        }
        List<double[]> points = new ArrayList<>();
        double[] wStar = null;
        double fStar = Double.NaN;
        for (String line : lines.subList(1 + n, lines.size())) {
            if (line.startsWith("point ")) {
                points.add(parse(line.substring(6)));
            } else if (line.startsWith("star ")) {
                double[] v = parse(line.substring(5));
                wStar = java.util.Arrays.copyOf(v, d);
                fStar = v[d];
            }
        }
        return new Golden(new LogisticRegression(design, labels, d, lambda), points, wStar,
                fStar);
    }

    private static double[] parse(String line) {
        String[] parts = line.trim().split(" ");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        return v;
    }

    @Test
    void valueAndGradientMatchScipy() throws IOException {
        Golden gold = golden();
        int d = gold.objective().dimension();
        assertThat(gold.points()).hasSize(2);
        for (double[] p : gold.points()) {
            double[] w = java.util.Arrays.copyOf(p, d);
            double[] g = new double[d];
            double f = gold.objective().evaluate(w, g);
            assertThat(f).isCloseTo(p[d], within(1e-14));
            for (int j = 0; j < d; j++) {
                assertThat(g[j]).as("g[%d]", j).isCloseTo(p[d + 1 + j], within(1e-14));
            }
        }
    }

    @Test
    void newtonMinimizerMatchesScipy() throws IOException {
        Golden gold = golden();
        double[] w = gold.objective().minimizer();
        for (int j = 0; j < w.length; j++) {
            assertThat(w[j]).isCloseTo(gold.wStar()[j], within(1e-10));
        }
        assertThat(gold.objective().value(w)).isCloseTo(gold.fStar(), within(1e-14));
    }

    @Test
    void catalogueLogregHasItsMinimizerAndIsSeeded() {
        Problem a = Problems.named("logreg");
        Problem b = Problems.named("logistic-regression");
        assertThat(a.fStar()).isEqualTo(b.fStar());
        assertThat(a.xStar()).containsExactly(b.xStar());
        double[] g = new double[a.dimension()];
        a.objective().evaluate(a.xStar(), g);
        for (double gj : g) {
            assertThat(Math.abs(gj)).isLessThan(1e-12);
        }
        assertThat(Problems.named("logreg:seed=2").fStar()).isNotEqualTo(a.fStar());
        assertThat(Problems.named("logreg:samples=50", 4).dimension()).isEqualTo(4);
    }

    @Test
    void hugeMarginsStayFinite() {
        double[] design = {1, 2, -1, 3};
        var lr = new LogisticRegression(design, new double[] {1, -1}, 2, 0);
        double[] g = new double[2];
        // margins −10⁶ (sample 0) and 4·10⁶ (sample 1): f = (10⁶ + 0)/2
        double f = lr.evaluate(new double[] {1e6, -1e6}, g);
        assertThat(f).isEqualTo(5e5);
        assertThat(g[0]).isEqualTo(-0.5);
        assertThat(g[1]).isEqualTo(-1.0);
        // margins 10⁶ for both: f = 0 and ∇f = 0 exactly, without NaN from exp overflow
        double fRight = lr.evaluate(new double[] {1e6, 0}, g);
        assertThat(fRight).isZero();
        assertThat(g).containsExactly(0, 0);
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        assertThatThrownBy(() -> new LogisticRegression(new double[5], new double[2], 2, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of features = 2");
        assertThatThrownBy(() -> new LogisticRegression(new double[4], new double[3], 2, 0.1))
                .hasMessageContaining("labels has 3 entries");
        assertThatThrownBy(() -> new LogisticRegression(new double[4], new double[] {1, 2}, 2,
                0.1)).hasMessageContaining("label 1 is 2.0");
        assertThatThrownBy(() -> new LogisticRegression(new double[4], new double[2], 2, -1))
                .hasMessageContaining("lambda");
        assertThatThrownBy(() -> new LogisticRegression(new double[] {0, Double.NaN},
                new double[2], 1, 0.1)).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> Problems.named("logreg:lambda=0"))
                .hasMessageContaining("'lambda=0' at column 8 of problem spec 'logreg:lambda=0': lambda must be a number in [1.0E-12, 1000000.0], got 0.0");
        assertThatThrownBy(() -> Problems.named("logreg:samples=x"))
                .hasMessageContaining("'samples=x' at column 8 of problem spec 'logreg:samples=x': 'x' is not an integer");
    }
}
