package dev.descent.spark;

import org.apache.spark.api.java.JavaRDD;

/**
 * A training set cached on the cluster as {@link Block}s, with its shape.
 *
 * @param blocks the cached blocks; every row of the set is in exactly one block
 * @param rows the number of rows n, ≥ 1
 * @param features features per row d, ≥ 1
 * @param classes label classes K, ≥ 2; every label is in [0, K)
 * @param partitions the RDD's partitions
 * @param source the source text it was loaded from, for reports
 */
public record TrainingSet(JavaRDD<Block> blocks, long rows, int features, int classes, int partitions, String source) {

    /** Validates the shape. */
    public TrainingSet {
        if (rows < 1 || features < 1 || classes < 2 || partitions < 1) {
            throw new IllegalArgumentException("a training set needs rows >= 1, features >= 1, classes >= 2 and"
                    + " partitions >= 1, got " + rows + ", " + features + ", " + classes + ", " + partitions);
        }
    }

    /** Drops the cached blocks from the executors' memory. */
    public void unpersist() {
        blocks.unpersist(false);
    }
}
