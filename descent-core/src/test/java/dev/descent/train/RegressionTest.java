package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.data.Dataset;
import dev.descent.data.Rng;
import dev.descent.data.Split;
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.nn.Evaluation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Model;
import dev.descent.optim.Adam;
import org.junit.jupiter.api.Test;

/**
 * Regression through Dataset, Trainer and ModelObjective: float targets, the MSE loss, and a
 * model that must recover a known linear function t = A·x + b.
 */
class RegressionTest {

    static final int D = 3;
    static final int K = 2;
    static final float[][] A = {{1.5f, -2f, 0.5f}, {0.25f, 1f, -1f}};
    static final float[] B = {0.3f, -0.7f};

    /** n rows of x ~ U(−1, 1)^3 with targets A·x + b + noise·N(0, 1). */
    static Dataset linear(int n, double noise, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n * D];
        float[] t = new float[n * K];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < D; j++) {
                x[i * D + j] = (float) (2 * rng.nextDouble() - 1);
            }
            for (int o = 0; o < K; o++) {
                double v = B[o];
                for (int j = 0; j < D; j++) {
                    v += A[o][j] * x[i * D + j];
                }
                t[i * K + o] = (float) (v + noise * rng.nextGaussian());
            }
        }
        return Dataset.regression(x, t, n, D);
    }

    static Model linearModel() {
        return Model.builder(D).dense(K, Init.ZEROS).loss(Loss.mse()).maxBatch(64).build(0);
    }

    /** W (torch layout, K × D) then b, against A and b. */
    static void assertRecovers(float[] w, double tol) {
        for (int o = 0; o < K; o++) {
            for (int j = 0; j < D; j++) {
                assertThat((double) w[o * D + j]).as("W[%d][%d]", o, j).isCloseTo(A[o][j], within(tol));
            }
            assertThat((double) w[K * D + o]).as("b[%d]", o).isCloseTo(B[o], within(tol));
        }
    }

    @Test
    void theTrainerFitsAKnownLinearFunctionWithMse() {
        Split data = Split.random(linear(600, 0.01, 1), 0.2, 2);
        Model m = linearModel();
        ModelNetwork net = new ModelNetwork(m);
        TrainResult r = new Trainer(TrainConfig.forEpochs(40, 32, 3), net, new Adam(0.02).create(m.paramCount()), t -> 0.02)
                .fit(data.train(), data.heldOut(), TrainListener.none());
        assertThat(r.status()).isEqualTo(TrainStatus.COMPLETED);
        assertRecovers(m.params(), 0.02);
        Evaluation val = net.evaluate(data.heldOut());
        assertThat(val.hasAccuracy()).isFalse();
        // MSE per element near the noise variance 1e-4
        assertThat(val.loss()).isLessThan(5e-4);
        assertThat(r.history().last().valLoss()).isEqualTo(val.loss());
        assertThat(r.history().last().valAccuracy()).isNaN();
    }

    @Test
    void lbfgsThroughTheObjectiveFindsTheExactCoefficients() {
        Dataset data = linear(200, 0, 4);
        Model m = linearModel();
        ModelObjective f = new ModelObjective(m, data);
        assertThat(f.hessianVector()).isEmpty();
        Result r = Minimize.run(f, f.initialPoint(), Method.named("lbfgs"), Settings.DEFAULTS.withMaxIterations(100));
        assertThat(r.f()).isLessThan(1e-9);
        new ModelObjective(m, data).evaluate(r.x(), new double[m.paramCount()]);
        assertRecovers(m.params(), 1e-4);
        assertThat(m.evaluate(data.x(), data.targets(), data.n()).loss()).isLessThan(1e-9);
    }

    @Test
    void theMseGradientOfTheObjectiveMatchesCentralDifferences() {
        Dataset data = linear(50, 0.1, 5);
        Model m = Model.builder(D).dense(4, Init.XAVIER).activation(dev.descent.nn.Activation.TANH).dense(K, Init.XAVIER)
                .loss(Loss.mse()).maxBatch(16).build(6);
        ModelObjective f = new ModelObjective(m, data);
        double[] x = f.initialPoint();
        double[] g = new double[x.length];
        double fx = f.evaluate(x, g);
        assertThat(fx).isCloseTo(m.evaluate(data.x(), data.targets(), data.n()).loss(), within(1e-6));
        double h = 1e-2;
        for (int i = 0; i < x.length; i += 3) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            double fd = (f.value(xp) - f.value(xm)) / (2 * h);
            assertThat(g[i]).as("∂f/∂θ_%d", i).isCloseTo(fd, within(1e-3 + 1e-2 * Math.abs(fd)));
        }
    }

    @Test
    void aLabelOnlyNetworkRefusesARegressionSetAndTheObjectiveChecksTheWidth() {
        Dataset data = linear(40, 0, 7);
        TestNets.Softmax net = new TestNets.Softmax(D, 2, 1);
        assertThatThrownBy(() -> new Trainer(TrainConfig.forEpochs(1, 8, 1), net, new Adam(0.01).create(net.params().length),
                t -> 0.01).fit(data, null, TrainListener.none()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("class labels only");
        Model wide = Model.builder(D).dense(3, Init.ZEROS).loss(Loss.mse()).build(0);
        assertThatThrownBy(() -> new ModelObjective(wide, data)).hasMessageContaining("2 target columns");
    }
}
