package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.cli.TrainCommandTest.Run;
import dev.descent.io.DirectoryLock;
import dev.descent.train.Checkpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs never destroy anything: links stay links, streams stay streams, an output that is an
 * input is refused, checkpoint directories are never silently replaced or shared, recovery keeps
 * the last good copy, and an interrupted run says how to continue.
 */
class OutputSafetyTest {

    @TempDir
    Path dir;

    static Run run(String... args) {
        return TrainCommandTest.run(args);
    }

    private Path csv() throws IOException {
        StringBuilder b = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 40; i++) {
            b.append(i % 2 == 0 ? i * 0.1 : -i * 0.1).append(',').append(i * 0.05).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        return Files.writeString(dir.resolve("data.csv"), b);
    }

    @Test
    void aSymlinkedMetricsFileStaysALinkAndItsTargetIsUpdated() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("m.csv"), real);
        Run r = run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "1", "--metrics", link.toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("step,epoch,train_loss");
    }

    @Test
    void everyOutputGetsTheSamePermissions() throws IOException {
        Path m = dir.resolve("m.csv");
        Path t = dir.resolve("t.csv");
        Path p = dir.resolve("p.svg");
        assertThat(run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "1", "--metrics", m.toString(),
                "--checkpoint", dir.resolve("ck").toString(), "--json").code()).isZero();
        assertThat(run("minimize", "--problem", "rosenbrock", "--method", "bfgs", "--trace", t.toString()).code()).isZero();
        assertThat(run("lr-find", "--data", "spiral", "--model", "softmax", "--optimizer", "sgd", "--steps", "20", "--plot", p.toString())
                .code()).isZero();
        for (Path f : List.of(m, t, p, dir.resolve("ck").resolve(Checkpoint.FILE))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void aTraceIntoAFifoIsWrittenAsAStream() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Run r = run("minimize", "--problem", "rosenbrock", "--method", "bfgs", "--trace", fifo.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(reader.get(30, TimeUnit.SECONDS)).startsWith("iter,f,gradNorm");
        assertThat(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
        Run devNull = run("minimize", "--problem", "rosenbrock", "--method", "bfgs", "--trace", "/dev/null");
        assertThat(devNull.code()).isZero();
        assertThat(Files.readAttributes(Path.of("/dev/null"), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
    }

    @Test
    void anOutputThatIsAnInputIsRefusedBeforeAnythingRuns() throws IOException {
        Path data = csv();
        String before = Files.readString(data);
        Path link = Files.createSymbolicLink(dir.resolve("alias.csv"), data);
        for (Path out : List.of(data, link)) {
            Run r = run("train", "--data", data.toString(), "--model", "softmax", "--optimizer", "sgd", "--epochs", "1",
                    "--metrics", out.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("descent: --metrics " + out + " is the same file as --data " + data)
                    .doesNotContain("\n");
        }
        Path ck = dir.resolve("ck");
        assertThat(run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "1", "--checkpoint",
                ck.toString(), "--json").code()).isZero();
        Run intoCheckpoint = run("train", "--resume", ck.toString(), "--metrics", ck.resolve(Checkpoint.FILE).toString());
        assertThat(intoCheckpoint.code()).isEqualTo(2);
        assertThat(intoCheckpoint.err()).contains("is the same file as");
        assertThat(Checkpoint.intact(ck.resolve(Checkpoint.FILE))).isTrue();
        assertThat(Files.readString(data)).isEqualTo(before);
    }

    @Test
    void aNewRunIntoAnotherRunsCheckpointIsRefusedUnlessOverwrite() throws IOException {
        Path ck = dir.resolve("ck");
        String[] first = {"train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "2", "--checkpoint",
            ck.toString(), "--json"};
        assertThat(run(first).code()).isZero();
        byte[] theirs = Files.readAllBytes(ck.resolve(Checkpoint.FILE));
        byte[] theirPrev = Files.readAllBytes(ck.resolve(Checkpoint.PREVIOUS));
        Run again = run("train", "--data", "blobs", "--model", "mlp:8", "--optimizer", "adam", "--epochs", "1", "--checkpoint",
                ck.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("descent: --checkpoint: " + ck + " holds another run's checkpoint; continue it with"
                + " descent train --resume " + ck + ", or give --overwrite to replace it, or choose another directory"
                + " (see 'descent train --help')");
        assertThat(Files.readAllBytes(ck.resolve(Checkpoint.FILE))).isEqualTo(theirs);
        assertThat(Files.readAllBytes(ck.resolve(Checkpoint.PREVIOUS))).isEqualTo(theirPrev);
        Run overwrite = run("train", "--data", "blobs", "--model", "mlp:8", "--optimizer", "adam", "--epochs", "1", "--checkpoint",
                ck.toString(), "--overwrite", "--json");
        assertThat(overwrite.code()).as(overwrite.err()).isZero();
        assertThat(Checkpoint.read(ck.resolve(Checkpoint.PREVIOUS)).meta().get("args")).contains("mlp:8"); // none of the old run left
    }

    @Test
    void aLockedCheckpointDirectoryIsRefusedNamingTheOtherRun() throws IOException {
        Path ck = dir.resolve("ck");
        try (DirectoryLock other = DirectoryLock.acquire(ck, "descent train --model mlp:64 (the other run)")) {
            Run r = run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "1", "--checkpoint",
                    ck.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("descent: --checkpoint: " + ck + " is in use by another run (pid ")
                    .contains("descent train --model mlp:64 (the other run)").doesNotContain("\n");
            assertThat(Checkpoint.existsIn(ck)).isFalse();
        }
        assertThat(run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "1", "--checkpoint",
                ck.toString(), "--json").code()).isZero();
    }

    @Test
    void resumingFromTheBackupNeverDestroysIt() throws Exception {
        Path ck = dir.resolve("ck");
        assertThat(run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "sgd", "--epochs", "3", "--checkpoint",
                ck.toString(), "--json").code()).isZero();
        Path f = ck.resolve(Checkpoint.FILE);
        Path prev = ck.resolve(Checkpoint.PREVIOUS);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 1;
        Files.write(f, b);
        byte[] good = Files.readAllBytes(prev);
        Run refused = run("train", "--resume", ck.toString());
        assertThat(refused.code()).isEqualTo(2);
        String advice = "resume from it with descent train --resume " + prev;
        assertThat(refused.err()).contains("checkpoint.bin is corrupt", "the previous checkpoint " + prev + " is intact", advice);
        // exactly the command it printed
        Run resumed = run("train", "--resume", prev.toString(), "--epochs", "4", "--json");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Files.readAllBytes(ck.resolve(Checkpoint.CORRUPT))).isEqualTo(b); // set aside, never on top of the backup
        assertThat(Checkpoint.intact(f)).isTrue();
        assertThat(Checkpoint.intact(prev)).isTrue();
        long goodStep = Checkpoint.read(Files.write(dir.resolve("good.bin"), good)).step();
        assertThat(Checkpoint.read(prev).step()).isGreaterThan(goodStep);
    }

    @Test
    void aResumedRunCanBeExtendedAndExplicitDefaultsAreNoConflict() throws IOException {
        String[] base = {"train", "--data", "spiral", "--model", "mlp:16", "--optimizer", "adam", "--lr", "0.01", "--seed", "4", "--json"};
        Path whole = dir.resolve("whole");
        Run a = run(TrainCommandTest.concat(base, "--epochs", "6", "--checkpoint", whole.toString()));
        assertThat(a.code()).isZero();
        Path part = dir.resolve("part");
        assertThat(run(TrainCommandTest.concat(base, "--epochs", "3", "--checkpoint", part.toString())).code()).isZero();
        Run b = run("train", "--resume", part.toString(), "--epochs", "6", "--batch", "128", "--lr", "1e-2", "--json");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(TrainCommandTest.deterministic(b.out())).isEqualTo(TrainCommandTest.deterministic(a.out()));
        assertThat(Checkpoint.read(part).params()).isEqualTo(Checkpoint.read(whole).params());
        // the extension is remembered: a later resume continues the 6-epoch run, and a shorter budget is refused
        assertThat(Checkpoint.read(part).meta().get("args")).endsWith("--epochs\u00006");
        Run shorter = run("train", "--resume", part.toString(), "--epochs", "2");
        assertThat(shorter.code()).isEqualTo(2);
        assertThat(shorter.err()).contains("the checkpointed run is at step", "give more --epochs or --steps");
        Run conflict = run("train", "--resume", part.toString(), "--batch", "64");
        assertThat(conflict.code()).isEqualTo(2);
        assertThat(conflict.err()).contains("--batch 64 differs from the checkpointed run's 128 (the default)");
    }

    @Test
    void flagsThatDoNotApplyAreRefused() {
        String[] base = {"train", "--data", "spiral", "--model", "softmax", "--optimizer", "sgd", "--epochs", "1"};
        for (String[] extra : List.of(new String[] {"--validation", "0.3"}, new String[] {"--label", "y"},
                new String[] {"--data-dir", dir.toString()}, new String[] {"--checkpoint-every", "5"},
                new String[] {"--schedule-per-epoch"}, new String[] {"--overwrite"})) {
            Run r = run(TrainCommandTest.concat(base, extra));
            assertThat(r.code()).as(extra[0]).isEqualTo(2);
            assertThat(r.err().strip()).as(extra[0]).startsWith("descent: " + extra[0] + " applies ").doesNotContain("\n");
        }
    }

    @Test
    void aDivergedRunHasItsOwnExitStatus() {
        Run r = run("train", "--data", "spiral", "--model", "mlp:100", "--optimizer", "sgd", "--lr", "1e6", "--epochs", "5",
                "--batch", "32", "--json");
        assertThat(r.out()).contains("\"status\":\"diverged\"");
        assertThat(r.code()).isEqualTo(Main.EXIT_DIVERGED).isEqualTo(3);
    }

    @Test
    void aMinimizationThatBlowsUpHasTheSameStatus() {
        Run r = run("minimize", "--problem", "rosenbrock", "--method", "sgd:lr=10", "--json");
        assertThat(r.out()).contains("\"status\":\"NON_FINITE\"");
        assertThat(r.code()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(run("minimize", "--problem", "rosenbrock", "--method", "bfgs").code()).isZero();
    }

    /** A real Ctrl-C (SIGINT) to a training child process: it says how to resume and exits 130; the resume then works. */
    @Test
    void ctrlCSaysHowToResumeAndExits130() throws Exception {
        Path ck = dir.resolve("ck");
        String java = ProcessHandle.current().info().command().orElse("java");
        // SIGINT at its default disposition (env --default-signal): a test run started as a
        // background job inherits SIGINT ignored, and the JVM installs no handler for it then
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT", java, "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", "--data", "spiral", "--model", "mlp:64", "--optimizer", "momentum", "--batch", "16", "--epochs", "100000",
                "--checkpoint-every", "25", "--checkpoint", ck.toString(), "--json"));
        Path log = dir.resolve("child.err");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).redirectOutput(dir.resolve("child.out").toFile()).start();
        try {
            interruptAndCheck(p, ck, log);
        } finally {
            p.destroyForcibly(); // a failed check leaves no 100000-epoch run behind
        }
    }

    private void interruptAndCheck(Process p, Path ck, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && System.nanoTime() < deadline && !Checkpoint.intact(ck.resolve(Checkpoint.FILE))) {
            Thread.sleep(5);
        }
        assertThat(p.isAlive()).as("the child must still be running (see child.err)").isTrue();
        // while it runs, a second run on the same directory is refused, naming it
        Run second = run("train", "--resume", ck.toString());
        assertThat(second.code()).isEqualTo(2);
        assertThat(second.err()).contains("is in use by another run (pid " + p.pid());
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        assertThat(Files.readString(log)).contains("descent: interrupted; the last checkpoint in " + ck
                + " is kept: continue with descent train --resume " + ck);
        assertThat(Checkpoint.intact(ck.resolve(Checkpoint.FILE))).isTrue();
    }
}
