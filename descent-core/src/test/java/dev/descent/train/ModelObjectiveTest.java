package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.data.Dataset;
import dev.descent.data.Synthetic;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import org.junit.jupiter.api.Test;

class ModelObjectiveTest {

    static final Dataset BLOBS = Synthetic.blobs(3, 20, 4, 1.0, 2);

    @Test
    void valueIsTheFullBatchLossAndTheGradientMatchesCentralDifferences() {
        Model m = ModelSpec.parse("mlp:5:tanh", 4, 3).build(1, 16);
        ModelObjective f = new ModelObjective(m, BLOBS);
        double[] x = f.initialPoint();
        assertThat(f.dimension()).isEqualTo(m.paramCount());
        double[] g = new double[x.length];
        double fx = f.evaluate(x, g);
        assertThat(fx).isCloseTo(new ModelNetwork(m).evaluate(BLOBS).loss(), within(1e-6));
        // x is rounded to float32 inside, so use a step where that rounding is negligible
        double h = 1e-2;
        for (int i = 0; i < x.length; i += 7) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            double fd = (f.value(xp) - f.value(xm)) / (2 * h);
            assertThat(g[i]).as("∂f/∂θ_%d", i).isCloseTo(fd, within(2e-3 + 2e-2 * Math.abs(fd)));
        }
    }

    @Test
    void softmaxRegressionHasAnExactHessianVectorProduct() {
        Model m = ModelSpec.parse("softmax", 4, 3).build(0, 16);
        ModelObjective f = new ModelObjective(m, BLOBS);
        assertThat(f.hasHessianVector()).isTrue();
        double[] x = f.initialPoint();
        double[] v = new double[x.length];
        v[3] = 1;
        double[] hv = new double[x.length];
        f.hessianVector(x, v, hv);
        // compare with a central difference of gradients
        double h = 1e-3;
        double[] gp = new double[x.length];
        double[] gm = new double[x.length];
        double[] xp = x.clone();
        double[] xm = x.clone();
        xp[3] += h;
        xm[3] -= h;
        f.evaluate(xp, gp);
        f.evaluate(xm, gm);
        for (int i = 0; i < x.length; i++) {
            assertThat(hv[i]).isCloseTo((gp[i] - gm[i]) / (2 * h), within(1e-3));
        }
        assertThat(new ModelObjective(ModelSpec.parse("mlp:3", 4, 3).build(0, 16), BLOBS).hasHessianVector()).isFalse();
    }
}
