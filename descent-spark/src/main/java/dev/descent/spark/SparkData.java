package dev.descent.spark;

import dev.descent.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Loads training sets into Spark as cached {@link Block}s. Every source creates its rows inside
 * the executors (a generator or a reader per partition), never from a driver-side list of rows,
 * and the blocks are cached once ({@code MEMORY_ONLY}, deserialized), materialized by one
 * counting job that also checks the labels.
 *
 * <p>Sources ({@link #load}), one reader each:
 * <ul>
 *   <li>{@code synthetic:rows=N,features=D,classes=K,seed=S} ({@link SyntheticData}): generated
 *       in the executors from the seed and the block index, so the rows do not depend on the
 *       partitioning; classes defaults to 2, seed to 1;
 *   <li>{@code libsvm:PATH} (or a path ending in {@code .libsvm}, {@code .svm}, {@code .txt};
 *       {@link LibsvmData}): a malformed line is an error naming its line number;
 *   <li>{@code csv:PATH} (or {@code *.csv}), with a header, and {@code parquet:PATH} (or
 *       {@code *.parquet}) ({@link TableData}): the label column (default {@code label}) and every
 *       other numeric column, or one ML vector column, as features;
 *   <li>{@code fashion-mnist} or {@code fashion-mnist:DIR} ({@link FashionMnistData}): the 60 000
 *       training images, read by each partition from the IDX files.
 * </ul>
 * Labels are class indices 0..K−1 (integers; {@code 1.0} reads as 1). K is {@code classes} when
 * given, else the largest label + 1.
 */
public final class SparkData {

    private SparkData() {}

    /**
     * How to load.
     *
     * @param partitions partitions of the cached set, ≥ 1, or 0 for Spark's default parallelism
     * @param blockRows rows per block, ≥ 1 (default 4096)
     * @param labelColumn the label column of CSV and Parquet (default {@code label})
     * @param classes label classes K ≥ 2, or 0 to take the largest label + 1
     */
    public record Options(int partitions, int blockRows, String labelColumn, int classes) {
        /** Default partitions, 4096 rows per block, column {@code label}, classes from the data. */
        public static final Options DEFAULTS = new Options(0, 4096, "label", 0);

        /** Validates the ranges. */
        public Options {
            if (partitions < 0) {
                throw new IllegalArgumentException("--partitions must be >= 1, got " + partitions);
            }
            if (blockRows < 1) {
                throw new IllegalArgumentException("--block-rows must be >= 1, got " + blockRows);
            }
            if (classes == 1 || classes < 0) {
                throw new IllegalArgumentException("--classes must be >= 2, got " + classes);
            }
            if (labelColumn == null || labelColumn.isBlank()) {
                throw new IllegalArgumentException("--label must name a column");
            }
        }

        /**
         * The same options with {@code p} partitions.
         *
         * @param p partitions, ≥ 1, or 0 for the default
         * @return new options
         */
        public Options withPartitions(int p) {
            return new Options(p, blockRows, labelColumn, classes);
        }

        /**
         * The same options with {@code rows} rows per block.
         *
         * @param rows rows per block, ≥ 1
         * @return new options
         */
        public Options withBlockRows(int rows) {
            return new Options(partitions, rows, labelColumn, classes);
        }

        /**
         * The same options with K = {@code k} classes.
         *
         * @param k classes, ≥ 2, or 0 to take them from the data
         * @return new options
         */
        public Options withClasses(int k) {
            return new Options(partitions, blockRows, labelColumn, k);
        }
    }

    /**
     * Loads {@code source} (grammar in the class comment), caches its blocks and counts them.
     *
     * @param spark the session
     * @param source the source text
     * @param o how to load
     * @return the cached set
     * @throws IllegalArgumentException naming the problem and the fix: an unknown source, a
     *     missing path, a malformed line (with its number), a label out of range
     */
    public static TrainingSet load(SparkSession spark, String source, Options o) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Options op = o.withPartitions(o.partitions() > 0 ? o.partitions() : jsc.defaultParallelism());
        DataSource s = DataSource.parse(source);
        return switch (s.kind()) {
            case SYNTHETIC -> SyntheticData.load(spark, s.arg(), op);
            case FASHION_MNIST -> FashionMnistData.load(spark, s, op);
            case LIBSVM -> LibsvmData.load(jsc, s, op);
            case CSV, PARQUET -> TableData.load(spark, s, op);
        };
    }

    /**
     * Checks a source's form and, for a local path, that it exists, without Spark: the
     * command line calls it before it starts a session, so that a typo costs no start-up.
     *
     * @param source the source text
     * @throws IllegalArgumentException as {@link #load} would for the same problem
     */
    public static void check(String source) {
        DataSource.parse(source).check();
    }

    /**
     * A training set from rows already in the driver's memory (for tests and small sets): the
     * rows are cut into blocks of {@code blockRows} consecutive rows (block j holds rows
     * [j·B, (j+1)·B)), shipped once and cached.
     *
     * @param spark the session
     * @param data the rows
     * @param partitions partitions, ≥ 1
     * @param blockRows rows per block, ≥ 1
     * @param name the name reports give the set
     * @return the cached set
     */
    public static TrainingSet of(SparkSession spark, Dataset data, int partitions, int blockRows, String name) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Block> blocks = new ArrayList<>();
        for (int s = 0; s < data.n(); s += blockRows) {
            int b = Math.min(blockRows, data.n() - s);
            blocks.add(new Block(Arrays.copyOfRange(data.x(), s * data.d(), (s + b) * data.d()),
                    Arrays.copyOfRange(data.y(), s, s + b), b, data.d()));
        }
        JavaRDD<Block> rdd = jsc.parallelize(blocks, partitions);
        return cache(rdd, data.d(), data.classes(), data.classes(), name);
    }

    /**
     * All rows of a (small) training set on the driver, in block order: for tests and checks.
     *
     * @param set the cached set
     * @return its rows as one data set
     */
    public static Dataset collect(TrainingSet set) {
        List<Block> blocks = set.blocks().collect();
        int d = set.features();
        float[] x = new float[Math.toIntExact(set.rows() * d)];
        int[] y = new int[Math.toIntExact(set.rows())];
        int r = 0;
        for (Block b : blocks) {
            System.arraycopy(b.x(), 0, x, r * d, b.rows() * d);
            System.arraycopy(b.y(), 0, y, r, b.rows());
            r += b.rows();
        }
        return new Dataset(x, y, y.length, d, set.classes());
    }

    /**
     * The set as a DataFrame for Spark ML: {@code label} (double) and {@code features} (a dense
     * ML vector in double), computed from the cached blocks (not cached itself: MLlib caches its
     * own copy of its input).
     *
     * @param spark the session
     * @param set the cached set
     * @return a DataFrame with columns {@code label} and {@code features}
     */
    public static org.apache.spark.sql.Dataset<Row> toDataFrame(SparkSession spark, TrainingSet set) {
        JavaRDD<Row> rows = set.blocks().flatMap(b -> {
            NativeBlas.protectMllib(); // before MLlib's first BLAS call in this executor
            List<Row> out = new ArrayList<>(b.rows());
            int d = b.d();
            for (int r = 0; r < b.rows(); r++) {
                double[] v = new double[d];
                for (int j = 0; j < d; j++) {
                    v[j] = b.x()[r * d + j];
                }
                out.add(RowFactory.create((double) b.y()[r], new DenseVector(v)));
            }
            return out.iterator();
        });
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("label", DataTypes.DoubleType, false),
            DataTypes.createStructField("features", SQLDataTypes.VectorType(), false)
        });
        return spark.createDataFrame(rows, schema);
    }

    /** A label as a class index: an integer ≥ 0, else an error naming where it came from. */
    static int classIndex(double label, String where) {
        if (!(label >= 0) || label != Math.rint(label) || label > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": label " + label + " is not a class index (an integer >= 0); "
                    + "relabel the classes as 0..K-1" + (label == -1 ? " (for -1/+1 labels, map -1 to 0)" : ""));
        }
        return (int) label;
    }

    /** The ids 0..⌈rows/blockRows⌉−1 of a generated source's blocks, in at most {@code partitions} partitions. */
    static JavaRDD<Long> blockIds(SparkSession spark, long rows, int blockRows, int partitions) {
        long blocks = (rows + blockRows - 1) / blockRows;
        return spark.range(0, blocks, 1, (int) Math.min(partitions, blocks)).javaRDD();
    }

    /** The blocks in {@code partitions} partitions (a shuffle only when the count differs). */
    static JavaRDD<Block> repartition(JavaRDD<Block> rdd, int partitions) {
        return rdd.getNumPartitions() == partitions ? rdd : rdd.repartition(partitions);
    }

    // ---- caching ----

    /**
     * Caches the blocks and runs one job that materializes them and returns the rows and the
     * label range; checks the labels against {@code classes} (0: the largest label + 1).
     */
    static TrainingSet cache(JavaRDD<Block> rdd, int d, int knownClasses, int classes, String source) {
        rdd.persist(StorageLevel.MEMORY_ONLY());
        long[] stats;
        try {
            stats = rdd.map(b -> {
                int max = -1;
                for (int v : b.y()) {
                    max = Math.max(max, v);
                }
                return new long[] {b.rows(), max};
            }).fold(new long[] {0, -1}, (a, b) -> new long[] {a[0] + b[0], Math.max(a[1], b[1])});
        } catch (RuntimeException e) {
            rdd.unpersist(false);
            throw e;
        }
        if (stats[0] == 0) {
            rdd.unpersist(false);
            throw new IllegalArgumentException(source + " has no rows");
        }
        int maxLabel = (int) stats[1];
        int k = classes > 0 ? classes : knownClasses > 0 ? knownClasses : maxLabel + 1;
        if (maxLabel >= k) {
            rdd.unpersist(false);
            throw new IllegalArgumentException(source + ": label " + maxLabel + " is outside the classes [0, " + k
                    + ") (--classes " + k + "): raise --classes or relabel the data");
        }
        if (k < 2) {
            rdd.unpersist(false);
            throw new IllegalArgumentException(source + ": every label is 0, a classifier needs at least two classes");
        }
        return new TrainingSet(rdd, stats[0], d, k, rdd.getNumPartitions(), source);
    }
}
