package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.data.Dataset;
import dev.descent.train.ModelObjective;
import org.junit.jupiter.api.Test;

/** The Model API: chunked evaluation, the full-batch bridge, modes, determinism, training progress. */
class ModelTest {

    private static int[] labels(int n, int k) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i * 5 + 1) % k;
        }
        return y;
    }

    @Test
    void chunkedEvaluationEqualsOneBigBatch() {
        int n = 53;
        float[] x = GradCheck.random(n * 4, 1, 1);
        int[] y = labels(n, 3);
        Model small = ModelSpec.parse("mlp:6:bn", 4, 3).build(2, 8);
        Model big = ModelSpec.parse("mlp:6:bn", 4, 3).build(2, 64);
        assertThat(small.loss(x, y, n)).isCloseTo(big.loss(x, y, n), within(1e-6));
        assertThat(small.evaluate(x, y, n).accuracy()).isEqualTo(big.evaluate(x, y, n).accuracy());
        double[] g1 = new double[small.paramCount()];
        double[] g2 = new double[big.paramCount()];
        Dataset data = new Dataset(x, y, n, 4, 3);
        ModelObjective f1 = new ModelObjective(small, data);
        ModelObjective f2 = new ModelObjective(big, data);
        double l1 = f1.evaluate(f1.initialPoint(), g1);
        double l2 = f2.evaluate(f2.initialPoint(), g2);
        assertThat(l1).isCloseTo(l2, within(1e-6));
        for (int i = 0; i < g1.length; i++) {
            assertThat(g1[i]).isCloseTo(g2[i], within(1e-5));
        }
        assertThat(l1).isCloseTo(small.loss(x, y, n), within(1e-9));
        assertThat(small.evaluate(x, y, n).loss()).isEqualTo(small.loss(x, y, n));
    }

    @Test
    void wholeSetMethodsNeverGrowTheWorkspaces() {
        int n = 53;
        float[] x = GradCheck.random(n * 4, 1, 1);
        int[] y = labels(n, 3);
        Model m = ModelSpec.parse("mlp:6:bn", 4, 3).build(2, 8);
        m.loss(x, y, n);
        m.evaluate(x, y, n);
        m.predict(x, n, new float[n * 3]);
        ModelObjective f = new ModelObjective(m, new Dataset(x, y, n, 4, 3));
        f.evaluate(f.initialPoint(), new double[m.paramCount()]);
        f.hessianVector(f.initialPoint(), new double[m.paramCount()], new double[m.paramCount()]);
        assertThat(m.maxBatch()).isEqualTo(8);
        m.forwardBackward(x, y, n);
        assertThat(m.maxBatch()).as("a training batch is one pass").isEqualTo(n);
    }

    @Test
    void evaluationLeavesTheModeAndStatisticsAlone() {
        Model m = ModelSpec.parse("mlp:6:bn:dropout=0.5", 4, 3).build(2);
        float[] x = GradCheck.random(10 * 4, 1, 1);
        int[] y = labels(10, 3);
        ModelState s = m.exportState();
        m.loss(x, y, 10);
        m.evaluate(x, y, 10);
        ModelObjective f = new ModelObjective(m, new Dataset(x, y, 10, 4, 3));
        f.evaluate(f.initialPoint(), new double[m.paramCount()]);
        assertThat(m.isTraining()).isTrue();
        assertThat(m.exportState()).isEqualTo(s);
    }

    @Test
    void predictAndAccuracyAgree() {
        Model m = ModelSpec.parse("softmax:init=xavier", 3, 4).build(5);
        int n = 9;
        float[] x = GradCheck.random(n * 3, 2, 6);
        float[] z = new float[n * 4];
        m.predict(x, n, z);
        int[] argmax = new int[n];
        for (int r = 0; r < n; r++) {
            for (int j = 1; j < 4; j++) {
                if (z[r * 4 + j] > z[r * 4 + argmax[r]]) {
                    argmax[r] = j;
                }
            }
        }
        assertThat(m.evaluate(x, argmax, n).accuracy()).isEqualTo(1.0);
    }

    @Test
    void sameSeedIsBitIdenticalAndDifferentSeedsDiffer() {
        ModelSpec spec = ModelSpec.parse("mlp:16,8", 5, 3);
        assertThat(spec.build(1).params()).containsExactly(spec.build(1).params());
        assertThat(spec.build(1).params()).isNotEqualTo(spec.build(2).params());
    }

    @Test
    void plainGradientDescentLearnsASeparableProblem() {
        // two Gaussian-ish clusters in 2-D: a softmax regression must fit them
        int n = 200;
        float[] x = new float[n * 2];
        int[] y = new int[n];
        float[] noise = GradCheck.random(n * 2, 0.5, 3);
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[2 * i] = (y[i] == 0 ? -1 : 1) + noise[2 * i];
            x[2 * i + 1] = (y[i] == 0 ? 1 : -1) + noise[2 * i + 1];
        }
        Model m = ModelSpec.parse("mlp:8", 2, 2).build(4, 64);
        double first = m.loss(x, y, n);
        float[] w = m.params();
        for (int step = 0; step < 300; step++) {
            m.forwardBackward(x, y, n);
            float[] g = m.grads();
            for (int i = 0; i < w.length; i++) {
                w[i] -= 0.5f * g[i];
            }
        }
        assertThat(m.loss(x, y, n)).isLessThan(first / 4);
        assertThat(m.evaluate(x, y, n).accuracy()).isGreaterThan(0.97);
    }

    @Test
    void forwardBackwardOverwritesStaleGradients() {
        ModelSpec spec = ModelSpec.parse("mlp:6,5:bn", 4, 3);
        Model a = spec.build(1);
        Model b = spec.build(1);
        float[] x = GradCheck.random(7 * 4, 1, 2);
        int[] y = labels(7, 3);
        java.util.Arrays.fill(b.grads(), Float.NaN);
        a.forwardBackward(x, y, 7);
        b.forwardBackward(x, y, 7);
        assertThat(b.grads()).containsExactly(a.grads());
        // a second pass on the same batch gives the same gradient, not twice it (training-mode
        // batch norm uses batch statistics, so the running statistics do not enter)
        b.forwardBackward(x, y, 7);
        assertThat(b.grads()).containsExactly(a.grads());
    }

    @Test
    void rejectsBadShapes() {
        Model m = ModelSpec.parse("softmax", 3, 2).build(1);
        assertThatThrownBy(() -> m.forwardBackward(new float[5], new int[] {0, 1}, 2))
                .hasMessageContaining("input holds 5 values");
        assertThatThrownBy(() -> m.forwardBackward(new float[6], new int[] {0}, 2))
                .hasMessageContaining("targets cover 1 rows");
        assertThatThrownBy(() -> m.loss(new float[6], new int[] {0, 1}, 0)).hasMessageContaining("batch size");
        assertThatThrownBy(() -> m.importState(new ModelState(new float[3], new long[0])))
                .hasMessageContaining("needs 0");
        assertThatThrownBy(() -> Model.builder(3).build(1)).hasMessageContaining("at least one layer");
    }
}
