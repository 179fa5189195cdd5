package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.train.Checkpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The JSON without the wall-clock fields, which differ run to run. */
    static String deterministic(String json) {
        return json.replaceAll("\"(epochSecondsMedian|samplesPerSecond|trainSeconds)\":[^,}]+|\"epochSeconds\":\\[[^\\]]*\\]", "\"$1\":_").strip();
    }

    @Test
    void jsonPrintsExactlyOneObjectWithTheAgreedFields() {
        Run r = run("train", "--data", "spiral", "--model", "mlp:100", "--optimizer", "adam", "--lr", "0.01",
                "--batch", "32", "--epochs", "50", "--json");
        assertThat(r.code()).isZero();
        String out = r.out().strip();
        assertThat(out).startsWith("{").endsWith("}").doesNotContain("\n");
        for (String k : List.of("status", "epochs", "steps", "trainLoss", "valLoss", "valAccuracy", "epochSecondsMedian",
                "samplesPerSecond", "divergenceEvents", "backend")) {
            assertThat(out).contains("\"" + k + "\":");
        }
        assertThat(out).contains("\"status\":\"completed\"", "\"steps\":500", "\"divergenceEvents\":0");
        double acc = Double.parseDouble(out.replaceAll(".*\"trainAccuracy\":([0-9.]+).*", "$1"));
        assertThat(acc).isGreaterThan(0.95);
    }

    @Test
    void humanOutputAndMetricsFilesInBothFormats() throws Exception {
        Path csv = dir.resolve("m.csv");
        Run r = run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--lr", "0.1", "--epochs", "3",
                "--batch", "50", "--metrics", csv.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("completed 18 steps (3.00 epochs)", "val loss", "epoch  1.00");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("step,epoch,train_loss,val_loss,val_accuracy,lr,elapsed_s,objective,passes,batch");
        assertThat(lines).hasSize(5); // header, step 0 and three epoch ends
        assertThat(lines.get(1)).startsWith("0,0.0,,");
        Path jsonl = dir.resolve("m.jsonl");
        assertThat(run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "2",
                "--metrics", jsonl.toString(), "--json").code()).isZero();
        List<String> js = Files.readAllLines(jsonl);
        assertThat(js).hasSize(3);
        assertThat(js.get(2)).startsWith("{\"step\":6,\"epoch\":2.0,\"trainLoss\":");
    }

    @Test
    void sgdAtLearningRate100DivergesGracefully() {
        Run r = run("train", "--data", "spiral", "--model", "mlp:100", "--optimizer", "sgd", "--lr", "100", "--epochs", "20",
                "--batch", "32", "--json");
        // a run that ends diverged exits with its own status, 3; one that recovered, 0
        assertThat(r.code()).isEqualTo(r.out().contains("\"status\": \"diverged\"") ? Main.EXIT_DIVERGED : 0);
        assertThat(r.err()).isEmpty();
        int events = Integer.parseInt(r.out().replaceAll(".*\"divergenceEvents\":(\\d+).*", "$1").strip());
        assertThat(r.out().contains("\"status\":\"diverged\"") || events > 0).isTrue();
        assertThat(events).isGreaterThan(0);
    }

    @Test
    void badInputExitsWith2AndOneLine() throws Exception {
        for (String[] args : List.of(
                new String[] {"train", "--optimizer", "adam"},
                new String[] {"train", "--model", "mlp:10", "--optimizer", "adam", "--data", "nosuch"},
                new String[] {"train", "--model", "mlp:10", "--optimizer", "nosuch", "--data", "spiral"},
                new String[] {"train", "--model", "mlp:x", "--optimizer", "adam", "--data", "spiral"},
                new String[] {"train", "--model", "mlp:10", "--optimizer", "adam", "--data", "spiral", "--batch", "0"},
                new String[] {"train", "--model", "mlp:10", "--optimizer", "adam", "--data", "spiral", "--schedule", "bogus:1"},
                new String[] {"train", "--model", "mlp:10", "--optimizer", "adam", "--data", "fashion-mnist", "--data-dir", dir.toString()},
                new String[] {"train", "--resume", dir.resolve("none").toString()},
                new String[] {"train", "--epochs", "x"})) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", args)).startsWith("descent: ").doesNotContain("\n");
        }
        assertThat(run("train", "--model", "mlp:10", "--optimizer", "adam", "--data", "fashion-mnist", "--data-dir", dir.toString())
                .err()).contains("apt-get install dataset-fashion-mnist");
    }

    /** Bad output paths and flags fail before any data is read: one line naming the problem and the fix, exit 2. */
    @Test
    void badOutputPathsAndFlagsAreUsageErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "user data");
        String[] base = {"train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--steps", "2"};
        record Case(String[] extra, String message) {}
        for (Case c : List.of(
                new Case(new String[] {"--metrics", dir.toString()}, "is a directory; give a file name such as " + dir.resolve("metrics.csv")),
                new Case(new String[] {"--metrics", "/"}, "/ is a directory"),
                new Case(new String[] {"--metrics", dir.resolve("missing/m.csv").toString()}, "does not exist"),
                new Case(new String[] {"--checkpoint", file.toString()}, "is a file, not a directory"),
                new Case(new String[] {"--checkpoint", file.resolve("ck").toString()}, "--checkpoint: cannot write in"),
                new Case(new String[] {"--clip", "-1"}, "--clip must be finite and ≥ 0 (0 = off), got -1.0"),
                new Case(new String[] {"--eval-every", "-1"}, "--eval-every must be ≥ 0"),
                new Case(new String[] {"--checkpoint-every", "-3"}, "--checkpoint-every must be ≥ 0"),
                new Case(new String[] {"--lr", "NaN"}, "lr must be a finite number"),
                new Case(new String[] {"--bogus"}, "Unknown option: '--bogus'"))) {
            Run r = run(concat(base, c.extra()));
            assertThat(r.code()).as(String.join(" ", c.extra())).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", c.extra())).contains(c.message()).doesNotContain("\n", "\tat ");
            assertThat(r.out()).isEmpty();
        }
        assertThat(Files.readString(file)).isEqualTo("user data");
        Run none = run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--steps", "0");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err().strip()).isEqualTo("descent: --epochs or --steps must be positive (see 'descent train --help')");
    }

    @Test
    void aCorruptCheckpointIsRefused() throws Exception {
        Path ck = dir.resolve("ck");
        assertThat(run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "2",
                "--checkpoint", ck.toString(), "--json").code()).isZero();
        Path f = ck.resolve(Checkpoint.FILE);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 3] ^= 1;
        Files.write(f, b);
        Run r = run("train", "--resume", ck.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("checkpoint.bin is corrupt: checksum mismatch", "refusing to resume");
        Run other = run("train", "--resume", ck.resolve(Checkpoint.PREVIOUS).toString(), "--model", "mlp:3");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("--model mlp:3 differs from the checkpointed run's softmax");
    }

    /**
     * A real process killed with SIGKILL in the middle of a run, then {@code --resume}: the final
     * parameters and metrics equal an uninterrupted run's, bit for bit.
     */
    @Test
    void killMinus9ThenResumeIsBitIdentical() throws Exception {
        String[] common = {"train", "--data", "spiral", "--model", "mlp:64", "--optimizer", "momentum", "--lr", "0.05",
            "--batch", "16", "--epochs", "100", "--seed", "3", "--threads", "1", "--checkpoint-every", "25", "--json"};
        Path whole = dir.resolve("whole");
        Run a = run(concat(common, "--checkpoint", whole.toString()));
        assertThat(a.code()).isZero();

        Path killed = dir.resolve("killed");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(concat(common, "--checkpoint", killed.toString())));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long step = 0;
        while (p.isAlive() && System.nanoTime() < deadline) {
            Path f = killed.resolve(Checkpoint.FILE);
            if (Files.exists(f)) {
                try {
                    step = Checkpoint.read(killed).step();
                } catch (IllegalArgumentException | java.io.IOException e) {
                    step = 0; // being renamed right now
                }
                if (step >= 200) {
                    break;
                }
            }
            Thread.sleep(2);
        }
        assertThat(p.isAlive()).as("the child must still be running when killed (see child.log)").isTrue();
        p.destroyForcibly(); // SIGKILL on Linux
        p.waitFor();
        assertThat(p.exitValue()).isEqualTo(137);
        long at = Checkpoint.read(killed).step();
        assertThat(at).isGreaterThan(0).isLessThan(1900);

        Run b = run("train", "--resume", killed.toString(), "--json");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(deterministic(b.out())).isEqualTo(deterministic(a.out()));
        Checkpoint ca = Checkpoint.read(whole);
        Checkpoint cb = Checkpoint.read(killed);
        assertThat(cb.step()).isEqualTo(ca.step());
        assertThat(cb.params()).isEqualTo(ca.params());
        assertThat(cb.optimizerState()).isEqualTo(ca.optimizerState());
        assertThat(cb.history().records().stream().map(x -> x.valLoss()).toList())
                .isEqualTo(ca.history().records().stream().map(x -> x.valLoss()).toList());
    }

    static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
