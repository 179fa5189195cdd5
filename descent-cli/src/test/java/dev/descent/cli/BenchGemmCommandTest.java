package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.linalg.Gemm;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchGemmCommandTest {

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonIsOneObjectWithEveryAvailableBackend() {
        Run r = run("bench", "gemm", "--size", "48", "--reps", "2", "--min-time", "0.01", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        String json = r.out().strip();
        assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n");
        assertThat(json).contains("\"size\":48", "\"inUse\":\"" + Gemm.backend().id() + "\"");
        for (var b : Gemm.available()) {
            assertThat(json).contains("\"name\":\"" + b.id() + "\"");
        }
    }

    @Test
    void humanTableNamesTheBackendInUse() {
        Run r = run("bench", "gemm", "--size", "32", "--reps", "1", "--min-time", "0.01", "--backend", "scalar");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("SGEMM 32×32×32", "scalar", "in use: ");
    }

    @Test
    void badInputIsAUsageError() {
        Run size = run("bench", "gemm", "--size", "0");
        assertThat(size.code()).isEqualTo(2);
        assertThat(size.err()).contains("--size must be in [1, 8192]");
        Run backend = run("bench", "gemm", "--size", "8", "--backend", "cuda");
        assertThat(backend.code()).isEqualTo(2);
        assertThat(backend.err()).contains("openblas, vector or scalar");
        assertThat(run("bench", "gemm", "--help").code()).isZero();
    }

    @Test
    void versionNamesTheMatrixMultiplyBackend() {
        Run r = run("--version");
        assertThat(r.out()).contains("matrix multiply: " + Gemm.backend().id());
    }
}
