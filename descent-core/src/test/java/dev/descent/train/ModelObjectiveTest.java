package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.data.Dataset;
import dev.descent.data.FashionMnist;
import dev.descent.data.Split;
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.minimize.Status;
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
        assertThat(f.hessianVector()).isPresent();
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
        assertThat(new ModelObjective(ModelSpec.parse("mlp:3", 4, 3).build(0, 16), BLOBS).hessianVector()).isEmpty();
    }

    /**
     * The bridge in use: L-BFGS trains softmax regression on the embedded subset far below the
     * loss that 30 steps of full-batch SGD reach (1.147, torch 1.13:
     * tools/train_softmax_reference.py), and Newton-CG uses the exact Hessian-vector product.
     */
    @Test
    void minimizersTrainSoftmaxRegressionThroughTheObjective() {
        Split data = FashionMnist.embedded();
        Model m = ModelSpec.parse("softmax", 784, 10).build(0, 1000);
        ModelObjective f = new ModelObjective(m, data.train());
        double[] x0 = f.initialPoint();
        assertThat(f.value(x0)).isCloseTo(Math.log(10), within(1e-6)); // zero init
        Result r = Minimize.run(f, x0, Method.named("lbfgs"), Settings.DEFAULTS.withMaxIterations(30));
        assertThat(r.status()).isNotEqualTo(Status.NON_FINITE);
        assertThat(r.f()).isLessThan(0.6);
        assertThat(f.value(r.x())).isCloseTo(r.f(), within(1e-9));
        assertThat(new ModelNetwork(m).evaluate(data.heldOut()).accuracy()).isGreaterThan(0.75);

        Model small = ModelSpec.parse("softmax", 4, 3).build(0, 16);
        ModelObjective g = new ModelObjective(small, BLOBS);
        Result n = Minimize.run(g, g.initialPoint(), Method.named("newton-cg"), Settings.DEFAULTS.withMaxIterations(20));
        assertThat(n.stats().hvEvals()).isPositive();
        assertThat(n.f()).isLessThan(0.5 * Math.log(3));
        assertThat(new ModelNetwork(small).evaluate(BLOBS).accuracy()).isGreaterThan(0.95);
    }

    /** The static forms evaluate chosen rows: the same numbers as an objective over those rows alone. */
    @Test
    void anyRowsGiveTheSameNumbersAsAnObjectiveOverThoseRows() {
        int[] rows = {3, 17, 5, 40, 41, 12, 8};
        Dataset part = BLOBS.subset(rows);
        for (String spec : new String[] {"softmax:init=xavier", "mlp:5:tanh"}) {
            Model m = ModelSpec.parse(spec, 4, 3).build(2, 4);
            ModelObjective whole = new ModelObjective(m, part);
            double[] x = whole.initialPoint();
            double[] g1 = new double[x.length];
            double[] g2 = new double[x.length];
            double f1 = whole.evaluate(x, g1);
            double f2 = ModelObjective.valueAndGradient(m, part.x(), part.y(), part.n(), g2);
            assertThat(f2).isEqualTo(f1);
            assertThat(g2).containsExactly(g1);
            double[] v = new double[x.length];
            v[1] = 1;
            v[x.length - 1] = -0.5;
            double[] h1 = new double[x.length];
            double[] h2 = new double[x.length];
            whole.hessianVector(x, v, h1);
            float[] theta = m.params().clone();
            ModelObjective.hessianVector(m, part.x(), part.y(), part.n(), v, h2);
            assertThat(h2).containsExactly(h1);
            assertThat(m.params()).as("θ restored").containsExactly(theta);
        }
    }
}
