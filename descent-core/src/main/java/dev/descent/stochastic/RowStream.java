package dev.descent.stochastic;

import dev.descent.data.Batches;

/**
 * Row indices drawn without replacement, epoch by epoch, in the order of
 * {@link Batches#permutation} (so a sampled method with seed s visits the rows in the same order
 * as mini-batch training with seed s); a request that crosses an epoch's end continues into the
 * next epoch's order. The position is a {@link Batches.Cursor}, all a checkpoint needs.
 */
final class RowStream {

    private final int size;
    private final long seed;
    private final int[] order;
    private long epoch;
    private int offset;

    RowStream(int size, long seed) {
        this.size = size;
        this.seed = seed;
        this.order = new int[size];
        seek(new Batches.Cursor(0, 0));
    }

    /** Writes the next {@code count} row indices into {@code out[at, at + count)}. */
    void take(int count, int[] out, int at) {
        for (int i = 0; i < count; i++) {
            out[at + i] = order[offset++];
            if (offset == size) {
                epoch++;
                offset = 0;
                Batches.permutation(seed, epoch, order);
            }
        }
    }

    Batches.Cursor cursor() {
        return new Batches.Cursor(epoch, offset);
    }

    void seek(Batches.Cursor c) {
        if (c.offset() >= size) {
            throw new IllegalArgumentException("cursor offset " + c.offset() + " is beyond n = " + size);
        }
        epoch = c.epoch();
        offset = c.offset();
        Batches.permutation(seed, epoch, order);
    }

    /** Epochs drawn so far, fractional. */
    double epochs() {
        return epoch + (double) offset / size;
    }
}
