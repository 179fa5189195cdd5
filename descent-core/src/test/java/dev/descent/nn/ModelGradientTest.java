package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whole-model gradients against central differences of the model's own loss. */
class ModelGradientTest {

    private static void checkModel(Model m, float[] x, int[] labels, int batch) {
        float[] w = m.params();
        ModelState state = m.exportState();
        double l0 = m.forwardBackward(x, labels, batch);
        float[] analytic = m.grads().clone();
        assertThat(l0).isFinite();
        int bad = 0;
        StringBuilder msg = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            float saved = w[i];
            float up = (float) (saved + GradCheck.H);
            float down = (float) (saved - GradCheck.H);
            w[i] = up;
            m.importState(state);
            double lp = m.forwardBackward(x, labels, batch);
            w[i] = down;
            m.importState(state);
            double lm = m.forwardBackward(x, labels, batch);
            w[i] = saved;
            double numeric = (lp - lm) / ((double) up - (double) down);
            double a = analytic[i];
            if (!(Math.abs(a - numeric) <= GradCheck.ATOL + GradCheck.RTOL * Math.max(Math.abs(a), Math.abs(numeric)))) {
                bad++;
                msg.append(" w[").append(i).append("] ").append(a).append(" vs ").append(numeric);
            }
        }
        assertThat(bad).as(msg.toString()).isZero();
    }

    @Test
    void tanhMlpWithBatchNormAndCrossEntropy() {
        Model m = ModelSpec.parse("mlp:6,5:tanh:bn", 4, 3).build(7);
        float[] x = GradCheck.random(8 * 4, 1.5, 11);
        int[] labels = {0, 1, 2, 1, 0, 2, 2, 1};
        checkModel(m, x, labels, 8);
    }

    @Test
    void sigmoidMlpWithDropoutAndMse() {
        Model m = ModelSpec.parse("mlp:7:sigmoid:dropout=0.3:loss=mse", 3, 2).build(3);
        float[] x = GradCheck.random(5 * 3, 1.5, 12);
        int[] labels = {0, 1, 1, 0, 1};
        checkModel(m, x, labels, 5);
    }

    @Test
    void geluMlpWithBce() {
        Model m = ModelSpec.parse("mlp:6,4:gelu:loss=bce", 3, 1).build(5);
        float[] x = GradCheck.random(6 * 3, 1.5, 13);
        int[] labels = {0, 1, 1, 0, 1, 0};
        checkModel(m, x, labels, 6);
    }

    @Test
    void softmaxRegressionInEvalMode() {
        Model m = ModelSpec.parse("softmax:init=xavier", 5, 4).build(9);
        m.setTraining(false);
        float[] x = GradCheck.random(6 * 5, 1.0, 14);
        int[] labels = {3, 1, 2, 0, 3, 3};
        checkModel(m, x, labels, 6);
    }
}
