package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.data.Split;
import dev.descent.data.Synthetic;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.stochastic.L2;
import dev.descent.stochastic.ModelSample;
import dev.descent.stochastic.MultiBatchLbfgs;
import dev.descent.stochastic.ProgressiveBatchLbfgs;
import dev.descent.stochastic.SampledConfig;
import dev.descent.stochastic.SampledMethod;
import dev.descent.stochastic.SampledObjective;
import dev.descent.stochastic.Sqn;
import dev.descent.stochastic.StochasticMethods;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Trainer driving the stochastic quasi-Newton methods: checkpoints, resume, rollback, metrics. */
class SampledTrainingTest {

    static final Split DATA = Split.stratified(Synthetic.spiral(3, 200, 0.1, 5), 0.2, 1);
    static final List<SampledConfig> METHODS = List.of(MultiBatchLbfgs.DEFAULT, new MultiBatchLbfgs(1, 1, 5, 0.2, 1e-4, 10),
            ProgressiveBatchLbfgs.DEFAULT, new Sqn(0.2, 5, 200, 5), StochasticMethods.parse("mb-lbfgs:search=overlap"),
            StochasticMethods.parse("pb-lbfgs:search=overlap,test=norm"));

    record Run(Model model, ModelSample sample, Trainer trainer) {}

    static Run run(String spec, SampledConfig cfg, TrainConfig tc, SampledObjective wrap) {
        Model m = ModelSpec.parse(spec, DATA.train().d(), DATA.train().classes()).build(3, tc.batchSize());
        ModelSample s = new ModelSample(m, DATA.train(), L2.weights(m, 1e-3));
        SampledMethod method = cfg.create(wrap == null ? s : wrap, tc.batchSize(), tc.seed());
        Trainer t = new Trainer(tc, new ModelNetwork(m), method, k -> cfg.lr()).trackObjective(() -> s.objective(m.params()));
        return new Run(m, s, t);
    }

    @Test
    void resumingASampledMethodFromAnyCheckpointIsBitIdentical(@TempDir Path dir) throws Exception {
        for (SampledConfig cfg : METHODS) {
            for (String spec : List.of("softmax", "mlp:16")) {
                TrainConfig tc = TrainConfig.forEpochs(4, 64, 9).withCheckpointEvery(6).withEvalEvery(5);
                Run full = run(spec, cfg, tc, null);
                TrainResult a = full.trainer().fit(DATA.train(), DATA.heldOut(), TrainListener.none());
                assertThat(a.status()).isEqualTo(TrainStatus.COMPLETED);
                List<Checkpoint> saved = new ArrayList<>();
                Run first = run(spec, cfg, tc, null);
                Path d = dir.resolve(cfg.name() + spec.replace(':', '-') + a.steps());
                first.trainer().checkpointTo(d, Map.of()).fit(DATA.train(), DATA.heldOut(), new TrainListener() {
                    @Override
                    public void onCheckpoint(Checkpoint c) {
                        saved.add(c);
                    }
                });
                assertThat(saved.size()).isGreaterThan(3);
                for (Checkpoint c : List.of(saved.get(1), saved.get(saved.size() / 2), Checkpoint.read(d))) {
                    Run again = run(spec, cfg, tc, null);
                    TrainResult b = again.trainer().resume(Checkpoint.fromBytes(c.toBytes(), "mem"), DATA.train(), DATA.heldOut(),
                            TrainListener.none());
                    assertThat(again.model().params()).as(cfg + " " + spec).isEqualTo(full.model().params());
                    assertThat(b.steps()).isEqualTo(a.steps());
                    assertThat(b.stats()).isEqualTo(a.stats());
                    assertThat(b.passes()).isEqualTo(a.passes());
                    assertThat(b.history().records()).extracting(History.Record::objective)
                            .containsExactlyElementsOf(a.history().records().stream().map(History.Record::objective).toList());
                }
            }
        }
    }

    @Test
    void recordsCarryTheObjectivePassesAndBatchAndTheRunIsStable() {
        for (SampledConfig cfg : METHODS) {
            for (long seed = 0; seed < 3; seed++) {
                TrainConfig tc = TrainConfig.forEpochs(6, 96, seed);
                Run r = run("softmax", cfg, tc, null);
                TrainResult res = r.trainer().fit(DATA.train(), DATA.heldOut(), TrainListener.none());
                assertThat(res.status()).isEqualTo(TrainStatus.COMPLETED);
                assertThat(res.history().events()).as("no divergence: " + cfg).isEmpty();
                List<History.Record> recs = res.history().records();
                double start = recs.getFirst().objective();
                assertThat(start).isEqualTo(r.sample().objective(ModelSpec.parse("softmax", 2, 3).build(3, 96).params()));
                for (History.Record rec : recs) {
                    assertThat(rec.objective()).as(cfg + " seed " + seed).isFinite().isLessThanOrEqualTo(start);
                }
                assertThat(recs.getLast().objective()).isLessThan(0.9 * start);
                assertThat(recs.getLast().passes()).isGreaterThan(5.9).isEqualTo(res.passes());
                assertThat(recs.getLast().batch()).isGreaterThanOrEqualTo(96);
                assertThat(recs.getLast().trainSeconds()).isPositive().isLessThanOrEqualTo(recs.getLast().elapsedSeconds());
                assertThat(res.stats().pairsAccepted() + res.stats().pairsDamped()).isPositive();
            }
        }
    }

    /** A NaN loss at the 7th gradient call: the trainer rolls back to the last checkpoint, restores the method, and finishes. */
    @Test
    void aNonFiniteLossRollsBackTheMethodAndContinues() {
        Model m = ModelSpec.parse("softmax", 2, 3).build(3, 64);
        ModelSample s = new ModelSample(m, DATA.train(), L2.none());
        int[] calls = {0};
        SampledObjective faulty = new SampledObjective() {
            @Override
            public int dimension() {
                return s.dimension();
            }

            @Override
            public int size() {
                return s.size();
            }

            @Override
            public double lossAndGradient(float[] theta, int[] rows, int from, int count, double[] grad) {
                double v = s.lossAndGradient(theta, rows, from, count, grad);
                return ++calls[0] == 7 ? Double.NaN : v;
            }

            @Override
            public double loss(float[] theta, int[] rows, int from, int count) {
                return s.loss(theta, rows, from, count);
            }
        };
        TrainConfig tc = TrainConfig.forEpochs(3, 64, 1).withCheckpointEvery(2);
        SampledMethod method = MultiBatchLbfgs.DEFAULT.create(faulty, 64, 1);
        TrainResult r = new Trainer(tc, new ModelNetwork(m), method, k -> 1.0).fit(DATA.train(), DATA.heldOut(), TrainListener.none());
        assertThat(r.status()).isEqualTo(TrainStatus.COMPLETED);
        assertThat(r.history().events()).hasSize(1);
        assertThat(r.history().events().getFirst().cause()).isEqualTo(History.Cause.NON_FINITE);
        assertThat(r.history().events().getFirst().lrScale()).isEqualTo(0.5);
    }
}
