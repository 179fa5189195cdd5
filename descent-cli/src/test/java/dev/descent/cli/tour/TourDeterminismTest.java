package dev.descent.cli.tour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.cli.report.Report;
import dev.descent.data.Split;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The same seed gives the same numbers, whether experiments run one at a time or in parallel. */
class TourDeterminismTest {

    private static String numbers(int threads, long seed) throws InterruptedException {
        Supplier<Split> data = () -> TourData.load("embedded", null);
        TourContext ctx = new TourContext(seed, true, "embedded", data, "descent tour --quick --seed " + seed);
        Report r = Tour.run(ctx, Set.of(3, 7), threads, n -> Progress.NONE, Map.of());
        // wall-clock seconds are the only numbers allowed to differ
        return r.json().replaceAll("\"seconds\":[-0-9.eE]+", "\"seconds\":0");
    }

    @Test
    void parallelAndSequentialRunsGiveIdenticalResults() throws Exception {
        String sequential = numbers(1, 5);
        String parallel = numbers(2, 5);
        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential).contains("\"suggestedLr\":").contains("\"Rosenbrock\"");
    }

    @Test
    void anotherSeedGivesOtherNumbers() throws Exception {
        assertThat(numbers(2, 6)).isNotEqualTo(numbers(2, 5));
    }
}
