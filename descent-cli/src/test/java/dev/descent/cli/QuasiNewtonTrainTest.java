package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.train.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent train} with --l2, the mini-batch quasi-Newton optimizers and the full-batch minimizers. */
class QuasiNewtonTrainTest {

    @TempDir
    Path dir;

    static double field(String json, String key) {
        return Double.parseDouble(json.replaceAll(".*\"" + key + "\":([-0-9.eE]+).*", "$1").strip());
    }

    @Test
    void miniBatchQuasiNewtonRunsReportTheirCountersAndMetrics() throws Exception {
        for (String opt : List.of("mb-lbfgs", "mb-lbfgs:overlap=1", "pb-lbfgs:theta=0.5", "sqn:every=5,hessian_batch=300")) {
            Path csv = dir.resolve(opt.replace(':', '_').replace(',', '_').replace('=', '_') + ".csv");
            TrainCommandTest.Run r = TrainCommandTest.run("train", "--data", "spiral", "--model", "softmax", "--optimizer", opt,
                    "--batch", "64", "--epochs", "5", "--l2", "1e-3", "--metrics", csv.toString(), "--json");
            assertThat(r.code()).as(r.err()).isZero();
            String out = r.out().strip();
            for (String k : List.of("objective", "passes", "trainSeconds", "pairsAccepted", "pairsDamped", "pairsSkipped",
                    "lineSearchBacktracks", "lineSearchFailures", "resets", "batchIncreases", "stepsUndone", "batch")) {
                assertThat(out).as(opt).contains("\"" + k + "\":");
            }
            assertThat(out).contains("\"status\":\"completed\"", "\"divergenceEvents\":0");
            assertThat(field(out, "pairsAccepted") + field(out, "pairsDamped")).isPositive();
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.get(0)).isEqualTo("step,epoch,train_loss,val_loss,val_accuracy,lr,elapsed_s,objective,passes,batch");
            String[] first = lines.get(1).split(",", -1);
            String[] last = lines.getLast().split(",", -1);
            assertThat(Double.parseDouble(last[7])).as(opt).isLessThan(Double.parseDouble(first[7]));
            assertThat(Double.parseDouble(last[8])).isEqualTo(field(out, "passes"));
            assertThat(Double.parseDouble(last[7])).isEqualTo(field(out, "objective"));
        }
    }

    /** A step size too large for sqn's plain steps trips its guard once; the summary and --json say so. */
    @Test
    void sqnSaysWhenItsGuardUndidAStep() {
        String[] args = {"train", "--data", "spiral", "--model", "softmax", "--optimizer", "sqn:every=5,hessian_batch=300",
            "--batch", "64", "--epochs", "5", "--l2", "1e-3", "--no-progress", "--lr"};
        TrainCommandTest.Run human = TrainCommandTest.run(TrainCommandTest.concat(args, "3"));
        assertThat(human.code()).as(human.err()).isZero();
        assertThat(human.out()).contains("0 resets, 1 step undone by the guard; batch 64");
        TrainCommandTest.Run json = TrainCommandTest.run(TrainCommandTest.concat(args, "3", "--json"));
        assertThat(field(json.out().strip(), "stepsUndone")).isEqualTo(1);
        TrainCommandTest.Run safe = TrainCommandTest.run(TrainCommandTest.concat(args, "1", "--json"));
        assertThat(field(safe.out().strip(), "stepsUndone")).isZero();
    }

    /** Resuming an mb-lbfgs run from its previous checkpoint ends with the same parameters, counters and metrics. */
    @Test
    void resumeIsBitIdentical() throws Exception {
        Path ck = dir.resolve("ck");
        String[] args = {"train", "--data", "spiral", "--model", "mlp:16", "--optimizer", "mb-lbfgs:memory=5", "--batch", "64",
            "--epochs", "6", "--l2", "1e-4", "--checkpoint-every", "7", "--seed", "2", "--json"};
        TrainCommandTest.Run a = TrainCommandTest.run(TrainCommandTest.concat(args, "--checkpoint", ck.toString()));
        assertThat(a.code()).as(a.err()).isZero();
        Checkpoint whole = Checkpoint.read(ck);
        Path again = dir.resolve("again");
        Files.createDirectories(again);
        Files.copy(ck.resolve(Checkpoint.PREVIOUS), again.resolve(Checkpoint.FILE));
        assertThat(Checkpoint.read(again).step()).isLessThan(whole.step());
        TrainCommandTest.Run b = TrainCommandTest.run("train", "--resume", again.toString(), "--json");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(TrainCommandTest.deterministic(b.out())).isEqualTo(TrainCommandTest.deterministic(a.out()));
        Checkpoint resumed = Checkpoint.read(again);
        assertThat(resumed.params()).isEqualTo(whole.params());
        assertThat(resumed.optimizerState()).isEqualTo(whole.optimizerState());
    }

    @Test
    void fullBatchLbfgsAndNewtonCgTrainOnTheWholeSet() throws Exception {
        for (String opt : List.of("lbfgs", "newton-cg")) {
            Path csv = dir.resolve(opt + ".csv");
            TrainCommandTest.Run r = TrainCommandTest.run("train", "--data", "blobs", "--model", "softmax", "--optimizer", opt,
                    "--epochs", "15", "--l2", "1e-2", "--metrics", csv.toString(), "--json");
            assertThat(r.code()).as(r.err()).isZero();
            String out = r.out().strip();
            assertThat(field(out, "passes")).isPositive();
            if (opt.equals("lbfgs")) {
                assertThat(field(out, "passes")).isLessThanOrEqualTo(15);
            }
            assertThat(field(out, "valAccuracy")).isGreaterThan(0.9);
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.size()).isGreaterThan(2);
            assertThat(Double.parseDouble(lines.getLast().split(",")[7])).isEqualTo(field(out, "objective"));
        }
        TrainCommandTest.Run human = TrainCommandTest.run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "lbfgs",
                "--epochs", "5");
        assertThat(human.code()).isZero();
        assertThat(human.out()).contains("lbfgs stopped: ", "passes", "objective ");
    }

    /** The L2 term is in the objective of every optimizer: the same weights give objective = mean loss + (λ/2)‖W‖² > mean loss. */
    @Test
    void l2RaisesTheReportedObjectiveAboveTheLoss() {
        TrainCommandTest.Run r = TrainCommandTest.run("train", "--data", "blobs", "--model", "softmax", "--optimizer", "adam",
                "--lr", "0.1", "--epochs", "3", "--l2", "0.5", "--json");
        assertThat(r.code()).isZero();
        assertThat(field(r.out(), "objective")).isGreaterThan(field(r.out(), "trainLoss") + 1e-3);
    }

    @Test
    void badCombinationsAreUsageErrors() {
        String[] base = {"train", "--data", "blobs", "--model", "softmax", "--steps", "2"};
        record Case(String[] extra, String message) {}
        for (Case c : List.of(
                new Case(new String[] {"--optimizer", "adam", "--l2", "-1"}, "--l2 must be finite and ≥ 0, got -1.0"),
                new Case(new String[] {"--optimizer", "mb-lbfgs:overlap=0.7"}, "overlap (or exactly 1, full overlap) must be in (0, 0.5]"),
                new Case(new String[] {"--optimizer", "mb-lbfgs:nope=1"}, "unknown key 'nope'; valid keys for mb-lbfgs"),
                new Case(new String[] {"--optimizer", "sqn", "--lr", "auto"}, "--lr auto runs lr-find"),
                new Case(new String[] {"--optimizer", "pb-lbfgs", "--clip", "1"}, "--clip applies to first-order optimizers"),
                new Case(new String[] {"--optimizer", "lbfgs", "--checkpoint", "x"}, "full-batch lbfgs runs one minimization"))) {
            TrainCommandTest.Run r = TrainCommandTest.run(TrainCommandTest.concat(base, c.extra()));
            assertThat(r.code()).as(String.join(" ", c.extra())).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", c.extra())).contains(c.message()).doesNotContain("\n", "\tat ");
        }
    }
}
