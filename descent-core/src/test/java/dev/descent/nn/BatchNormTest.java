package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Batch-norm's training and evaluation behaviour and its running statistics (torch's conventions). */
class BatchNormTest {

    @Test
    void trainingNormalizesEachFeatureAndUpdatesRunningStatistics() {
        BatchNorm1d bn = new BatchNorm1d(2, 0);
        float[] w = {1, 1, 0, 0};
        // feature 0: 1, 2, 3, 4 (mean 2.5, biased var 1.25, unbiased 5/3); feature 1: constant 7
        float[] x = {1, 7, 2, 7, 3, 7, 4, 7};
        float[] y = new float[8];
        bn.forward(w, x, y, 4, true);
        double inv = 1 / Math.sqrt(1.25 + BatchNorm1d.EPS);
        assertThat((double) y[0]).isCloseTo(-1.5 * inv, within(1e-6));
        assertThat((double) y[6]).isCloseTo(1.5 * inv, within(1e-6));
        assertThat(y[1]).isEqualTo(0f);
        assertThat((double) bn.runningMean()[0]).isCloseTo(0.1 * 2.5, within(1e-7));
        assertThat((double) bn.runningVar()[0]).isCloseTo(0.9 + 0.1 * 5.0 / 3, within(1e-6));
        assertThat((double) bn.runningMean()[1]).isCloseTo(0.7, within(1e-6));
        assertThat((double) bn.runningVar()[1]).isCloseTo(0.9, within(1e-7));
    }

    @Test
    void evalUsesRunningStatisticsAndLeavesThemAlone() {
        BatchNorm1d bn = new BatchNorm1d(1, 0);
        float[] w = {2, 0.5f};
        bn.runningMean()[0] = 1f;
        bn.runningVar()[0] = 4f;
        float[] y = new float[2];
        bn.forward(w, new float[] {3, 1}, y, 2, false);
        double s = 1 / Math.sqrt(4 + BatchNorm1d.EPS);
        assertThat((double) y[0]).isCloseTo(2 * 2 * s + 0.5, within(1e-6));
        assertThat((double) y[1]).isCloseTo(0.5, within(1e-6));
        assertThat(bn.runningMean()[0]).isEqualTo(1f);
        assertThat(bn.runningVar()[0]).isEqualTo(4f);
        // a batch of one is fine in eval mode, refused in training mode (as torch)
        bn.forward(w, new float[] {3}, y, 1, false);
        assertThatThrownBy(() -> bn.forward(w, new float[] {3}, new float[1], 1, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }

    @Test
    void runningStatisticsConvergeToThePopulation() {
        BatchNorm1d bn = new BatchNorm1d(1, 0);
        float[] w = {1, 0};
        float[] x = {10, 12, 14, 16};  // mean 13, unbiased var 20/3
        float[] y = new float[4];
        for (int i = 0; i < 200; i++) {
            bn.forward(w, x, y, 4, true);
        }
        assertThat((double) bn.runningMean()[0]).isCloseTo(13, within(1e-4));
        assertThat((double) bn.runningVar()[0]).isCloseTo(20.0 / 3, within(1e-4));
    }

    @Test
    void modelStateCarriesRunningStatistics() {
        Model a = ModelSpec.parse("mlp:4:bn", 3, 2).build(1);
        float[] x = GradCheck.random(6 * 3, 1, 2);
        int[] labels = {0, 1, 0, 1, 1, 0};
        a.forwardBackward(x, labels, 6);
        Model b = ModelSpec.parse("mlp:4:bn", 3, 2).build(1);
        assertThat(b.loss(x, labels, 6)).isNotEqualTo(a.loss(x, labels, 6));
        b.importState(a.exportState());
        assertThat(b.loss(x, labels, 6)).isEqualTo(a.loss(x, labels, 6));
        assertThat(b.exportState()).isEqualTo(a.exportState());
    }
}
