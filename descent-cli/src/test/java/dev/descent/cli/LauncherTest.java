package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code descent} launcher script, run against a stand-in {@code java}: it drops exactly the
 * JVM's incubator warning from standard error and nothing else, keeps standard output, the exit
 * status and death by a signal, and tells the JVM whether standard error is a terminal.
 */
class LauncherTest {

    static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    @TempDir
    Path root;

    Path launcher;
    Path jdk;
    final List<Process> started = new ArrayList<>();

    @BeforeEach
    void fakeInstall() throws Exception {
        launcher = Files.copy(Path.of("..", "descent").toAbsolutePath().normalize(), root.resolve("descent"));
        Files.createDirectories(root.resolve("descent-cli/target"));
        Files.writeString(root.resolve("descent-cli/target/descent-cli-all.jar"), "not a jar"); // up to date: no sources here
        jdk = root.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        script(jdk.resolve("bin/javac"), "#!/bin/sh\nexit 0\n");
        script(jdk.resolve("bin/java"), """
                #!/bin/bash
                case "$*" in *-XshowSettings*) echo "    java.specification.version = 25" >&2; exit 0;; esac
                echo "%s" >&2
                echo "keep: %s (not the exact line)" >&2
                echo "args: $*"
                printf 'bar 50%%%%\\r' >&2
                echo "an error of ours" >&2
                case "$FAKE_MODE" in
                  exit) exit 7 ;;
                  term) kill -TERM $$ ;;
                  wait) trap 'echo "descent: interrupted; continue with descent train --resume ck" >&2; exit 130' INT
                        echo ready; while true; do sleep 0.05; done ;;
                esac
                exit 0
                """.formatted(WARNING, WARNING));
    }

    private static void script(Path p, String text) throws Exception {
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Process start(String mode) throws Exception {
        // in its own process group (setsid), as a shell runs a foreground job; with SIGINT at its
        // default disposition (env --default-signal), since a test run started as a background job
        // inherits SIGINT ignored, and a shell cannot trap a signal ignored on entry
        ProcessBuilder pb = new ProcessBuilder("env", "--default-signal=INT", "setsid", launcher.toString(), "train", "--epochs", "1");
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("FAKE_MODE", mode);
        pb.redirectOutput(root.resolve("out").toFile()).redirectError(root.resolve("err").toFile());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** A failed test leaves no launcher, fake java or filter running. */
    @AfterEach
    void stopWhatWasStarted() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void dropsExactlyTheIncubatorLineAndKeepsTheExitStatus() throws Exception {
        Process p = start("exit");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(7);
        Thread.sleep(200); // the filter writes after java ends
        String err = Files.readString(root.resolve("err"));
        assertThat(err).isEqualTo("keep: " + WARNING + " (not the exact line)\nbar 50%\ran error of ours\n");
        assertThat(Files.readString(root.resolve("out"))).contains("args: ", "-Ddescent.stderr.tty=false", "-jar", "train --epochs 1");
    }

    @Test
    void keepsDeathBySignal() throws Exception {
        Process p = start("term");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(128 + 15);
    }

    @Test
    void ctrlCReachesJavaAndItsLastWordsGetOut() throws Exception {
        Process p = start("wait");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.readString(root.resolve("out")).contains("ready") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // SIGINT to the whole process group, as a terminal's Ctrl-C does: the filter must survive it
        assertThat(new ProcessBuilder("kill", "-INT", "--", "-" + p.pid()).start().waitFor()).isZero();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        Thread.sleep(200);
        assertThat(Files.readString(root.resolve("err"))).contains("descent: interrupted; continue with descent train --resume ck")
                .doesNotContain(WARNING + "\n");
    }
}
