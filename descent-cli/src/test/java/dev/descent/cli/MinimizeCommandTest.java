package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MinimizeCommandTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonHasEveryFieldAndConverges() {
        Run r = run("minimize", "--problem", "rosenbrock", "--method", "lbfgs", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        String j = r.out().strip();
        assertThat(j).startsWith("{").endsWith("}").doesNotContain("\n");
        for (String k : List.of("method", "problem", "dim", "status", "converged", "iterations", "fEvals", "gEvals",
                "hEvals", "hvEvals", "f", "gradNorm", "seconds", "x")) {
            assertThat(j).contains("\"" + k + "\":");
        }
        assertThat(j).contains("\"method\":\"lbfgs\"", "\"problem\":\"rosenbrock\"", "\"dim\":2",
                "\"status\":\"CONVERGED_GRADIENT\"", "\"converged\":true");
    }

    @Test
    void largeDimensionOmitsX() {
        Run r = run("minimize", "--problem", "extended-rosenbrock", "--dim", "20", "--method", "newton-cg", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"dim\":20").doesNotContain("\"x\":");
    }

    @Test
    void humanOutputIsTheSummary() {
        Run r = run("minimize", "--problem", "beale", "--method", "bfgs", "--memory", "3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--memory applies to lbfgs only");
        Run ok = run("minimize", "--problem", "beale", "--method", "bfgs", "--line-search", "armijo");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("problem beale (n = 2)", " * Status: success", "Algorithm:     bfgs");
    }

    @Test
    void traceFileHasHeaderAndOneRowPerIterate(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("t.csv");
        Run r = run("minimize", "--problem", "rosenbrock", "--method", "adam", "--lr", "0.05", "--max-iter", "50",
                "--schedule", "cosine:steps=50", "--trace", csv.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"status\":\"ITERATION_LIMIT\"", "\"iterations\":50");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo("iter,f,gradNorm,lr,fEvals,x0,x1");
        assertThat(lines).hasSize(1 + 51);
        // row 0 is f at the exact x0 (first-order runs iterate in double): 24.2 up to rounding
        assertThat(lines.get(1)).startsWith("0,").endsWith(",-1.2,1.0");
        assertThat(Double.parseDouble(lines.get(1).split(",")[1])).isCloseTo(24.2, org.assertj.core.api.Assertions.within(1e-12));
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(csv); // no temporary file left behind
        }
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        Run bad = run("minimize", "--problem", "rosenbrock", "--method", "newtonx");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).contains("unknown method 'newtonx'", "lbfgs").doesNotContain("\n");
        Run x0 = run("minimize", "--problem", "rosenbrock", "--method", "gd", "--x0", "1,2,3");
        assertThat(x0.code()).isEqualTo(2);
        assertThat(x0.err()).contains("--x0 has 3 values");
        Run lr = run("minimize", "--problem", "rosenbrock", "--method", "lbfgs", "--lr", "0.1");
        assertThat(lr.code()).isEqualTo(2);
        assertThat(lr.err()).contains("--lr");
        Run missing = run("minimize", "--method", "lbfgs");
        assertThat(missing.code()).isEqualTo(2);
    }

    @Test
    void unwritableTraceExitsTwoWithOneLineBeforeRunning(@TempDir Path dir) throws Exception {
        Run isDir = run("minimize", "--problem", "rosenbrock", "--method", "lbfgs", "--trace", dir.toString());
        assertThat(isDir.code()).isEqualTo(2);
        assertThat(isDir.err().strip()).contains("is a directory", "trace.csv").doesNotContain("\n");
        assertThat(isDir.out()).isEmpty();
        Path file = dir.resolve("plain");
        Files.writeString(file, "x");
        Run underFile = run("minimize", "--problem", "rosenbrock", "--method", "lbfgs", "--trace",
                file.resolve("t.csv").toString());
        assertThat(underFile.code()).isEqualTo(2);
        assertThat(underFile.err().strip()).startsWith("descent: cannot write --trace").contains("writable directory")
                .doesNotContain("\n").doesNotContain("Exception");
        assertThat(underFile.out()).isEmpty();
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("plain");
        }
    }

    @Test
    void customStartAndFirstOrderFlags() {
        Run r = run("minimize", "--problem", "rosenbrock", "--x0", "0.5,0.5", "--method", "momentum", "--lr", "0.001",
                "--momentum", "0.5", "--max-iter", "10", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"method\":\"momentum\"", "\"iterations\":10");
        Run bad = run("minimize", "--problem", "rosenbrock", "--method", "adam", "--momentum", "0.5");
        assertThat(bad.code()).isEqualTo(2);
    }

    @Test
    void outOfRangeSettingsNameTheirFlag() {
        record Case(String[] args, String message) {}
        for (Case c : java.util.List.of(
                new Case(new String[] {"--max-iter", "-1"}, "descent: --max-iter: maxIterations must be >= 0, got -1"),
                new Case(new String[] {"--grad-tol", "-1"}, "descent: --grad-tol: "),
                new Case(new String[] {"--memory", "0"}, "descent: --memory: "))) {
            String[] args = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("minimize", "--problem", "rosenbrock", "--method", "lbfgs"),
                    java.util.Arrays.stream(c.args())).toArray(String[]::new);
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", c.args())).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", c.args())).startsWith(c.message()).doesNotContain("\n");
        }
    }
}
