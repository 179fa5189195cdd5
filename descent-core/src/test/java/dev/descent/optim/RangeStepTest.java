package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A step split into ranges ({@link Optimizer#beginStep} then {@link Optimizer#stepRange} over a
 * cover of [0, n), in any order, as the data-parallel trainer does it on several threads) gives
 * the whole step's bits: parameters and exported state, step after step, for every optimizer,
 * with and without clipping, weight decay, maximization and parameter groups.
 */
class RangeStepTest {

    static final int N = 5003; // not a multiple of any vector width

    /** Every optimizer of the registry, in several configurations. */
    static List<OptimizerConfig> configs() {
        List<OptimizerConfig> out = new ArrayList<>();
        List<String> extra = List.of("", "amsgrad=true", "momentum=0.9", "nesterov=true,momentum=0.9", "centered=true",
                "momentum=0.5", "lr_decay=0.01");
        List<String> options = List.of("", "clip_norm=0.5", "weight_decay=0.01", "maximize=true",
                "clip_value=0.01,weight_decay=0.001,clip_norm=2");
        for (String name : Optimizers.names()) {
            for (String e : extra) {
                for (String o : options) {
                    String keys = String.join(",", List.of(e, o).stream().filter(s -> !s.isEmpty()).toList());
                    try {
                        out.add(Optimizers.parse(keys.isEmpty() ? name : name + ":" + keys));
                    } catch (IllegalArgumentException unknownKey) {
                        // this optimizer has no such key: skip the combination
                    }
                }
            }
        }
        return out;
    }

    static float[] random(SplittableRandom r, float scale) {
        float[] a = new float[N];
        for (int i = 0; i < N; i++) {
            a[i] = (float) (r.nextGaussian() * scale);
        }
        return a;
    }

    @Test
    void aSplitStepIsTheWholeStepBitForBit() {
        List<OptimizerConfig> configs = configs();
        assertThat(configs.size()).isGreaterThan(Optimizers.names().size() * 5);
        ParamGroups groups = ParamGroups.of(N, new ParamGroup(0, 1000, 1, 1), new ParamGroup(1000, 1001, 0.5, 0),
                new ParamGroup(1001, 4000, 2, 1), new ParamGroup(4000, N, 1, 0.5));
        int[][] splits = {{0, 2048, N}, {0, 17, 1000, 1001, 3333, N}, {0, N / 3, 2 * N / 3, N}, {0, 0, N, N}};
        for (OptimizerConfig c : configs) {
            for (boolean grouped : new boolean[] {false, true}) {
                Optimizer whole = grouped ? c.create(groups) : c.create(N);
                Optimizer split = grouped ? c.create(groups) : c.create(N);
                assertThat(split.stepsByRange()).isTrue();
                SplittableRandom r = new SplittableRandom(c.hashCode());
                float[] p1 = random(r, 1);
                float[] p2 = p1.clone();
                for (int t = 0; t < 6; t++) {
                    float[] g = random(r, t == 3 ? 50 : 0.1f); // one large gradient, so that clip_norm acts
                    double lr = 0.01 * (1 + t);
                    whole.step(p1, g, lr);
                    int[] cut = splits[t % splits.length];
                    split.beginStep(p2, g, lr);
                    for (int k = cut.length - 2; k >= 0; k--) { // last range first: order does not matter
                        split.stepRange(p2, g, cut[k], cut[k + 1]);
                    }
                    assertThat(p2).as("%s, step %d, grouped %s", c, t + 1, grouped).containsExactly(p1);
                }
                assertThat(split.exportState()).as("%s state", c).isEqualTo(whole.exportState());
                assertThat(split.steps()).isEqualTo(6);
            }
        }
    }

    @Test
    void rangesOutsideTheBufferAreRefused() {
        Optimizer o = new Adam(0.1).create(10);
        o.beginStep(new float[10], new float[10], 0.1);
        assertThatThrownBy(() -> o.stepRange(new float[10], new float[10], 5, 11)).hasMessageContaining("outside");
        assertThatThrownBy(() -> o.stepRange(new float[10], new float[10], 5, 4)).hasMessageContaining("outside");
        assertThatThrownBy(() -> o.beginStep(new float[10], new float[10], Double.NaN)).hasMessageContaining("lr");
    }
}
