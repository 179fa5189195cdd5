package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Optimizer.stateDict(): the named view agrees with the exported bytes and with the update rules. */
class StateDictTest {

    private static void steps(Optimizer opt, float[] p, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] g = new float[p.length];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) rng.nextGaussian();
            }
            opt.step(p, g);
        }
    }

    @Test
    void everyOptimizersViewRoundTripsToItsExportedBytes() {
        for (String name : Optimizers.names()) {
            Optimizer opt = Optimizers.parse(name).create(7);
            float[] p = new float[7];
            steps(opt, p, 3, 1);
            StateDict sd = opt.stateDict();
            assertThat(sd.step()).as(name).isEqualTo(3);
            assertThat(sd.size()).isEqualTo(7);
            assertThat(sd.arrays().keySet()).as(name).noneMatch(k -> k.startsWith("state"));
            // the view decodes every byte: header, scalars, arrays
            int header = 4 + 4 + 2 + sd.optimizer().length() + 4 + 8 + 4 + 4;
            assertThat(opt.exportState()).as(name).hasSize(header + 8 * sd.scalars().size() + 4 * 7 * sd.arrays().size());
            // and it is a copy of the live state: the next step moves the optimizer, not the view
            float[] before = sd.arrays().isEmpty() ? null : sd.arrays().values().iterator().next().clone();
            steps(opt, p, 1, 9);
            if (before != null) {
                assertThat(sd.arrays().values().iterator().next()).as(name).containsExactly(before);
                assertThat(opt.stateDict().arrays().values().iterator().next()).as(name).isNotEqualTo(before);
            }
        }
    }

    @Test
    void adamsMomentsHaveTorchsNamesAndValues() {
        Optimizer opt = new Adam(1e-3).create(3);
        float[] p = new float[3];
        float[] g = {1f, -2f, 0.5f};
        opt.step(p, g);
        StateDict sd = opt.stateDict();
        assertThat(sd.optimizer()).isEqualTo("adam");
        assertThat(sd.arrays().keySet()).containsExactly("exp_avg", "exp_avg_sq");
        float[] m = sd.array("exp_avg");
        float[] v = sd.array("exp_avg_sq");
        for (int i = 0; i < 3; i++) {
            assertThat((double) m[i]).isCloseTo(0.1 * g[i], within(1e-7));      // (1 − β1)·g
            assertThat((double) v[i]).isCloseTo(0.001 * g[i] * g[i], within(1e-9)); // (1 − β2)·g²
        }
        assertThatThrownBy(() -> sd.array("momentum_buffer")).hasMessageContaining("exp_avg");
        // a copy: changing it leaves the optimizer alone
        m[0] = 42;
        assertThat(opt.stateDict().array("exp_avg")[0]).isNotEqualTo(42f);
    }

    @Test
    void momentumAndCenteredRmspropNameTheirBuffers() {
        assertThat(new Sgd(0.1, 0.9, false).create(2).stateDict().arrays().keySet()).containsExactly("momentum_buffer");
        assertThat(new Sgd(0.1).create(2).stateDict().arrays()).isEmpty();
        assertThat(Optimizers.parse("rmsprop:centered=true,momentum=0.9").create(2).stateDict().arrays().keySet())
                .containsExactly("square_avg", "grad_avg", "momentum_buffer");
        assertThat(Optimizers.parse("nadam").create(2).stateDict().scalars()).containsKey("mu_product");
    }
}
