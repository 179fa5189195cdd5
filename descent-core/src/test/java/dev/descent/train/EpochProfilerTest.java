package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.data.Dataset;
import dev.descent.data.Synthetic;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.Optimizers;
import org.junit.jupiter.api.Test;

class EpochProfilerTest {

    private static final Dataset SPIRAL = Synthetic.spiral(3, 100, 0.2, 1);

    @Test
    void countsTheProductsOfAnEpochAndSplitsItsTime() {
        // two dense layers, batch 30 of 300 rows: 10 steps, each 2 forward + 2 weight-gradient + 1 input-gradient products
        ModelSpec spec = ModelSpec.parse("mlp:16", SPIRAL.d(), SPIRAL.classes());
        try (ThreadedNetwork tn = ThreadedNetwork.build(spec, 1, 30, 1)) {
            EpochProfile p = EpochProfiler.profile(tn.network(), Optimizers.parse("adam"), SPIRAL, 30, 1, 1, 2, 2);
            assertThat(p.epochs()).isEqualTo(2);
            assertThat(p.gemmCalls()).isEqualTo(10 * 5);
            double flops = 10 * 2.0 * 30 * (16 * 2 + 3 * 16) * 3 - 10 * 2.0 * 30 * 2 * 16; // 3 products per layer, no dx for the first
            assertThat(p.gemmGflop() * 1e9).isCloseTo(flops, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(p.epochSeconds()).isPositive();
            assertThat(p.gemmSeconds()).isPositive();
            assertThat(p.gemmBoundRatio()).isEqualTo(p.epochSeconds() / p.gemmSeconds());
            EpochProfile.Breakdown b = p.breakdown();
            double sum = b.gemm() + b.forwardBackwardOther() + b.optimizerStep() + b.batchAndLoop();
            // the parts add up to the mean timed epoch
            assertThat(sum).isBetween(p.epochMin() * 0.999, p.epochMax() * 1.001);
            assertThat(b.gemm()).isPositive();
            assertThat(b.optimizerStep()).isPositive();
            // one thread: CPU time is measured, and a replay thread cannot use more CPU than wall time
            assertThat(p.epochCpuSeconds()).isPositive();
            assertThat(p.gemmCpuSeconds()).isPositive().isLessThanOrEqualTo(p.gemmMax() * 1.01 + 1e-6);
            assertThat(p.cpuBoundRatio()).isEqualTo(p.epochCpuSeconds() / p.gemmCpuSeconds());
        }
    }

    @Test
    void replaysDataParallelProductsOnTwoThreads() {
        ModelSpec spec = ModelSpec.parse("mlp:16", SPIRAL.d(), SPIRAL.classes());
        try (ThreadedNetwork tn = ThreadedNetwork.build(spec, 1, 30, 2)) {
            assertThat(tn.dataParallel()).isTrue();
            EpochProfile p = EpochProfiler.profile(tn.network(), Optimizers.parse("adam"), SPIRAL, 30, 1, 0, 1, 1);
            assertThat(p.gemmCalls()).isEqualTo(10 * 5 * 2); // each replica runs every product on its half batch
            assertThat(p.cpuBoundRatio()).as("the other replica's CPU time is not seen").isNaN();
        }
    }

    @Test
    void rejectsBadRanges() {
        ModelSpec spec = ModelSpec.parse("softmax", SPIRAL.d(), SPIRAL.classes());
        try (ThreadedNetwork tn = ThreadedNetwork.build(spec, 1, 30, 1)) {
            assertThatThrownBy(() -> EpochProfiler.profile(tn.network(), Optimizers.parse("adam"), SPIRAL, 30, 1, 0, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> EpochProfiler.profile(tn.network(), Optimizers.parse("adam"), SPIRAL, 301, 1, 0, 1, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch");
        }
    }
}
