package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Inverted dropout: scaling, rate, evaluation identity and seeded determinism. */
class DropoutTest {

    @Test
    void keepsAboutOneMinusPAndScalesTheKept() {
        int n = 100_000;
        Dropout d = new Dropout(n, 0.3, 42);
        float[] x = new float[n];
        java.util.Arrays.fill(x, 1f);
        float[] y = new float[n];
        d.forward(null, x, y, 1, true);
        int kept = 0;
        double sum = 0;
        for (float v : y) {
            if (v != 0f) {
                kept++;
                assertThat((double) v).isCloseTo(1 / 0.7, within(1e-6));
            }
            sum += v;
        }
        assertThat(kept / (double) n).isCloseTo(0.7, within(0.01));
        assertThat(sum / n).isCloseTo(1.0, within(0.015));  // inverted: the mean is preserved
    }

    @Test
    void evalIsTheIdentity() {
        Dropout d = new Dropout(5, 0.9, 1);
        float[] x = {1, 2, 3, 4, 5};
        float[] y = new float[5];
        d.forward(null, x, y, 1, false);
        assertThat(y).containsExactly(x);
        float[] dx = new float[5];
        d.backward(null, null, x, y, x, dx, 1);
        assertThat(dx).containsExactly(x);
    }

    @Test
    void sameSeedSameMasksAndRestorableState() {
        Dropout a = new Dropout(64, 0.5, 7);
        Dropout b = new Dropout(64, 0.5, 7);
        Dropout c = new Dropout(64, 0.5, 8);
        float[] x = GradCheck.random(64, 1, 1);
        float[] ya = new float[64];
        float[] yb = new float[64];
        float[] yc = new float[64];
        a.forward(null, x, ya, 1, true);
        b.forward(null, x, yb, 1, true);
        c.forward(null, x, yc, 1, true);
        assertThat(yb).containsExactly(ya);
        assertThat(yc).isNotEqualTo(ya);
        long s = a.rngState();
        a.forward(null, x, ya, 1, true);
        float[] second = ya.clone();
        a.setRngState(s);
        a.forward(null, x, ya, 1, true);
        assertThat(ya).containsExactly(second);
    }

    @Test
    void modelsWithTheSameSeedTrainIdentically() {
        ModelSpec spec = ModelSpec.parse("mlp:8:dropout=0.5", 4, 3);
        Model a = spec.build(3);
        Model b = spec.build(3);
        float[] x = GradCheck.random(10 * 4, 1, 2);
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
        for (int step = 0; step < 3; step++) {
            assertThat(b.forwardBackward(x, labels, 10)).isEqualTo(a.forwardBackward(x, labels, 10));
            assertThat(b.grads()).containsExactly(a.grads());
        }
        assertThat(b.exportState()).isEqualTo(a.exportState());
    }

    @Test
    void rejectsBadProbability() {
        assertThatThrownBy(() -> new Dropout(3, 1.0, 0)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new Dropout(3, -0.1, 0)).hasMessageContaining("[0, 1)");
    }
}
