package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Model;
import dev.descent.stochastic.L2;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PenalizedNetworkTest {

    static final double LAMBDA = 0.1;

    static Model model(Loss loss, int out) {
        return Model.builder(3).dense(4, Init.HE).activation(Activation.TANH).dense(out, Init.HE).loss(loss).maxBatch(8).build(7);
    }

    static float[] randoms(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    /** loss + (λ/2)‖W‖² and ∇ + λW on the weights, for the pass given (labels or targets). */
    static void assertPenalized(Model plain, Model penalizedModel, java.util.function.ToDoubleFunction<Network> pass) {
        L2 l2 = L2.weights(penalizedModel, LAMBDA);
        double expectedLoss = pass.applyAsDouble(new ModelNetwork(plain)) + l2.value(plain.params());
        float[] expectedGrad = plain.grads().clone();
        l2.addGradient(plain.params(), expectedGrad);

        PenalizedNetwork net = new PenalizedNetwork(new ModelNetwork(penalizedModel), l2);
        assertThat(pass.applyAsDouble(net)).isEqualTo(expectedLoss);
        assertThat(net.grads()).containsExactly(expectedGrad);
        assertThat(l2.value(plain.params())).isPositive();
    }

    @Test
    void addsTheWeightPenaltyToTheClassificationPass() {
        float[] x = randoms(5 * 3, 1);
        int[] y = {0, 1, 2, 1, 0};
        assertPenalized(model(Loss.softmaxCrossEntropy(), 3), model(Loss.softmaxCrossEntropy(), 3),
                n -> n.lossAndGradient(x, y, 5));
    }

    @Test
    void addsTheWeightPenaltyToTheRegressionPass() {
        float[] x = randoms(5 * 3, 2);
        float[] t = randoms(5 * 2, 3);
        assertPenalized(model(Loss.mse(), 2), model(Loss.mse(), 2), n -> n.lossAndGradient(x, t, 5));
    }
}
