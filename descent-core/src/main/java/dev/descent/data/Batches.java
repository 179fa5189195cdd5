package dev.descent.data;

/**
 * Seeded mini-batch iteration over a {@link Dataset}: each epoch visits every row once, in an
 * order shuffled by a generator derived from (seed, epoch), in batches of {@code batchSize}
 * rows; the last batch of an epoch is smaller when {@code n} is not a multiple of the batch size
 * (PyTorch's {@code drop_last=False}).
 *
 * <p>The position is a {@link Cursor} (epoch, row offset). Because each epoch's order is a pure
 * function of (seed, epoch), the cursor is all a checkpoint needs: {@link #seek} rebuilds the
 * permutation, and iteration continues exactly where it stopped.
 *
 * <p>{@link #next} fills caller-owned buffers and allocates nothing.
 */
public final class Batches {

    /**
     * A position in the stream of batches: the next batch starts at row {@code offset} of
     * epoch {@code epoch}'s order.
     *
     * @param epoch the epoch, ≥ 0
     * @param offset the row offset in that epoch's order, in [0, n)
     */
    public record Cursor(long epoch, int offset) {
        /** Validates the ranges. */
        public Cursor {
            if (epoch < 0 || offset < 0) {
                throw new IllegalArgumentException("cursor epoch and offset must be ≥ 0, got " + epoch + ", " + offset);
            }
        }
    }

    private final Dataset data;
    private final int batchSize;
    private final long seed;
    private final int[] order;
    private long epoch;
    private int offset;
    /** The last {@link #touchRows} sum, never read. */
    @SuppressWarnings("unused")
    private float touched;

    /**
     * Starts at epoch 0, offset 0.
     *
     * @param data the rows to iterate
     * @param batchSize rows per batch, in [1, n]
     * @param seed the shuffling seed
     */
    public Batches(Dataset data, int batchSize, long seed) {
        if (batchSize < 1 || batchSize > data.n()) {
            throw new IllegalArgumentException("batch size must be in [1, " + data.n() + "], got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.order = new int[data.n()];
        seek(new Cursor(0, 0));
    }

    /**
     * The number of batches in one epoch: ⌈n / batchSize⌉.
     *
     * @return ⌈n / batchSize⌉, ≥ 1
     */
    public int batchesPerEpoch() {
        return (data.n() + batchSize - 1) / batchSize;
    }

    /**
     * The largest batch, the size the caller's buffers need.
     *
     * @return the batch size given to the constructor
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The current position.
     *
     * @return the epoch and the offset of the next batch; {@link #seek} returns here
     */
    public Cursor cursor() {
        return new Cursor(epoch, offset);
    }

    /**
     * The epoch the next batch belongs to.
     *
     * @return the epoch, from 0
     */
    public long epoch() {
        return epoch;
    }

    /**
     * Moves to {@code c}, rebuilding that epoch's order.
     *
     * @param c a position from {@link #cursor()}; its offset must be below n
     * @throws IllegalArgumentException when the offset is not below n
     */
    public void seek(Cursor c) {
        if (c.offset() >= data.n()) {
            throw new IllegalArgumentException("cursor offset " + c.offset() + " is beyond n = " + data.n());
        }
        epoch = c.epoch();
        offset = c.offset();
        permutation(seed, epoch, order);
    }

    /**
     * Copies the next batch into {@code xOut} (rows·d values) and {@code yOut}, advances the
     * cursor (to the next epoch after its last batch) and returns the number of rows.
     *
     * @param xOut the features, at least batchSize·d values
     * @param yOut the labels, at least batchSize values
     * @return the rows copied: batchSize, or fewer for the last batch of an epoch
     */
    public int next(float[] xOut, int[] yOut) {
        int rows = Math.min(batchSize, data.n() - offset);
        touchRows(rows);
        data.gather(order, offset, rows, xOut, yOut);
        advance(rows);
        return rows;
    }

    /**
     * Reads the first and the last feature of each row of the next batch, before
     * {@link Dataset#gather} copies the rows: they lie at random places in a large array, and
     * these independent reads let their cache misses overlap, where inside the copy they come
     * one row at a time (about a quarter off gathering 128 random Fashion-MNIST rows, in
     * isolation). It changes nothing; the sum goes to a field only so that the JIT keeps the reads.
     */
    private void touchRows(int rows) {
        float[] x = data.x();
        int d = data.d();
        float s = 0;
        for (int b = 0; b < rows; b++) {
            int o = order[offset + b] * d;
            s += x[o] + x[o + d - 1];
        }
        touched = s;
    }

    private void advance(int rows) {
        offset += rows;
        if (offset == data.n()) {
            epoch++;
            offset = 0;
            permutation(seed, epoch, order);
        }
    }

    /**
     * As {@link #next(float[], int[])} for a regression set: copies the next batch's features
     * into {@code xOut} and its float targets into {@code tOut} (rows·k values).
     *
     * @param xOut features, at least batchSize()·d values
     * @param tOut targets, at least batchSize()·k values
     * @return the number of rows copied
     */
    public int next(float[] xOut, float[] tOut) {
        int rows = Math.min(batchSize, data.n() - offset);
        touchRows(rows);
        data.gather(order, offset, rows, xOut, tOut);
        advance(rows);
        return rows;
    }

    /**
     * Writes epoch {@code epoch}'s order of {@code out.length} rows for {@code seed} into {@code out}.
     *
     * @param seed the iteration seed
     * @param epoch the epoch, from 0
     * @param out receives a permutation of 0 .. out.length − 1
     */
    public static void permutation(long seed, long epoch, int[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        new Rng(Rng.mix(seed) ^ Rng.mix(epoch + 0x632BE59BD9B4E019L)).shuffle(out);
    }
}
