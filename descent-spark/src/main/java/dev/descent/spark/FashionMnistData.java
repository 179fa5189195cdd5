package dev.descent.spark;

import dev.descent.data.Dataset;
import dev.descent.data.FashionMnist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * The source {@code fashion-mnist} or {@code fashion-mnist:DIR}: the 60 000 training images
 * (784 pixels scaled to [0, 1], 10 classes), read by each partition from the IDX files, which
 * every executor must see at that path.
 */
final class FashionMnistData {

    private static final int ROWS = 60_000;
    private static final int PIXELS = 784;

    private FashionMnistData() {}

    /** Reads the blocks inside the executors and caches them ({@link SparkData#load}). */
    static TrainingSet load(SparkSession spark, DataSource source, SparkData.Options o) {
        String where = source.check();
        int blockRows = o.blockRows();
        JavaRDD<Long> ids = SparkData.blockIds(spark, ROWS, blockRows, o.partitions());
        JavaRDD<Block> rdd = ids.mapPartitions(it -> {
            List<Long> mine = new ArrayList<>();
            it.forEachRemaining(mine::add);
            List<Block> out = new ArrayList<>();
            if (mine.isEmpty()) {
                return out.iterator();
            }
            Dataset train;
            try {
                train = FashionMnist.load(Path.of(where)).train();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read Fashion-MNIST in " + where, e);
            }
            for (long j : mine) {
                int from = (int) (j * blockRows);
                int to = Math.min(train.n(), from + blockRows);
                out.add(new Block(Arrays.copyOfRange(train.x(), from * PIXELS, to * PIXELS),
                        Arrays.copyOfRange(train.y(), from, to), to - from, PIXELS));
            }
            return out.iterator();
        });
        return SparkData.cache(rdd, PIXELS, 10, o.classes() > 0 ? o.classes() : 10, source.text());
    }
}
