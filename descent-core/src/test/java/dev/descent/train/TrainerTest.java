package dev.descent.train;

import dev.descent.nn.Evaluation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.data.Dataset;
import dev.descent.data.Split;
import dev.descent.data.Synthetic;
import dev.descent.optim.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    static final Split DATA = Split.stratified(Synthetic.blobs(3, 100, 2, 1.0, 4), 0.2, 1);

    static Trainer trainer(TrainConfig cfg, TestNets.Softmax net, double lr) {
        Optimizer opt = new dev.descent.optim.Sgd(lr).create(net.params().length);
        return new Trainer(cfg, net, opt, t -> lr);
    }

    @Test
    void separatesBlobsAndRecordsEachEpoch() {
        TestNets.Softmax net = new TestNets.Softmax(2, 3, 0);
        TrainConfig cfg = TrainConfig.forEpochs(5, 16, 7);
        TrainResult r = trainer(cfg, net, 0.1).fit(DATA.train(), DATA.heldOut(), TrainListener.none());
        assertThat(r.status()).isEqualTo(TrainStatus.COMPLETED);
        assertThat(r.steps()).isEqualTo(5 * 15); // 240 rows / 16
        assertThat(r.epochs()).isEqualTo(5.0);
        assertThat(r.samples()).isEqualTo(5 * 240);
        List<History.Record> recs = r.history().records();
        assertThat(recs).hasSize(6);
        assertThat(recs.get(0).step()).isZero();
        assertThat(recs.get(0).trainLoss()).isNaN();
        assertThat(recs.get(5).valAccuracy()).isGreaterThan(0.95);
        assertThat(recs.get(5).valLoss()).isLessThan(recs.get(0).valLoss());
        assertThat(r.history().epochSeconds()).hasSize(5);
        assertThat(r.history().events()).isEmpty();
    }

    @Test
    void stepBudgetAndEvalEvery() {
        TestNets.Softmax net = new TestNets.Softmax(2, 3, 0);
        TrainConfig cfg = TrainConfig.forSteps(20, 16, 7).withEvalEvery(4);
        TrainResult r = trainer(cfg, net, 0.1).fit(DATA.train(), null, TrainListener.none());
        assertThat(r.steps()).isEqualTo(20);
        // records at 0, 4, 8, 12, 15 (epoch end), 16, 20
        assertThat(r.history().records()).extracting(History.Record::step).containsExactly(0L, 4L, 8L, 12L, 15L, 16L, 20L);
    }

    @Test
    void resumingFromAnyCheckpointIsBitIdentical(@TempDir Path dir) throws Exception {
        TrainConfig cfg = TrainConfig.forEpochs(3, 16, 9).withCheckpointEvery(7).withEvalEvery(5);
        TestNets.Softmax full = new TestNets.Softmax(2, 3, 0);
        TrainResult a = trainer(cfg, full, 0.2).fit(DATA.train(), DATA.heldOut(), TrainListener.none());

        List<Checkpoint> saved = new ArrayList<>();
        TestNets.Softmax first = new TestNets.Softmax(2, 3, 0);
        trainer(cfg, first, 0.2).checkpointTo(dir, Map.of("k", "v")).fit(DATA.train(), DATA.heldOut(), new TrainListener() {
            @Override
            public void onCheckpoint(Checkpoint c) {
                saved.add(c);
            }
        });
        assertThat(saved.size()).isGreaterThan(5);
        for (Checkpoint c : List.of(saved.get(2), saved.get(saved.size() / 2), Checkpoint.read(dir))) {
            TestNets.Softmax net = new TestNets.Softmax(2, 3, 123); // different init: the checkpoint overrides it
            Checkpoint back = c == saved.get(2) ? c : Checkpoint.fromBytes(c.toBytes(), "mem");
            TrainResult b = trainer(cfg, net, 0.2).resume(back, DATA.train(), DATA.heldOut(), TrainListener.none());
            assertThat(net.params()).isEqualTo(full.params());
            assertThat(b.steps()).isEqualTo(a.steps());
            assertThat(b.history().records()).extracting(History.Record::valLoss)
                    .containsExactlyElementsOf(a.history().records().stream().map(History.Record::valLoss).toList());
            assertThat(b.history().records()).extracting(History.Record::trainLoss)
                    .containsExactlyElementsOf(a.history().records().stream().map(History.Record::trainLoss).toList());
        }
        assertThat(Checkpoint.read(dir).meta()).containsEntry("k", "v");
    }

    /** A network whose loss is NaN at chosen calls. */
    static final class Faulty implements Network {
        final TestNets.Softmax inner = new TestNets.Softmax(2, 3, 0);
        final java.util.function.LongPredicate bad;
        long calls;

        Faulty(java.util.function.LongPredicate bad) {
            this.bad = bad;
        }

        @Override
        public float[] params() {
            return inner.params();
        }

        @Override
        public float[] grads() {
            return inner.grads();
        }

        @Override
        public double lossAndGradient(float[] x, int[] y, int rows) {
            double l = inner.lossAndGradient(x, y, rows);
            return bad.test(calls++) ? Double.NaN : l;
        }

        @Override
        public Evaluation evaluate(Dataset data) {
            return inner.evaluate(data);
        }
    }

    @Test
    void aNaNRollsBackCutsTheLrAndContinues() {
        Faulty net = new Faulty(c -> c == 20);
        TrainConfig cfg = TrainConfig.forEpochs(3, 16, 7);
        Optimizer opt = new dev.descent.optim.Sgd(0.1).create(net.params().length);
        List<Double> lrs = new ArrayList<>();
        TrainResult r = new Trainer(cfg, net, opt, t -> 0.1).fit(DATA.train(), DATA.heldOut(), new TrainListener() {
            @Override
            public void onStep(long step, double epoch, double loss, double lr) {
                lrs.add(lr);
            }
        });
        assertThat(r.status()).isEqualTo(TrainStatus.COMPLETED);
        assertThat(r.steps()).isEqualTo(45);
        assertThat(r.history().events()).hasSize(1);
        History.Event e = r.history().events().get(0);
        assertThat(e.cause()).isEqualTo(History.Cause.NON_FINITE);
        assertThat(e.step()).isEqualTo(21);
        assertThat(e.rolledBackTo()).isEqualTo(15); // the checkpoint at the end of epoch 1
        assertThat(e.lrScale()).isEqualTo(0.5);
        assertThat(lrs.getLast()).isEqualTo(0.05);
        assertThat(r.history().records()).extracting(History.Record::step).containsExactly(0L, 15L, 30L, 45L);
        assertThat(r.message()).contains("after 1 rollbacks");
    }

    @Test
    void aSpikeCountsAsDivergence() {
        TestNets.Softmax inner = new TestNets.Softmax(2, 3, 0);
        long[] calls = {0};
        Network spiky = new Network() {
            public float[] params() {
                return inner.params();
            }

            public float[] grads() {
                return inner.grads();
            }

            public double lossAndGradient(float[] x, int[] y, int rows) {
                double l = inner.lossAndGradient(x, y, rows);
                return calls[0]++ == 25 ? 1000 * l + 1000 : l;
            }

            public Evaluation evaluate(Dataset data) {
                return inner.evaluate(data);
            }
        };
        TrainResult r = new Trainer(TrainConfig.forEpochs(2, 16, 7), spiky, new dev.descent.optim.Sgd(0.1).create(inner.params().length), t -> 0.1)
                .fit(DATA.train(), null, TrainListener.none());
        assertThat(r.history().events()).extracting(History.Event::cause).containsExactly(History.Cause.SPIKE);
        assertThat(r.status()).isEqualTo(TrainStatus.COMPLETED);
    }

    @Test
    void repeatedFailuresStopAsDivergedWithoutAnException() {
        Faulty net = new Faulty(c -> c >= 3);
        Optimizer opt = new dev.descent.optim.Sgd(0.1).create(net.params().length);
        float[] start = net.params().clone();
        TrainResult r = new Trainer(TrainConfig.forEpochs(3, 16, 7), net, opt, t -> 0.1).fit(DATA.train(), DATA.heldOut(), TrainListener.none());
        assertThat(r.status()).isEqualTo(TrainStatus.DIVERGED);
        assertThat(r.history().events()).hasSize(5);
        assertThat(r.history().events().getLast().lrScale()).isEqualTo(1.0 / 32);
        assertThat(r.message()).startsWith("diverged: 5 rollbacks in a row");
        assertThat(net.params()).isEqualTo(start); // back at the last good state: step 0
        assertThat(r.steps()).isZero();
    }

    @Test
    void clippingBoundsTheGlobalNorm() {
        float[] g = {3, 4};
        Trainer.clip(g, 1);
        // PyTorch's clip_grad_norm_, defined once in optim.Clip: s = 1/(5 + 1e-6)
        float s = (float) (1 / (5 + 1e-6));
        assertThat(g).containsExactly(3 * s, 4 * s);
        assertThat(g[0]).isCloseTo(0.6f, org.assertj.core.api.Assertions.within(1e-6f));
        float[] h = {0.3f, 0.4f};
        Trainer.clip(h, 1);
        assertThat(h).containsExactly(0.3f, 0.4f);
    }
}
