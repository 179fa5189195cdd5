package dev.descent.spark;

import java.io.Serial;
import java.io.Serializable;

/**
 * A block of consecutive training rows, the unit that Spark caches and that the per-partition
 * kernel evaluates with one matrix product per layer: {@code rows} rows of {@code d} float32
 * features, row-major in {@code x}, and one label per row in {@code y}.
 *
 * <p>Blocks are created once, inside the executors, when a source is loaded, and cached
 * deserialized ({@code MEMORY_ONLY}); they are never modified afterwards.
 *
 * @param x features, length rows·d
 * @param y labels, length rows
 * @param rows the number of rows, ≥ 1
 * @param d features per row, ≥ 1
 */
public record Block(float[] x, int[] y, int rows, int d) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the shapes. */
    public Block {
        if (rows < 1 || d < 1) {
            throw new IllegalArgumentException("a block needs rows >= 1 and d >= 1, got " + rows + " and " + d);
        }
        if (x.length != (long) rows * d || y.length != rows) {
            throw new IllegalArgumentException("block arrays hold " + x.length + " features and " + y.length
                    + " labels, expected " + (long) rows * d + " and " + rows);
        }
    }
}
