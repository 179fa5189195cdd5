package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.data.Dataset;
import dev.descent.data.Synthetic;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.Adam;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelNetworkTest {

    static final Dataset DATA = Synthetic.blobs(3, 40, 5, 1.0, 1);

    static ParallelNetwork parallel(String spec, int k) {
        ModelSpec ms = ModelSpec.parse(spec, 5, 3);
        return new ParallelNetwork(java.util.stream.IntStream.range(0, k).mapToObj(i -> ms.build(7, 16)).toList());
    }

    @Test
    void theCombinedGradientIsTheWholeBatchMean() {
        Model one = ModelSpec.parse("mlp:8", 5, 3).build(7, 32);
        float[] x = java.util.Arrays.copyOf(DATA.x(), 27 * 5);
        int[] y = java.util.Arrays.copyOf(DATA.y(), 27);
        double l1 = one.forwardBackward(x, y, 27);
        for (int k : new int[] {2, 3}) {
            try (ParallelNetwork p = parallel("mlp:8", k)) {
                double lk = p.lossAndGradient(x, y, 27);
                assertThat(lk).isCloseTo(l1, within(1e-6));
                for (int j = 0; j < one.paramCount(); j++) {
                    assertThat(p.grads()[j]).isCloseTo(one.grads()[j], within(1e-6f));
                }
            }
        }
    }

    @Test
    void trainingIsBitIdenticalRunToRunForTheSameThreadCount() {
        float[][] finals = new float[2][];
        for (int r = 0; r < 2; r++) {
            try (ParallelNetwork p = parallel("mlp:8", 2)) {
                new Trainer(TrainConfig.forEpochs(10, 16, 5), p, new Adam(0.01).create(p.params().length), t -> 0.01)
                        .fit(DATA, DATA, TrainListener.none());
                finals[r] = p.params().clone();
                assertThat(p.evaluate(DATA).accuracy()).isGreaterThan(0.8);
            }
        }
        assertThat(finals[0]).isEqualTo(finals[1]);
    }

    @Test
    void refusesStatefulModelsAndSingleReplicas() {
        assertThatThrownBy(() -> parallel("mlp:8:bn", 2)).hasMessageContaining("batch norm or dropout");
        assertThatThrownBy(() -> new ParallelNetwork(List.of(ModelSpec.parse("softmax", 5, 3).build(0, 4))))
                .hasMessageContaining("at least 2 replicas");
    }
}
