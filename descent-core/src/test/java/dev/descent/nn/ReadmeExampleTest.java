package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's example, compiled and run: a few SGD steps lower the loss of a small MLP. */
class ReadmeExampleTest {

    @Test
    void readmeExampleRuns() {
        long seed = 1;
        int batch = 32;
        float[] x = GradCheck.random(batch * 784, 1, 2);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = i % 10;
        }
        // --- as in README.md ---
        Model model = ModelSpec.parse("mlp:256,128", 784, 10).build(seed);   // He init from the seed
        double loss = model.forwardBackward(x, labels, batch);   // zeroes, then fills model.grads()
        float[] w = model.params(), g = model.grads();            // one step of plain SGD:
        for (int i = 0; i < w.length; i++) w[i] -= 0.1f * g[i];
        double acc = model.evaluate(x, labels, batch).accuracy(); // evaluation mode, in chunks
        // ---
        assertThat(model.loss(x, labels, batch)).isLessThan(loss);
        assertThat(acc).isBetween(0.0, 1.0);
    }
}
