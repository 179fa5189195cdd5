package dev.descent.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a partition's rows into {@link Block}s of {@code blockRows} rows as a reader produces them
 * (the libsvm and table readers): write a row's features into {@link #row()}, then
 * {@link #add(int)} its label; {@link #finish()} returns the blocks, the last one trimmed.
 * One per partition, inside the executor; not thread-safe.
 */
final class BlockBuilder {

    private final int blockRows;
    private final int d;
    private final List<Block> out = new ArrayList<>();
    private float[] x;
    private int[] y;
    private int r;

    /**
     * @param blockRows rows per block, ≥ 1
     * @param d features per row, ≥ 1
     */
    BlockBuilder(int blockRows, int d) {
        this.blockRows = blockRows;
        this.d = d;
        fresh();
    }

    /**
     * The current row's features, zeros until written: a view of the block's array, from
     * {@link #offset()} for {@code d} entries.
     *
     * @return the block's feature array
     */
    float[] row() {
        return x;
    }

    /**
     * Where the current row starts in {@link #row()}.
     *
     * @return r·d
     */
    int offset() {
        return r * d;
    }

    /**
     * Ends the current row with its label; starts a new block when this one is full.
     *
     * @param label the class index
     */
    void add(int label) {
        y[r] = label;
        if (++r == blockRows) {
            out.add(new Block(x, y, r, d));
            fresh();
        }
    }

    /**
     * The blocks so far, with the partial last block trimmed to its rows.
     *
     * @return the blocks
     */
    List<Block> finish() {
        if (r > 0) {
            out.add(new Block(Arrays.copyOf(x, r * d), Arrays.copyOf(y, r), r, d));
            fresh();
        }
        return out;
    }

    private void fresh() {
        x = new float[blockRows * d];
        y = new int[blockRows];
        r = 0;
    }
}
