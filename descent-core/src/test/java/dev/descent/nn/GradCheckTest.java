package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gradient check itself must be able to fail. */
class GradCheckTest {

    @Test
    void rejectsAWrongDerivative() {
        Tanh t = new Tanh(4);
        float[] x = GradCheck.random(12, 1.5, 1);
        // a plausible bug: tanh' written as 1 − y instead of 1 − y²
        var bad = GradCheck.check((w, in, y) -> t.forward(w, in, y, 3, true),
                (w, g, in, y, dy, dx) -> {
                    for (int i = 0; i < dx.length; i++) {
                        dx[i] = dy[i] * (1 - y[i]);
                    }
                }, new float[0], x, 12, 2);
        assertThat(bad).isNotEmpty();
    }

    @Test
    void rejectsAFivePercentScaleError() {
        Sigmoid s = new Sigmoid(4);
        float[] x = GradCheck.random(12, 2, 3);
        var bad = GradCheck.check((w, in, y) -> s.forward(w, in, y, 3, true),
                (w, g, in, y, dy, dx) -> {
                    s.backward(w, g, in, y, dy, dx, 3);
                    for (int i = 0; i < dx.length; i++) {
                        dx[i] *= 1.05f;
                    }
                }, new float[0], x, 12, 4);
        assertThat(bad).isNotEmpty();
    }
}
