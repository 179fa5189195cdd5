package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.data.Dataset;
import dev.descent.data.Synthetic;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.Optimizers;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The range test on a model: reproducible from its seed, leaves the model as it found it. */
class LrSweepTest {

    static final Dataset SPIRAL = Synthetic.spiral(3, 100, 0.2, 7);

    static Model model() {
        return ModelSpec.parse("mlp:16", SPIRAL.d(), SPIRAL.classes()).build(3);
    }

    @Test
    void sameSeedSameSweepAndTheModelIsRestored() {
        Model m = model();
        m.setTraining(false);
        float[] before = m.params().clone();
        AtomicInteger steps = new AtomicInteger();
        LrFinder finder = new LrFinder(1e-4, 10, 40, 0.98, 4);
        LrFinderResult a = LrSweep.run(m, Optimizers.named("momentum"), SPIRAL, 32, 5, finder, steps::incrementAndGet);
        assertThat(m.params()).containsExactly(before);
        assertThat(m.isTraining()).isFalse();
        assertThat(steps.get()).isEqualTo(a.size()).isPositive();
        LrFinderResult b = LrSweep.run(model(), Optimizers.named("momentum"), SPIRAL, 32, 5, finder);
        assertThat(b.losses()).containsExactly(a.losses());
        LrFinderResult c = LrSweep.run(model(), Optimizers.named("momentum"), SPIRAL, 32, 6, finder);
        assertThat(c.losses()).isNotEqualTo(a.losses());
        // the sweep's learning rates are the finder's grid
        assertThat(a.lrs()[0]).isEqualTo(finder.lrAt(0));
    }

    @Test
    void aBatchLargerThanTheDataUsesAllRowsAndZeroIsRefused() {
        LrFinder finder = new LrFinder(1e-3, 1, 10, 0.98, 4);
        LrFinderResult r = LrSweep.run(model(), Optimizers.named("sgd"), SPIRAL, 10_000, 1, finder);
        assertThat(r.size()).isPositive();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LrSweep.run(model(), Optimizers.named("sgd"), SPIRAL, 0, 1, finder))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch");
    }
}
