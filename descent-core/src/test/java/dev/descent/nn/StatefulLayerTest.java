package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stateful layers export their own state, and the model concatenates it in layer order: batch
 * norm's running mean then running variance, then each dropout stream. Checkpoints store this
 * layout, so it must not change.
 */
class StatefulLayerTest {

    @Test
    void theModelStateIsTheLayersStatesInLayerOrder() {
        Model m = ModelSpec.parse("mlp:4,3:bn:dropout=0.5", 2, 2).build(7, 8);
        float[] x = GradCheck.random(8 * 2, 1, 1);
        int[] y = {0, 1, 1, 0, 1, 0, 0, 1};
        m.forwardBackward(x, y, 8);   // moves the running statistics and the streams
        List<Float> floats = new ArrayList<>();
        List<Long> longs = new ArrayList<>();
        for (Layer l : m.layers()) {
            switch (l) {
                case BatchNorm1d bn -> {
                    for (float v : bn.runningMean()) {
                        floats.add(v);
                    }
                    for (float v : bn.runningVar()) {
                        floats.add(v);
                    }
                }
                case Dropout d -> longs.add(d.rngState());
                default -> assertThat(l).isNotInstanceOf(StatefulLayer.class);
            }
        }
        ModelState s = m.exportState();
        assertThat(s.buffers()).hasSize(2 * (4 + 3));
        for (int i = 0; i < floats.size(); i++) {
            assertThat(s.buffers()[i]).isEqualTo(floats.get(i));
        }
        assertThat(s.rng()).containsExactly(longs.get(0), longs.get(1));
        assertThat(s.isEmpty()).isFalse();
        assertThat(ModelSpec.parse("mlp:4", 2, 2).build(1).exportState().isEmpty()).isTrue();
    }

    @Test
    void eachLayerRoundTripsItsOwnStateAtAnOffset() {
        BatchNorm1d bn = new BatchNorm1d(3, 0);
        float[] f = {9, 1, 2, 3, 4, 5, 6, 9};
        bn.importState(f, 1, new long[0], 0);
        assertThat(bn.runningMean()).containsExactly(1, 2, 3);
        assertThat(bn.runningVar()).containsExactly(4, 5, 6);
        float[] out = new float[8];
        bn.exportState(out, 1, new long[0], 0);
        assertThat(out).containsExactly(0, 1, 2, 3, 4, 5, 6, 0);

        Dropout d = new Dropout(2, 0.5, 42);
        long[] l = new long[3];
        d.exportState(new float[0], 0, l, 2);
        assertThat(l).containsExactly(0, 0, 42);
        d.importState(new float[0], 0, new long[] {7}, 0);
        assertThat(d.rngState()).isEqualTo(7);
    }

    @Test
    void aStateOfAnotherModelIsRefused() {
        Model m = ModelSpec.parse("mlp:4:bn", 2, 2).build(1);
        ModelState other = ModelSpec.parse("mlp:5:bn", 2, 2).build(1).exportState();
        assertThatThrownBy(() -> m.importState(other)).hasMessageContaining("needs 8 and 0");
    }
}
