package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.cli.TrainCommandTest.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Progress where people wait: a bar when standard error is a terminal (even with standard output redirected), and the per-epoch lines too. */
class ProgressTest {

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
}
