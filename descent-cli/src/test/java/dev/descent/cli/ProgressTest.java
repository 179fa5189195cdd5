package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.cli.TrainCommandTest.Run;
import dev.descent.minimize.Iterate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress where people wait: a bar when standard error is a terminal (even with standard output redirected), and the per-epoch lines too. */
class ProgressTest {

    @TempDir
    Path dir;

    @Test
    void withABarDrawnTheEpochLinesAreStillPrinted() {
        PrintStream err = System.err;
        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        System.setProperty("descent.stderr.tty", "true"); // what the launcher passes when stderr is a terminal
        System.setErr(new PrintStream(bar, true, StandardCharsets.UTF_8));
        Run r;
        try {
            r = TrainCommandTest.run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "3", "--batch", "10");
        } finally {
            System.setErr(err);
            System.clearProperty("descent.stderr.tty");
        }
        assertThat(r.code()).as(r.err()).isZero();
        // standard output (redirected here) has every epoch's line; standard error (the terminal) has the bar
        assertThat(r.out()).contains("epoch  1.00", "epoch  2.00", "epoch  3.00");
        assertThat(bar.toString(StandardCharsets.UTF_8)).contains("train", "%");
        Run quiet = TrainCommandTest.run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "1");
        assertThat(quiet.out()).contains("epoch  1.00");
    }

    @Test
    void aTerminalIsWhatTheLauncherSays() {
        System.setProperty("descent.stderr.tty", "false");
        try {
            assertThat(Terminal.stderr()).isFalse();
            System.setProperty("descent.stderr.tty", "true");
            assertThat(Terminal.stderr()).isTrue();
        } finally {
            System.clearProperty("descent.stderr.tty");
        }
    }

    /** A child process whose standard output and error are files, as in a log or CI. */
    private Run child(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aSlowMinimizeRunPrintsALinePerIterationWithAnEstimateWhenNotOnATerminal() throws Exception {
        // Newton at n = 1500 factors a 1500 × 1500 matrix per iteration: about a second each
        Run r = child("minimize", "--problem", "rosenbrock", "--dim", "1500", "--method", "newton", "--max-iter", "4");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.err().lines().filter(l -> l.startsWith("descent minimize: newton iteration")).toList();
        assertThat(lines).as(r.err()).isNotEmpty();
        assertThat(lines.getFirst()).contains("|g|", "elapsed", "per iteration");
        assertThat(r.err()).contains("at most", "(iteration limit 4)");
        assertThat(r.out()).contains("Iterations:").doesNotContain("descent minimize:");
        Run quiet = child("minimize", "--problem", "rosenbrock", "--dim", "1500", "--method", "newton", "--max-iter", "2", "--no-progress");
        assertThat(quiet.err()).doesNotContain("descent minimize:");
    }

    @Test
    void aFastMinimizeRunPrintsNoProgress() {
        Run r = TrainCommandTest.run("minimize", "--problem", "rosenbrock", "--method", "gd", "--max-iter", "2000");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theMinimizeProgressLinesCarryTheEstimateAndTheBarIsDrawnOnATerminal() throws Exception {
        StringWriter text = new StringWriter();
        try (MinimizeProgress p = new MinimizeProgress(new PrintWriter(text), false, "newton", 100, 1e-8, 0)) {
            assertThat(p.stop(new Iterate(0, 10, 1, 0, 1, new double[] {0}))).isFalse();
            Thread.sleep(20);
            p.stop(new Iterate(1, 5, 1e-2, 1, 2, new double[] {0}));
            p.stop(new Iterate(2, 1, 1e-4, 1, 3, new double[] {0}));
        }
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(2); // none for the start, one per iteration
        assertThat(lines.get(0)).startsWith("descent minimize: newton iteration 1: f 5.000000e+00, |g| 1.000e-02")
                .contains("per iteration", "at most", "(iteration limit 100)");
        // |g| fell 100-fold in the last iteration: 1e-4 to 1e-8 takes 2 more at that rate
        assertThat(lines.get(1)).contains("more if |g| keeps falling at its last rate");
        assertThat(MinimizeProgress.duration(0.0083)).isEqualTo("8.3 ms");
        assertThat(MinimizeProgress.duration(0.5)).isEqualTo("500 ms");
        assertThat(MinimizeProgress.duration(1.3)).isEqualTo("1.3 s");
        assertThat(MinimizeProgress.duration(90)).isEqualTo("90 s");
        assertThat(MinimizeProgress.duration(600)).isEqualTo("10.0 min");
        assertThat(MinimizeProgress.duration(3 * 3600)).isEqualTo("3.0 h");

        PrintStream err = System.err;
        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bar, true, StandardCharsets.UTF_8));
        StringWriter none = new StringWriter();
        try (MinimizeProgress p = new MinimizeProgress(new PrintWriter(none), true, "bfgs", 10, 1e-8, 0)) {
            p.stop(new Iterate(0, 10, 1, 0, 1, new double[] {0}));
            p.stop(new Iterate(5, 1, 1e-3, 1, 6, new double[] {0}));
        } finally {
            System.setErr(err);
        }
        assertThat(none.toString()).isEmpty();
        assertThat(bar.toString(StandardCharsets.UTF_8)).contains("bfgs", "5/10", "/it, ~", " left, ≤ ");
    }

    @Test
    void benchAndTourPrintALinePerStageWhenNotOnATerminal() throws Exception {
        Run gemm = child("bench", "gemm", "--size", "32", "--reps", "1", "--min-time", "0.01", "--backend", "scalar");
        assertThat(gemm.code()).as(gemm.err()).isZero();
        assertThat(gemm.err()).contains("descent bench gemm: measuring scalar");
        Run scaling = child("bench", "scaling", "--methods", "lbfgs,bfgs", "--dims", "10,20", "--iterations", "1", "--repeats", "1");
        assertThat(scaling.code()).as(scaling.err()).isZero();
        assertThat(scaling.err()).contains("descent bench scaling: lbfgs timed", "descent bench scaling: bfgs timed");
        Run tour = child("tour", "--quick", "--sections", "3", "--out", dir.resolve("report").toString());
        assertThat(tour.code()).as(tour.err()).isZero();
        assertThat(tour.err()).contains("descent tour: section 3", "started", "done in");
    }
}
