package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Loss values against hand-computed references and their gradients against central differences. */
class LossTest {

    private static final int B = 4;
    private static final int K = 3;

    private static void checkLabels(Loss loss, float[] z, int[] labels, int k) {
        int batch = labels.length;
        float[] dz = new float[z.length];
        loss.forward(z, labels, 0, batch, k, dz);
        for (int i = 0; i < z.length; i++) {
            float s = z[i];
            float up = (float) (s + GradCheck.H);
            float down = (float) (s - GradCheck.H);
            z[i] = up;
            double lp = loss.forward(z, labels, 0, batch, k, null);
            z[i] = down;
            double lm = loss.forward(z, labels, 0, batch, k, null);
            z[i] = s;
            double numeric = (lp - lm) / ((double) up - (double) down);
            assertThat((double) dz[i]).as("%s dz[%d]", loss, i)
                    .isCloseTo(numeric, within(GradCheck.ATOL * 1e-1 + GradCheck.RTOL * Math.abs(numeric)));
        }
    }

    private static void checkDense(Loss loss, float[] z, float[] t, int k) {
        int batch = z.length / k;
        float[] dz = new float[z.length];
        loss.forward(z, t, 0, batch, k, dz);
        for (int i = 0; i < z.length; i++) {
            float s = z[i];
            float up = (float) (s + GradCheck.H);
            float down = (float) (s - GradCheck.H);
            z[i] = up;
            double lp = loss.forward(z, t, 0, batch, k, null);
            z[i] = down;
            double lm = loss.forward(z, t, 0, batch, k, null);
            z[i] = s;
            double numeric = (lp - lm) / ((double) up - (double) down);
            assertThat((double) dz[i]).as("%s dz[%d]", loss, i)
                    .isCloseTo(numeric, within(GradCheck.ATOL * 1e-1 + GradCheck.RTOL * Math.abs(numeric)));
        }
    }

    @Test
    void gradientsMatchCentralDifferences() {
        int[] labels = {0, 2, 1, 2};
        float[] t = GradCheck.random(B * K, 1, 5);
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.abs(t[i]);
        }
        for (Loss l : new Loss[] {Loss.softmaxCrossEntropy(), Loss.mse(), Loss.bceWithLogits()}) {
            checkLabels(l, GradCheck.random(B * K, 3, 1), labels, K);
            checkDense(l, GradCheck.random(B * K, 3, 2), t, K);
        }
        checkLabels(Loss.bceWithLogits(), GradCheck.random(B, 3, 3), new int[] {0, 1, 1, 0}, 1);
    }

    @Test
    void crossEntropyValueByHand() {
        float[] z = {1, 2, 3, 0, 0, 0};
        double l = Loss.softmaxCrossEntropy().forward(z, new int[] {2, 0}, 0, 2, 3, null);
        double row1 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3;
        double row2 = Math.log(3);
        assertThat(l).isCloseTo((row1 + row2) / 2, within(1e-12));
        // soft targets equal to one-hot give the same value
        float[] t = {0, 0, 1, 1, 0, 0};
        assertThat(Loss.softmaxCrossEntropy().forward(z, t, 0, 2, 3, null)).isCloseTo(l, within(1e-12));
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        float[] z = {1e30f, -1e30f, 0, 500, 1000, 0};
        float[] dz = new float[6];
        double l = Loss.softmaxCrossEntropy().forward(z, new int[] {0, 0}, 0, 2, 3, dz);
        assertThat(l).isCloseTo(250, within(1e-9));
        for (float v : dz) {
            assertThat(v).isFinite();
        }
        assertThat(dz[0]).isCloseTo(0f, within(1e-6f));
        assertThat(dz[3]).isCloseTo(-0.5f, within(1e-6f));
        assertThat(dz[4]).isCloseTo(0.5f, within(1e-6f));
    }

    @Test
    void mseAndBceValuesByHand() {
        float[] z = {0.5f, -1f};
        float[] t = {1f, 0f};
        assertThat(Loss.mse().forward(z, t, 0, 1, 2, null)).isCloseTo((0.25 + 1) / 2, within(1e-12));
        double bce = (Math.log1p(Math.exp(-0.5)) + Math.log1p(Math.exp(-1))) / 2;
        assertThat(Loss.bceWithLogits().forward(z, t, 0, 1, 2, null)).isCloseTo(bce, within(1e-12));
        // no overflow at extreme logits
        float[] big = {1e4f, -1e4f};
        assertThat(Loss.bceWithLogits().forward(big, t, 0, 1, 2, null)).isCloseTo(0, within(1e-12));
    }

    @Test
    void rejectsLabelsOutOfRange() {
        float[] z = new float[3];
        assertThatThrownBy(() -> Loss.softmaxCrossEntropy().forward(z, new int[] {3}, 0, 1, 3, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 3");
        assertThatThrownBy(() -> Loss.mse().forward(z, new int[] {-1}, 0, 1, 3, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Loss.of("hinge")).hasMessageContaining("cross-entropy, mse or bce");
    }
}
