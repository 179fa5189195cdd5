package dev.descent.spark;

import java.io.Serial;
import java.io.Serializable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.PartitionPruningRDD;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * Jobs over some partitions of a cached RDD: Spark's {@link PartitionPruningRDD} launches tasks
 * for the kept partitions only, and each reads its parent's cached blocks (so a sampled pass
 * touches, ships and computes nothing of the other partitions).
 */
final class Partitions {

    private Partitions() {}

    /**
     * The RDD restricted to some partitions.
     *
     * @param rdd the cached RDD
     * @param partitions distinct partition indices in [0, P), any order; null keeps every partition
     * @return {@code rdd} itself for null, else an RDD of the kept partitions (in index order)
     * @throws IllegalArgumentException for an index outside [0, P) or a repeated one
     */
    static JavaRDD<Block> subset(JavaRDD<Block> rdd, int[] partitions) {
        if (partitions == null) {
            return rdd;
        }
        boolean[] keep = new boolean[rdd.getNumPartitions()];
        for (int p : partitions) {
            if (p < 0 || p >= keep.length || keep[p]) {
                throw new IllegalArgumentException("partition " + p + " is repeated or outside [0, " + keep.length + ")");
            }
            keep[p] = true;
        }
        ClassTag<Block> tag = ClassTag$.MODULE$.apply(Block.class);
        return JavaRDD.fromRDD(PartitionPruningRDD.create(rdd.rdd(), new Keep(keep)), tag);
    }

    /** The partition filter; serializable because the pruned RDD travels with its tasks. */
    private static final class Keep extends AbstractFunction1<Object, Object> implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private final boolean[] keep;

        Keep(boolean[] keep) {
            this.keep = keep;
        }

        @Override
        public Object apply(Object index) {
            return keep[(Integer) index];
        }
    }
}
