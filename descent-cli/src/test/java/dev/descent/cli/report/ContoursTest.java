package dev.descent.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ContoursTest {

    @Test
    void circleLevelSetLiesOnTheCircle() {
        int n = 61;
        double[] xs = new double[n];
        double[][] f = new double[n][n];
        for (int i = 0; i < n; i++) {
            xs[i] = -2 + 4.0 * i / (n - 1);
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                f[j][i] = xs[i] * xs[i] + xs[j] * xs[j];
            }
        }
        double[][] seg = Contours.segments(xs, xs, f, new double[] {1.0});
        assertThat(seg[0].length % 3).isZero();
        assertThat(seg[0].length / 3).isGreaterThan(40);
        for (int k = 0; k < seg[0].length; k++) {
            if (k % 3 == 2) {
                assertThat(seg[0][k]).isNaN();
            } else {
                double r = Math.hypot(seg[0][k], seg[1][k]);
                assertThat(r).isCloseTo(1.0, within(0.01)); // linear interpolation error on a 1/15 grid
            }
        }
    }

    @Test
    void levelOutsideTheRangeGivesNoSegments() {
        double[] xs = {0, 1};
        double[][] f = {{0, 1}, {1, 2}};
        assertThat(Contours.segments(xs, xs, f, new double[] {5})[0]).isEmpty();
    }

    @Test
    void geometricLevelsIncreaseFromAboveTheMinimum() {
        double[][] f = {{0, 1, 10}, {100, 1000, 5}};
        double[] levels = Contours.geometricLevels(f, 5);
        for (int k = 1; k < levels.length; k++) {
            assertThat(levels[k]).isGreaterThan(levels[k - 1]);
        }
        assertThat(levels[0]).isGreaterThan(0);
    }
}
