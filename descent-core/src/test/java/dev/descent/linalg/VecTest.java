package dev.descent.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Vec}'s float kernels against the plain loops they stand for, bit for bit. */
class VecTest {

    @Test
    void columnSumsHaveTheBitsOfTheRowByRowLoop() {
        SplittableRandom rng = new SplittableRandom(12);
        int[] colCounts = {0, 1, 3, 7, 8, 9, 10, 15, 16, 17, 31, 128, 130};
        for (int rows : new int[] {0, 1, 2, 5, 128}) {
            for (int cols : colCounts) {
                float[] x = new float[rows * cols];
                for (int i = 0; i < x.length; i++) {
                    // magnitudes over 12 orders, so that another summation order would show
                    x[i] = (float) ((rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-6, 6)));
                }
                int off = 3;
                float[] sums = new float[off + cols + 2];
                for (int j = 0; j < sums.length; j++) {
                    sums[j] = (float) rng.nextDouble();
                }
                float[] expected = sums.clone();
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < cols; j++) {
                        expected[off + j] += x[r * cols + j];
                    }
                }
                Vec.addColumnSums(x, rows, cols, sums, off);
                assertThat(sums).as(rows + " x " + cols).containsExactly(expected);
            }
        }
    }

    @Test
    void columnSumsKeepTheSignOfZeroAndNaN() {
        float[] x = {-0f, Float.NaN, -0f, 1f, -0f, 2f, -0f, 3f, -0f, -0f};
        float[] sums = new float[10];
        float[] expected = new float[10];
        for (int j = 0; j < 10; j++) {
            expected[j] += x[j];
        }
        Vec.addColumnSums(x, 1, 10, sums, 0);
        for (int j = 0; j < 10; j++) {
            assertThat(Float.floatToRawIntBits(sums[j])).as("column " + j)
                    .isEqualTo(Float.floatToRawIntBits(expected[j]));
        }
    }
}
