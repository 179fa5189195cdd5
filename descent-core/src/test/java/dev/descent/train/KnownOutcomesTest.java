package dev.descent.train;

import dev.descent.nn.Evaluation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.data.Dataset;
import dev.descent.data.FashionMnist;
import dev.descent.data.Split;
import dev.descent.data.Synthetic;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.Adam;
import dev.descent.optim.Sgd;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Training outcomes known in advance: the cs231n spiral, and softmax regression against torch 1.13. */
class KnownOutcomesTest {

    @Test
    void anMlpWith100HiddenUnitsSeparatesTheSpiral() {
        Dataset spiral = Synthetic.spiral(3, 100, 0.2, 0);
        Model m = ModelSpec.parse("mlp:100", 2, 3).build(0, 32);
        ModelNetwork net = new ModelNetwork(m);
        // a linear classifier gets about 50% here (cs231n); the hidden layer makes it separable
        TrainResult r = new Trainer(TrainConfig.forEpochs(50, 32, 0), net, new Adam(0.01).create(m.paramCount()), t -> 0.01)
                .fit(spiral, null, TrainListener.none());
        assertThat(r.status()).isEqualTo(TrainStatus.COMPLETED);
        assertThat(net.evaluate(spiral).accuracy()).isGreaterThan(0.95);
        Model linear = ModelSpec.parse("softmax", 2, 3).build(0, 32);
        ModelNetwork lin = new ModelNetwork(linear);
        new Trainer(TrainConfig.forEpochs(50, 32, 0), lin, new Adam(0.01).create(linear.paramCount()), t -> 0.01)
                .fit(spiral, null, TrainListener.none());
        assertThat(lin.evaluate(spiral).accuracy()).isLessThan(0.65);
    }

    static Map<String, Double> reference() throws Exception {
        Map<String, Double> ref = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                KnownOutcomesTest.class.getResourceAsStream("softmax_reference.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] kv = line.split(" ");
                if (!kv[0].equals("torch")) {
                    ref.put(kv[0], Double.parseDouble(kv[1]));
                }
            }
        }
        return ref;
    }

    /** tools/train_softmax_reference.py: full-batch SGD, lr 0.05, 30 steps, zero init, torch 1.13. */
    @Test
    void softmaxRegressionOnTheEmbeddedSubsetMatchesTorch() throws Exception {
        Map<String, Double> ref = reference();
        Split data = FashionMnist.embedded();
        Model m = ModelSpec.parse("softmax", 784, 10).build(0, 6000);
        ModelNetwork net = new ModelNetwork(m);
        List<Double> losses = new ArrayList<>();
        TrainResult r = new Trainer(TrainConfig.forEpochs(30, 6000, 0), net, new Sgd(0.05).create(m.paramCount()), t -> 0.05)
                .fit(data.train(), data.heldOut(), new TrainListener() {
                    @Override
                    public void onStep(long step, double epoch, double loss, double lr) {
                        losses.add(loss);
                    }
                });
        assertThat(r.steps()).isEqualTo(30);
        double maxRel = 0;
        for (int t = 0; t < 30; t++) {
            double want = ref.get("loss_" + t);
            maxRel = Math.max(maxRel, Math.abs(losses.get(t) - want) / want);
        }
        // float32 on both sides, summed in different orders: agreement to about 1e-6
        assertThat(maxRel).as("max relative difference over 30 steps").isLessThan(2e-5);
        assertThat(net.evaluate(data.train()).loss()).isCloseTo(ref.get("final_train_loss"), within(2e-5));
        Evaluation test = net.evaluate(data.heldOut());
        assertThat(test.loss()).isCloseTo(ref.get("test_loss"), within(2e-5));
        assertThat(test.accuracy()).isCloseTo(ref.get("test_accuracy"), within(1.5e-3));
        assertThat(r.history().last().valLoss()).isEqualTo(test.loss());
    }
}
