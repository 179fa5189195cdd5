package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model fuses each Dense layer with the activation after it ({@link Passes}); the fused passes
 * must give the very same bits as running the layers one by one through the {@link Layer} API.
 */
class FusedPassesTest {

    private static final int B = 7;

    @Test
    void fusedPassesEqualTheLayersRunOneByOne() {
        fusedEqualsOneByOne(6, 4);
    }

    /** Widths of 8 and more: the bias gradients' column sums run eight columns at a time, then the rest. */
    @Test
    void fusedPassesEqualTheLayersRunOneByOneOnWideLayers() {
        fusedEqualsOneByOne(19, 16);
    }

    private static void fusedEqualsOneByOne(int h1, int h2) {
        for (Activation a : Activation.values()) {
            Model m = Model.builder(5).dense(h1, Init.HE).activation(a).dense(h2, Init.HE).activation(a)
                    .dense(3, Init.HE).build(3);
            float[] x = GradCheck.random(B * 5, 2, 4);
            int[] y = {0, 2, 1, 1, 0, 2, 2};
            // move the biases off 0, so that a wrong bias path shows
            float[] noise = GradCheck.random(m.paramCount(), 0.3, 5);
            for (int i = 0; i < noise.length; i++) {
                m.params()[i] += noise[i];
            }
            double loss = m.forwardBackward(x, y, B);

            List<Layer> layers = m.layers();
            float[][] acts = new float[layers.size() + 1][];
            acts[0] = x;
            for (int i = 0; i < layers.size(); i++) {
                acts[i + 1] = new float[B * layers.get(i).outputSize()];
                layers.get(i).forward(m.params(), acts[i], acts[i + 1], B, true);
            }
            float[] dz = new float[B * 3];
            double expected = m.loss().forward(acts[layers.size()], y, 0, B, 3, dz);
            float[] g = new float[m.paramCount()];
            float[] dy = dz;
            for (int i = layers.size() - 1; i >= 0; i--) {
                float[] dx = i == 0 ? null : new float[B * layers.get(i).inputSize()];
                layers.get(i).backward(m.params(), g, acts[i], acts[i + 1], dy, dx, B);
                dy = dx;
            }
            assertThat(loss).as(a.id()).isEqualTo(expected);
            assertThat(m.grads()).as(a.id()).containsExactly(g);
        }
    }

    @Test
    void predictUsesTheSameFusedForward() {
        Model m = Model.builder(5).dense(6, Init.HE).activation(Activation.TANH).dense(3, Init.XAVIER).build(8);
        float[] x = GradCheck.random(B * 5, 2, 9);
        float[] out = new float[B * 3];
        m.predict(x, B, out);
        float[] h = new float[B * 6];
        float[] t = new float[B * 6];
        float[] z = new float[B * 3];
        m.layers().get(0).forward(m.params(), x, h, B, false);
        m.layers().get(1).forward(m.params(), h, t, B, false);
        m.layers().get(2).forward(m.params(), t, z, B, false);
        assertThat(out).containsExactly(z);
    }
}
