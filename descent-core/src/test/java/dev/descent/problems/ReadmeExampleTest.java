package dev.descent.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.minimize.Objective;
import org.junit.jupiter.api.Test;

/** The README's "Test problems" example, compiled and checked, and kept identical to the README. */
class ReadmeExampleTest {

    @Test
    void readmeExample() {
        // --- README example begins ---
        Problem wood = Problems.named("wood");               // or "mgh:14"
        double[] x = wood.x0();                               // (-3, -1, -3, -1)
        double[] g = new double[wood.dimension()];
        double f = wood.objective().evaluate(x, g);          // f = 19192, g = ∇f(x0)
        double fStar = wood.fStar();                          // 0, at wood.xStar() = (1, 1, 1, 1)

        Problem big = Problems.named("extended-rosenbrock", 1_000_000);
        Problem ill = Problems.named("quadratic:kappa=1e6", 100);

        double[] design = {1, 0.5, 1, -1.5, 1, 2.0, 1, -0.3};  // 4 samples × 2 features
        double[] labels = {1, 0, 1, 0};
        Objective mine = new LogisticRegression(design, labels, 2, 0.01);
        // --- README example ends ---

        assertThat(f).isEqualTo(19192.0);
        assertThat(fStar).isZero();
        assertThat(wood.xStar()).containsExactly(1, 1, 1, 1);
        assertThat(g[0]).isCloseTo(-12008, within(1e-9));
        assertThat(big.dimension()).isEqualTo(1_000_000);
        assertThat(ill.dimension()).isEqualTo(100);
        assertThat(ill.note()).contains("condition number 1000000.0");
        assertThat(mine.dimension()).isEqualTo(2);
        assertThat(mine.value(new double[2])).isCloseTo(Math.log(2), within(1e-15));
    }

    /** The README's code block under "## Test problems" is the example above, line for line. */
    @Test
    void readmeShowsThisExample() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Test problems"));
        int from = section.indexOf("```java\n") + "```java\n".length();
        String block = section.substring(from, section.indexOf("```", from));
        String source = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/java/dev/descent/problems/ReadmeExampleTest.java"));
        String begin = "// --- README example begins ---\n";
        int a = source.indexOf(begin) + begin.length();
        int b = source.indexOf("        // --- README example ends ---");
        StringBuilder expected = new StringBuilder();
        for (String line : source.substring(a, b).split("\n", -1)) {
            expected.append(line.length() >= 8 ? line.substring(8) : line.strip()).append('\n');
        }
        assertThat(block.strip()).isEqualTo(expected.toString().strip());
    }
}
