package dev.descent.stochastic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.data.Split;
import dev.descent.data.Synthetic;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.train.ModelNetwork;
import dev.descent.train.TrainConfig;
import dev.descent.train.TrainListener;
import dev.descent.train.TrainResult;
import dev.descent.train.TrainStatus;
import dev.descent.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Java example of the README's "## Mini-batch quasi-Newton" section, compiled and run. The
 * code between the {@code // README} markers is copied verbatim into README.md.
 */
class StochasticReadmeTest {

    @Test
    void miniBatchQuasiNewtonSection() {
        long seed = 0;
        // README: begin
        Split data = Split.stratified(Synthetic.spiral(3, 200, 0.1, 5), 0.2, 1);   // or FashionMnist.load(...)
        Model model = ModelSpec.parse("softmax", 2, 3).build(seed, 256);
        ModelSample objective = new ModelSample(model, data.train(), L2.weights(model, 1e-4)); // rows → loss, gradient, Hv

        SampledConfig config = StochasticMethods.parse("mb-lbfgs:overlap=0.25,memory=10,damping=0.2");
        SampledMethod method = config.create(objective, 128, seed);   // batch 128, rows drawn with the seed
        TrainResult r = new Trainer(TrainConfig.forEpochs(10, 128, seed), new ModelNetwork(model), method, t -> config.lr())
                .trackObjective(() -> objective.objective(model.params()))   // the full objective in each record
                .fit(data.train(), data.heldOut(), TrainListener.none());

        QuasiNewtonStats stats = r.stats();   // pairs accepted, damped, skipped; line-search backtracks; ...
        double passes = r.passes();           // gradient-equivalent passes, line searches included
        // README: end

        assertThat(r.status()).isEqualTo(TrainStatus.COMPLETED);
        assertThat(stats.pairsAccepted() + stats.pairsDamped()).isPositive();
        assertThat(passes).isGreaterThan(10);
        assertThat(r.history().records().getLast().objective()).isLessThan(r.history().records().getFirst().objective());
    }

    @Test
    void theReadmeShowsThisCode() throws IOException {
        String test = Files.readString(Path.of("src/test/java/dev/descent/stochastic/StochasticReadmeTest.java"));
        String body = test.substring(test.indexOf("// README: begin\n") + 17, test.indexOf("        // README: end"));
        String unindented = body.lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .collect(Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("../README.md"))).contains(unindented);
    }
}
