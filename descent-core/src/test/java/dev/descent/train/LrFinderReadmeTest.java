package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.data.Batches;
import dev.descent.data.Dataset;
import dev.descent.data.Synthetic;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import org.junit.jupiter.api.Test;

/** The README's lr-find example, compiled and run as written there. */
class LrFinderReadmeTest {

    @Test
    void readmeExample() {
        long seed = 1;
        Dataset spiral = Synthetic.spiral(3, 100, 0.2, seed);
        // --- README ---
        Model model = ModelSpec.parse("mlp:32", 2, 3).build(seed);
        Optimizer optimizer = Optimizers.named("sgd").create(model.paramCount());
        Batches batches = new Batches(spiral, 32, seed);
        float[] xb = new float[32 * 2];
        int[] yb = new int[32];
        LrFinderResult r = new LrFinder(1e-4, 10, 100, 0.98, 4).run(model.params(), optimizer, (p, g) -> {
            double loss = model.forwardBackward(xb, yb, batches.next(xb, yb));   // p is model.params()
            System.arraycopy(model.grads(), 0, g, 0, g.length);
            return loss;
        });                                  // model.params() and the optimizer's state are restored exactly
        double lr = r.suggestion();          // the valley; or r.suggestion(LrFinderResult.Method.STEEPEST)
        // --- end ---
        assertThat(lr).isBetween(1e-4, 10.0);
        assertThat(model.params()).isEqualTo(ModelSpec.parse("mlp:32", 2, 3).build(seed).params());
        assertThat(optimizer.steps()).isZero();
    }
}
