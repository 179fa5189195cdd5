package dev.descent.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Float targets in Dataset, and the data classes that carry them (Batches, Split, Normalization). */
class RegressionDatasetTest {

    /** Row i: features (i, −i), targets (10i, 10i + 1, 10i + 2). */
    static Dataset rows(int n) {
        float[] x = new float[2 * n];
        float[] t = new float[3 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            for (int j = 0; j < 3; j++) {
                t[3 * i + j] = 10 * i + j;
            }
        }
        return Dataset.regression(x, t, n, 2);
    }

    @Test
    void aRegressionSetHasTargetsAndNoClasses() {
        Dataset d = rows(5);
        assertThat(d.isRegression()).isTrue();
        assertThat(d.targetWidth()).isEqualTo(3);
        assertThat(d.classes()).isZero();
        assertThat(d.y()).isNull();
        assertThat(d.toString()).isEqualTo("Dataset[n=5, d=2, targets=3]");
        assertThat(new Dataset(new float[2], new int[] {0, 1}, 2, 1, 2).isRegression()).isFalse();
        assertThatThrownBy(d::classCounts).hasMessageContaining("no classes");
    }

    @Test
    void subsetsRowsAndBatchesKeepEachRowsTargets() {
        Dataset d = rows(7);
        Dataset s = d.subset(new int[] {4, 1});
        assertThat(s.x()).containsExactly(4f, -4f, 1f, -1f);
        assertThat(s.targets()).containsExactly(40f, 41f, 42f, 10f, 11f, 12f);
        assertThat(d.rows(5, 7).targets()).containsExactly(50f, 51f, 52f, 60f, 61f, 62f);
        Batches b = new Batches(d, 3, 9);
        float[] xb = new float[6];
        float[] tb = new float[9];
        int seen = 0;
        for (int k = 0; k < 3; k++) {
            int rows = b.next(xb, tb);
            for (int r = 0; r < rows; r++) {
                int i = (int) xb[2 * r];
                assertThat(tb[3 * r]).isEqualTo(10f * i);
                assertThat(tb[3 * r + 2]).isEqualTo(10f * i + 2);
                seen++;
            }
        }
        assertThat(seen).isEqualTo(7);
        assertThat(b.epoch()).isEqualTo(1);
        assertThatThrownBy(() -> b.next(xb, new int[3])).hasMessageContaining("float targets, not labels");
    }

    @Test
    void splitAndNormalizationCarryTheTargets() {
        Dataset d = rows(20);
        Split s = Split.random(d, 0.25, 3);
        assertThat(s.heldOut().n()).isEqualTo(5);
        assertThat(s.train().n()).isEqualTo(15);
        for (Dataset part : new Dataset[] {s.train(), s.heldOut()}) {
            for (int r = 0; r < part.n(); r++) {
                assertThat(part.targets()[3 * r + 1]).isEqualTo(10 * part.x()[2 * r] + 1);
            }
        }
        Dataset z = Normalization.fit(s.train(), Normalization.Mode.PER_FEATURE).apply(s.heldOut());
        assertThat(z.targets()).isSameAs(s.heldOut().targets());
        assertThatThrownBy(() -> Split.stratified(d, 0.2, 1)).hasMessageContaining("Split.random");
    }

    @Test
    void badTargetsAreRefused() {
        assertThatThrownBy(() -> Dataset.regression(new float[4], new float[3], 2, 2)).hasMessageContaining("n·k");
        assertThatThrownBy(() -> Dataset.regression(new float[2], new float[] {1, Float.NaN}, 2, 1))
                .hasMessageContaining("not finite");
        assertThatThrownBy(() -> new Dataset(new float[2], new int[2], new float[2], 2, 1, 2))
                .hasMessageContaining("either class labels");
    }
}
