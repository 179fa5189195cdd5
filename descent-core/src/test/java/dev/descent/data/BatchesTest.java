package dev.descent.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {

    static Dataset ids(int n) {
        float[] x = new float[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i % 2;
        }
        return new Dataset(x, y, n, 1, 2);
    }

    static List<int[]> run(Batches b, int count) {
        List<int[]> out = new ArrayList<>();
        float[] x = new float[b.batchSize()];
        int[] y = new int[b.batchSize()];
        for (int i = 0; i < count; i++) {
            int rows = b.next(x, y);
            int[] r = new int[rows];
            for (int j = 0; j < rows; j++) {
                r[j] = (int) x[j];
            }
            out.add(r);
        }
        return out;
    }

    @Test
    void everyEpochVisitsEachRowOnceWithAPartialLastBatch() {
        Batches b = new Batches(ids(10), 4, 7);
        assertThat(b.batchesPerEpoch()).isEqualTo(3);
        List<int[]> e0 = run(b, 3);
        assertThat(e0.get(2)).hasSize(2);
        int[] all = e0.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertThat(all).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(b.cursor()).isEqualTo(new Batches.Cursor(1, 0));
        List<int[]> e1 = run(b, 3);
        int[] order0 = e0.stream().flatMapToInt(Arrays::stream).toArray();
        int[] order1 = e1.stream().flatMapToInt(Arrays::stream).toArray();
        assertThat(order1).isNotEqualTo(order0);
    }

    @Test
    void sameSeedSameOrderOtherSeedOtherOrder() {
        assertThat(run(new Batches(ids(50), 8, 3), 20)).usingRecursiveComparison()
                .isEqualTo(run(new Batches(ids(50), 8, 3), 20));
        assertThat(run(new Batches(ids(50), 50, 3), 1).get(0)).isNotEqualTo(run(new Batches(ids(50), 50, 4), 1).get(0));
    }

    @Test
    void seekingToACursorContinuesExactly() {
        Batches a = new Batches(ids(37), 5, 11);
        run(a, 13);
        Batches.Cursor c = a.cursor();
        List<int[]> rest = run(a, 20);
        Batches b = new Batches(ids(37), 5, 11);
        b.seek(c);
        assertThat(run(b, 20)).usingRecursiveComparison().isEqualTo(rest);
    }

    @Test
    void rngStateRoundTrips() {
        Rng r = new Rng(42);
        r.nextLong();
        Rng copy = new Rng(r.state());
        for (int i = 0; i < 10; i++) {
            assertThat(copy.nextLong()).isEqualTo(r.nextLong());
        }
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            counts[r.nextInt(3)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(900, 1100);
        }
    }
}
