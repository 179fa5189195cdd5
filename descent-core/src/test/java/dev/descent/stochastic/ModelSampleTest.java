package dev.descent.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.data.Dataset;
import dev.descent.data.Synthetic;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import org.junit.jupiter.api.Test;

class ModelSampleTest {

    static final Dataset DATA = Synthetic.blobs(3, 50, 4, 1.0, 2);

    /** Central differences of F_S (loss + (λ/2)‖W‖², in double at float32 θ) against the gradient, on a sample of rows. */
    @Test
    void gradientWithThePenaltyMatchesCentralDifferences() {
        for (String spec : new String[] {"softmax", "mlp:5"}) {
            Model m = ModelSpec.parse(spec, 4, 3).build(1, 32);
            ModelSample f = new ModelSample(m, DATA, L2.weights(m, 0.3));
            int[] rows = {3, 140, 7, 77, 12, 99, 45, 101};
            double[] g = new double[f.dimension()];
            float[] theta = m.params().clone();
            f.lossAndGradient(theta, rows, 1, 6, g);
            for (int i = 0; i < theta.length; i++) {
                float keep = theta[i];
                double h = 1e-2;
                theta[i] = (float) (keep + h);
                double up = f.loss(theta, rows, 1, 6);
                theta[i] = (float) (keep - h);
                double down = f.loss(theta, rows, 1, 6);
                theta[i] = keep;
                double hh = ((double) (float) (keep + h) - (float) (keep - h));
                assertEquals((up - down) / hh, g[i], 2e-3 * Math.max(1, Math.abs(g[i])), spec + " parameter " + i);
            }
        }
    }

    /** The penalty applies to weights only: biases see the plain gradient. */
    @Test
    void penaltyCoversWeightsNotBiases() {
        Model m = ModelSpec.parse("softmax", 4, 3).build(1, 32);
        float[] theta = m.params().clone();
        java.util.Arrays.fill(theta, 1f);
        L2 l2 = L2.weights(m, 2);
        assertEquals(0.5 * 2 * 12, l2.value(theta), 0); // 4×3 weights, 3 biases
        double[] g = new double[15];
        l2.addGradient(theta, g);
        int weights = 0;
        for (double v : g) {
            weights += v == 2 ? 1 : 0;
        }
        assertEquals(12, weights);
    }

    /** The sampled objective on all rows is the full-batch ModelObjective with the same penalty; θ outside the model is swapped in and out. */
    @Test
    void allRowsGiveTheFullBatchObjective() {
        Model m = ModelSpec.parse("softmax", 4, 3).build(1, 32);
        ModelSample f = new ModelSample(m, DATA, L2.weights(m, 0.1));
        int[] all = new int[DATA.n()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        float[] other = m.params().clone();
        for (int i = 0; i < other.length; i++) {
            other[i] += 0.1f * (i % 3);
        }
        float[] before = m.params().clone();
        double[] g = new double[f.dimension()];
        double v = f.lossAndGradient(other, all, 0, all.length, g);
        assertArrayEquals(before, m.params());
        double[] x = new double[other.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = other[i];
        }
        double[] g2 = new double[x.length];
        double v2 = new dev.descent.train.ModelObjective(ModelSpec.parse("softmax", 4, 3).build(1, 32), DATA, L2.weights(m, 0.1))
                .evaluate(x, g2);
        assertEquals(v2, v, 1e-6);
        assertArrayEquals(g2, g, 1e-6);
        assertEquals(v, f.objective(other), 1e-6);
        double[] hv = new double[x.length];
        double[] hv2 = new double[x.length];
        double[] dir = g.clone();
        f.hessianVector(other, all, 0, all.length, dir, hv);
        new dev.descent.train.ModelObjective(ModelSpec.parse("softmax", 4, 3).build(1, 32), DATA, L2.weights(m, 0.1))
                .hessianVector(x, dir, hv2);
        assertArrayEquals(hv2, hv, 1e-6);
    }
}
