package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The Java examples of the README's "## Optimizers" section, compiled and run. Keep the two in
 * sync: the code between the {@code // README} markers is copied verbatim into README.md.
 */
class ReadmeExamplesTest {

    /** A stand-in loss: ½‖θ − 1‖², so ∇ = θ − 1 and the minimum is θ = 1. */
    static void computeGradient(float[] theta, float[] grad) {
        for (int i = 0; i < theta.length; i++) {
            grad[i] = theta[i] - 1f;
        }
    }

    @Test
    void optimizersSection() {
        // README: begin
        float[] theta = new float[1200];           // every parameter in one flat buffer
        float[] grad = new float[theta.length];    // and its gradient twin

        OptimizerConfig config = Optimizers.parse("adamw:lr=0.05,weight_decay=0.01,clip_norm=1.0");
        ParamGroups groups = ParamGroups.of(theta.length,
                new ParamGroup(0, 1000, 1.0, 1.0),              // weights: full lr and decay
                new ParamGroup(1000, theta.length, 1.0, 0.0));  // biases: no weight decay
        Optimizer opt = config.create(groups);

        for (int t = 0; t < 500; t++) {
            computeGradient(theta, grad);
            opt.step(theta, grad, config.lr());   // or the lr of a schedule at step t
        }
        byte[] checkpoint = opt.exportState();    // moments and step count, bit for bit
        Optimizer resumed = config.create(groups);
        resumed.importState(checkpoint);          // continues exactly where opt stopped

        // the same from records: SGD with Nesterov momentum 0.9 and coupled weight decay 5e-4
        OptimizerConfig sgd = new Sgd(0.1, 0.9, true).withOptions(Options.NONE.withWeightDecay(5e-4));
        // README: end

        assertThat(opt.steps()).isEqualTo(500);
        assertThat(theta[1100]).isCloseTo(1f, Offset.offset(1e-3f));
        assertThat(theta[0]).isLessThan(theta[1100]).isGreaterThan(0.95f); // decayed towards 0
        assertThat(resumed.steps()).isEqualTo(500);
        float[] a = theta.clone();
        float[] b = theta.clone();
        computeGradient(theta, grad);
        opt.step(a, grad);
        resumed.step(b, grad);
        assertThat(a).containsExactly(b);
        assertThat(sgd).isEqualTo(Optimizers.parse("nesterov:lr=0.1,weight_decay=5e-4"));
    }

    @Test
    void theReadmeShowsThisCode() throws IOException {
        String test = Files.readString(Path.of("src/test/java/dev/descent/optim/ReadmeExamplesTest.java"));
        String body = test.substring(test.indexOf("// README: begin\n") + 17, test.indexOf("        // README: end"));
        String unindented = body.lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .collect(Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("../README.md"))).contains(unindented);
    }
}
