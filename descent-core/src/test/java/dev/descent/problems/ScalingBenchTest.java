package dev.descent.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scaling measurement: sorted dims, one point per (method, N), the slope fit; bad input refused. */
class ScalingBenchTest {

    @Test
    void pointsPerMethodAndSizeInAscendingOrder() {
        ScalingBench.Report rep = ScalingBench.run(List.of("bfgs", "lbfgs"), new int[] {20, 10}, 2, 1);
        assertThat(rep.points()).extracting(ScalingBench.Point::method).containsExactly("bfgs", "bfgs", "lbfgs", "lbfgs");
        assertThat(rep.points()).extracting(ScalingBench.Point::n).containsExactly(10, 20, 10, 20);
        for (ScalingBench.Point p : rep.points()) {
            assertThat(p.secondsPerIteration()).isPositive().isBetween(p.minSeconds(), p.maxSeconds());
            assertThat(p.runs()).isGreaterThanOrEqualTo(1);
            assertThat(p.iterations()).isBetween(1, 2);
        }
        assertThat(rep.slopes()).containsOnlyKeys("bfgs", "lbfgs");
        assertThat(rep.tailSlopes()).containsOnlyKeys("bfgs", "lbfgs");
    }

    @Test
    void slopeOfAnExactPowerLaw() {
        double[] x = {Math.log(10), Math.log(20), Math.log(40)};
        double[] y = {3 * x[0] + 1, 3 * x[1] + 1, 3 * x[2] + 1};
        assertThat(ScalingBench.slope(x, y, 0)).isCloseTo(3, within(1e-12));
        assertThat(ScalingBench.slope(x, y, 1)).isCloseTo(3, within(1e-12));
        assertThat(ScalingBench.slope(x, y, 2)).isNaN();
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ScalingBench.run(List.of("lbfgs"), new int[] {5}, 1, 1)).hasMessageContaining("even");
        assertThatThrownBy(() -> ScalingBench.run(List.of("adam"), new int[] {4}, 1, 1)).hasMessageContaining("first-order");
        assertThatThrownBy(() -> ScalingBench.run(List.of("lbfgs"), new int[] {4}, 0, 1)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> ScalingBench.run(List.of("lbfgs"), new int[0], 1, 1)).hasMessageContaining("dimension");
    }
}
