package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every layer's backward against central differences of its forward (see {@link GradCheck}). */
class LayerGradientTest {

    private static final int B = 5;

    private static void check(Layer layer, float[] x, boolean training) {
        float[] w = new float[layer.paramCount()];
        layer.init(w, new SplittableRandom(1));
        // move parameters off their special initial values (γ = 1, β = 0, b = 0)
        float[] noise = GradCheck.random(w.length, 0.3, 2);
        for (int i = 0; i < w.length; i++) {
            w[i] += noise[i];
        }
        int batch = x.length / layer.inputSize();
        List<String> bad = GradCheck.check(
                (ww, in, y) -> layer.forward(ww, in, y, batch, training),
                (ww, g, in, y, dy, dx) -> layer.backward(ww, g, in, y, dy, dx, batch),
                w, x, batch * layer.outputSize(), 3);
        assertThat(bad).as(layer.getClass().getSimpleName()).isEmpty();
    }

    /** Inputs whose magnitudes stay at least 0.05 away from 0, so that no kink lies within h. */
    private static float[] awayFromZero(int n, long seed) {
        float[] x = GradCheck.random(n, 2, seed);
        for (int i = 0; i < n; i++) {
            if (Math.abs(x[i]) < 0.05f) {
                x[i] = x[i] < 0 ? -0.05f - x[i] : 0.05f + x[i];
            }
        }
        return x;
    }

    @Test
    void dense() {
        check(new Dense(4, 3, 0, Init.HE), GradCheck.random(B * 4, 1, 10), true);
    }

    @Test
    void denseAtAnOffset() {
        Dense d = new Dense(3, 2, 5, Init.XAVIER);
        float[] w = GradCheck.random(5 + d.paramCount() + 4, 1, 20);
        float[] x = GradCheck.random(B * 3, 1, 21);
        List<String> bad = GradCheck.check((ww, in, y) -> d.forward(ww, in, y, B, true),
                (ww, g, in, y, dy, dx) -> d.backward(ww, g, in, y, dy, dx, B), w, x, B * 2, 22);
        assertThat(bad).isEmpty();
    }

    @Test
    void relu() {
        check(new ReLU(4), awayFromZero(B * 4, 11), true);
    }

    @Test
    void leakyRelu() {
        check(new LeakyReLU(4, 0.1f), awayFromZero(B * 4, 12), true);
    }

    @Test
    void tanh() {
        check(new Tanh(4), GradCheck.random(B * 4, 2, 13), true);
    }

    @Test
    void sigmoid() {
        check(new Sigmoid(4), GradCheck.random(B * 4, 3, 14), true);
    }

    @Test
    void gelu() {
        check(new Gelu(4), GradCheck.random(B * 4, 3, 15), true);
    }

    @Test
    void batchNormTraining() {
        check(new BatchNorm1d(3, 0), GradCheck.random(B * 3, 2, 16), true);
    }

    @Test
    void batchNormEval() {
        BatchNorm1d bn = new BatchNorm1d(3, 0);
        bn.runningMean()[1] = 0.5f;
        bn.runningVar()[2] = 2.5f;
        check(bn, GradCheck.random(B * 3, 2, 17), false);
    }

    @Test
    void dropoutTrainingWithAFixedMask() {
        Dropout d = new Dropout(4, 0.4, 99);
        long s = d.rngState();
        float[] x = GradCheck.random(B * 4, 1, 18);
        List<String> bad = GradCheck.check(
                (ww, in, y) -> {
                    d.setRngState(s);
                    d.forward(ww, in, y, B, true);
                },
                (ww, g, in, y, dy, dx) -> d.backward(ww, g, in, y, dy, dx, B), new float[0], x, B * 4, 19);
        assertThat(bad).isEmpty();
    }

    @Test
    void dropoutEval() {
        check(new Dropout(4, 0.5, 1), GradCheck.random(B * 4, 1, 23), false);
    }
}
