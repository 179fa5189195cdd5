package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.data.Dataset;
import dev.descent.data.FashionMnist;
import dev.descent.data.Split;
import dev.descent.nn.Activation;
import dev.descent.nn.Evaluation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.Adam;
import dev.descent.optim.AdamW;
import dev.descent.optim.Optimizer;
import dev.descent.optim.ParamGroups;
import dev.descent.schedule.Schedule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's networks and training examples, compiled and run (file paths moved to a temporary directory). */
class ReadmeTrainingTest {

    @TempDir
    Path dir;

    @Test
    void builderSaveAndLoad() throws IOException {
        long seed = 3;
        int nTest = 20;
        float[] xTest = new float[nTest * 784];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
        for (int i = 0; i < xTest.length; i++) {
            xTest[i] = (float) rng.nextDouble();
        }
        float[] logits = new float[nTest * 10];
        // --- as in README.md ---
        Model net = Model.builder(784).dense(256, Init.HE).batchNorm().activation(Activation.GELU)
                .dropout(0.1).dense(10, Init.HE).loss(Loss.softmaxCrossEntropy()).build(seed);
        net.save(dir.resolve("net.model"));               // architecture, parameters, batch-norm and dropout state
        Model same = Model.load(dir.resolve("net.model")); // the same bits: same predictions
        same.predict(xTest, nTest, logits);            // logits: nTest × 10, evaluation mode
        // ---
        float[] expected = new float[nTest * 10];
        net.predict(xTest, nTest, expected);
        assertThat(logits).containsExactly(expected);
    }

    @Test
    void theLibrarySideOfTraining() {
        long seed = 0;
        TrainListener listener = TrainListener.none();
        // --- as in README.md ---
        Split data = FashionMnist.embedded();
        Model model = ModelSpec.parse("mlp:256,128", 784, 10).build(seed, 128);
        ModelNetwork net = new ModelNetwork(model);                   // a Trainer's view of an nn.Model
        TrainConfig cfg = TrainConfig.forEpochs(5, 128, seed);        // or forSteps(steps, batch, seed)
        Schedule lr = Schedule.cosine(1e-3, cfg.totalSteps(data.train().n()), 0);  // 5 · ⌈6000/128⌉ = 235 steps
        Optimizer opt = new AdamW(1e-3, 0.01)                         // no weight decay on biases and norms:
                .create(ParamGroups.noDecayOnBiasesAndNorms(model));
        TrainResult r = new Trainer(cfg, net, opt, lr)
                .checkpointTo(dir.resolve("runs/a"), Map.of())             // optional
                .fit(data.train(), data.heldOut(), listener);           // or .resume(Checkpoint.read(dir), ...)
        r.status(); r.history().records(); r.history().events(); r.history().epochSecondsMedian();
        opt.stateDict().array("exp_avg");                              // the optimizer state by torch's names
        // ---
        assertThat(cfg.totalSteps(data.train().n())).isEqualTo(235);
        assertThat(r.steps()).isEqualTo(235);
        assertThat(r.status()).isEqualTo(TrainStatus.COMPLETED);
        assertThat(r.history().last().valAccuracy()).isGreaterThan(0.75);
        assertThat(opt.stateDict().step()).isEqualTo(235);
    }

    @Test
    void regression() {
        long seed = 1;
        Dataset known = RegressionTest.linear(300, 0.01, 8);
        float[] x = known.x();
        float[] targets = known.targets();
        int n = known.n();
        // --- as in README.md ---
        Dataset set = Dataset.regression(x, targets, n, 3);          // 3 features, targets.length / n columns
        Split parts = Split.random(set, 0.2, seed);
        Model linear = Model.builder(3).dense(2, Init.ZEROS).loss(Loss.mse()).build(seed);
        new Trainer(TrainConfig.forEpochs(40, 32, seed), new ModelNetwork(linear), new Adam(0.02).create(linear.paramCount()),
                t -> 0.02).fit(parts.train(), parts.heldOut(), TrainListener.none());
        Evaluation e = new ModelNetwork(linear).evaluate(parts.heldOut());  // e.loss(): MSE; e.hasAccuracy(): false
        // ---
        assertThat(e.hasAccuracy()).isFalse();
        assertThat(e.loss()).isLessThan(1e-3);
        RegressionTest.assertRecovers(linear.params(), 0.03);
    }
}
