package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Losses, every parameter gradient and batch-norm running statistics against torch 1.13
 * ({@code tools/nn_torch_goldens.py} wrote {@code torch_goldens.txt}; see it for the networks).
 */
class TorchGoldenTest {

    private static Map<String, double[]> goldens() throws IOException {
        Map<String, double[]> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TorchGoldenTest.class.getResourceAsStream("torch_goldens.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(" ");
                double[] v = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    v[i - 1] = Double.parseDouble(f[i]);
                }
                m.put(f[0], v);
            }
        }
        return m;
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static void assertClose(String what, float[] actual, double[] expected) {
        assertThat(actual).as(what).hasSize(expected.length);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]) / (1e-6 + 1e-4 * Math.abs(expected[i]));
            if (err > worst) {
                worst = err;
                at = i;
            }
        }
        assertThat(worst).as("%s: worst at %d (%s vs torch %s)", what, at,
                at < 0 ? "" : actual[at], at < 0 ? "" : expected[at]).isLessThanOrEqualTo(1.0);
    }

    private static void load(Model m, double[] params) {
        assertThat(m.paramCount()).isEqualTo(params.length);
        System.arraycopy(floats(params), 0, m.params(), 0, params.length);
    }

    @Test
    void batchNormGeluCrossEntropy() throws IOException {
        Map<String, double[]> g = goldens();
        Model m = Model.builder(5).dense(4, Init.HE).batchNorm().activation(Activation.GELU).dense(3, Init.HE)
                .loss(Loss.softmaxCrossEntropy()).build(0);
        load(m, g.get("A.params"));
        double[] lab = g.get("labels");
        int[] labels = new int[lab.length];
        for (int i = 0; i < lab.length; i++) {
            labels[i] = (int) lab[i];
        }
        float[] x = floats(g.get("x"));
        double loss = m.forwardBackward(x, labels, 6);
        assertThat(loss).isCloseTo(g.get("A.loss")[0], within(2e-6));
        assertClose("A grads", m.grads(), g.get("A.grads"));
        BatchNorm1d bn = (BatchNorm1d) m.layers().get(1);
        assertClose("A running mean", bn.runningMean(), g.get("A.running_mean"));
        assertClose("A running var", bn.runningVar(), g.get("A.running_var"));
        assertThat(m.loss(x, labels, 6)).isCloseTo(g.get("A.eval_loss")[0], within(2e-6));
    }

    @Test
    void tanhBceWithLogits() throws IOException {
        Map<String, double[]> g = goldens();
        Model m = Model.builder(5).dense(4, Init.HE).activation(Activation.TANH).dense(3, Init.HE)
                .loss(Loss.bceWithLogits()).build(0);
        load(m, g.get("B.params"));
        double loss = m.forwardBackward(floats(g.get("x")), floats(g.get("targets")), 6);
        assertThat(loss).isCloseTo(g.get("B.loss")[0], within(2e-6));
        assertClose("B grads", m.grads(), g.get("B.grads"));
    }

    @Test
    void sigmoidLeakyReluMse() throws IOException {
        Map<String, double[]> g = goldens();
        Model m = Model.builder(5).dense(4, Init.HE).activation(Activation.SIGMOID).dense(3, Init.HE)
                .activation(Activation.LEAKY_RELU).loss(Loss.mse()).build(0);
        load(m, g.get("C.params"));
        double loss = m.forwardBackward(floats(g.get("x")), floats(g.get("targets")), 6);
        assertThat(loss).isCloseTo(g.get("C.loss")[0], within(2e-6));
        assertClose("C grads", m.grads(), g.get("C.grads"));
    }
}
