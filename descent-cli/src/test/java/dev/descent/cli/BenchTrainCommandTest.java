package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchTrainCommandTest {

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
    void jsonHasTheEpochTheMatrixMultipliesTheirRatioAndTheBreakdown() {
        Run r = run("bench", "train", "--data", "spiral", "--model", "mlp:32", "--batch", "50", "--epochs", "2",
                "--replays", "2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        String json = r.out().strip();
        assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n");
        assertThat(json).contains("\"model\":\"mlp:32", "\"batch\":50", "\"threads\":1", "\"epochSeconds\":",
                "\"gemmSeconds\":", "\"gemmBoundRatio\":", "\"breakdown\":{\"gemm\":", "\"optimizerStep\":",
                "\"backend\":", "\"gemmCalls\":30"); // 6 steps × (2 forward + 2 weight-gradient + 1 input-gradient)
        assertThat(json).containsPattern("\"epochCpuSeconds\":[0-9.eE-]+,\"gemmCpuSeconds\":[0-9.eE-]+,\"cpuBoundRatio\":[0-9.eE-]+");
    }

    @Test
    void textGivesTheRatioInCpuTimeOnOneThread() {
        Run r = run("bench", "train", "--data", "spiral", "--model", "mlp:16", "--batch", "60", "--epochs", "1",
                "--replays", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("in CPU time");
    }

    @Test
    void textNamesTheRatioAndTheThreads() {
        Run r = run("bench", "train", "--data", "spiral", "--model", "mlp:16", "--batch", "60", "--threads", "2",
                "--epochs", "1", "--replays", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 threads", "data parallel", "epoch / matrix multiplies", "breakdown per epoch");
    }

    @Test
    void badRangesAreUsageErrors() {
        Run r = run("bench", "train", "--data", "spiral", "--epochs", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--epochs must be in [1, 1000]");
        Run t = run("bench", "train", "--data", "spiral", "--threads", "0");
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("--threads");
    }
}
