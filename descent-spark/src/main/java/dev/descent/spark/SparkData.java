package dev.descent.spark;

import dev.descent.data.Dataset;
import dev.descent.data.FashionMnist;
import dev.descent.data.Rng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Loads training sets into Spark as cached {@link Block}s. Every source creates its rows inside
 * the executors (a generator or a reader per partition), never from a driver-side list of rows,
 * and the blocks are cached once ({@code MEMORY_ONLY}, deserialized), materialized by one
 * counting job that also checks the labels.
 *
 * <p>Sources ({@link #load}):
 * <ul>
 *   <li>{@code synthetic:rows=N,features=D,classes=K,seed=S}: x ~ N(0, I_D) per row and a label
 *       drawn from softmax(W*x + b*), W* and b* fixed by the seed with entries N(0, 4/D) and
 *       N(0, 1) (so the classes overlap and the regularized optimum is interior). Block j is
 *       generated from the seed and j alone, so the rows do not depend on the partitioning.
 *       classes defaults to 2, seed to 1.
 *   <li>{@code libsvm:PATH} (or a path ending in {@code .libsvm}, {@code .svm}, {@code .txt}):
 *       lines {@code label index:value ...} with 1-based ascending indices; a malformed line is
 *       an error naming its line number.
 *   <li>{@code csv:PATH} (or {@code *.csv}), with a header, and {@code parquet:PATH} (or
 *       {@code *.parquet}): the label column (default {@code label}) and every other numeric
 *       column, or one ML vector column, as features.
 *   <li>{@code fashion-mnist} or {@code fashion-mnist:DIR}: the 60 000 training images (pixels
 *       scaled to [0, 1]), read by each partition from the IDX files (which every executor must
 *       see at that path).
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
        int p = o.partitions() > 0 ? o.partitions() : jsc.defaultParallelism();
        String s = source.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("synthetic:") || lower.equals("synthetic")) {
            return synthetic(spark, s, o.withPartitions(p));
        }
        if (lower.equals("fashion-mnist") || lower.startsWith("fashion-mnist:")) {
            String dir = lower.equals("fashion-mnist") ? null : s.substring("fashion-mnist:".length());
            return fashionMnist(spark, dir, o.withPartitions(p), s);
        }
        if (lower.startsWith("libsvm:")) {
            return libsvm(jsc, requirePath(s.substring(7)), o.withPartitions(p), s);
        }
        if (lower.startsWith("csv:")) {
            return table(spark, "csv", requirePath(s.substring(4)), o.withPartitions(p), s);
        }
        if (lower.startsWith("parquet:")) {
            return table(spark, "parquet", requirePath(s.substring(8)), o.withPartitions(p), s);
        }
        if (lower.endsWith(".libsvm") || lower.endsWith(".svm") || lower.endsWith(".txt")) {
            return libsvm(jsc, requirePath(s), o.withPartitions(p), s);
        }
        if (lower.endsWith(".csv")) {
            return table(spark, "csv", requirePath(s), o.withPartitions(p), s);
        }
        if (lower.endsWith(".parquet")) {
            return table(spark, "parquet", requirePath(s), o.withPartitions(p), s);
        }
        throw new IllegalArgumentException("unknown data source '" + source + "': use synthetic:rows=N,features=D,"
                + "classes=K,seed=S, libsvm:PATH, csv:PATH, parquet:PATH or fashion-mnist[:DIR]");
    }

    /**
     * Checks a source's form and, for a local path, that it exists, without Spark: the
     * command line calls it before it starts a session, so that a typo costs no start-up.
     *
     * @param source the source text
     * @throws IllegalArgumentException as {@link #load} would for the same problem
     */
    public static void check(String source) {
        String s = source.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("synthetic:") || lower.equals("synthetic")) {
            parseSynthetic(s);
        } else if (lower.equals("fashion-mnist") || lower.startsWith("fashion-mnist:")) {
            String dir = lower.equals("fashion-mnist") ? null : s.substring("fashion-mnist:".length());
            FashionMnist.locate(dir == null || dir.isBlank() ? null : Path.of(dir));
        } else if (lower.startsWith("libsvm:") || lower.startsWith("csv:") || lower.startsWith("parquet:")) {
            requirePath(s.substring(s.indexOf(':') + 1));
        } else if (lower.endsWith(".libsvm") || lower.endsWith(".svm") || lower.endsWith(".txt") || lower.endsWith(".csv")
                || lower.endsWith(".parquet")) {
            requirePath(s);
        } else {
            throw new IllegalArgumentException("unknown data source '" + source + "': use synthetic:rows=N,features=D,"
                    + "classes=K,seed=S, libsvm:PATH, csv:PATH, parquet:PATH or fashion-mnist[:DIR]");
        }
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

    // ---- synthetic ----

    /**
     * The parameters of {@code synthetic:...}.
     *
     * @param rows rows N
     * @param features features D
     * @param classes classes K
     * @param seed the seed S
     */
    record SyntheticSpec(long rows, int features, int classes, long seed) implements java.io.Serializable {}

    static SyntheticSpec parseSynthetic(String s) {
        String body = s.contains(":") ? s.substring(s.indexOf(':') + 1) : "";
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : body.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("synthetic source: '" + part.strip() + "' is not key=value; use "
                        + "synthetic:rows=N,features=D,classes=K,seed=S");
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!List.of("rows", "features", "classes", "seed").contains(key)) {
                throw new IllegalArgumentException("synthetic source: unknown key '" + key
                        + "'; the keys are rows, features, classes, seed");
            }
            kv.put(key, part.substring(eq + 1).strip());
        }
        if (!kv.containsKey("rows") || !kv.containsKey("features")) {
            throw new IllegalArgumentException("synthetic source needs rows and features: "
                    + "synthetic:rows=N,features=D,classes=K,seed=S");
        }
        long rows = number(kv, "rows", 1, Integer.MAX_VALUE);
        int features = (int) number(kv, "features", 1, 1_000_000);
        int classes = kv.containsKey("classes") ? (int) number(kv, "classes", 2, 100_000) : 2;
        long seed = kv.containsKey("seed") ? number(kv, "seed", Long.MIN_VALUE, Long.MAX_VALUE) : 1;
        return new SyntheticSpec(rows, features, classes, seed);
    }

    private static long number(Map<String, String> kv, String key, long min, long max) {
        String v = kv.get(key);
        long x;
        try {
            x = Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("synthetic source: " + key + "=" + v + " is not an integer");
        }
        if (x < min || x > max) {
            throw new IllegalArgumentException("synthetic source: " + key + "=" + v + " must be in [" + min + ", " + max + "]");
        }
        return x;
    }

    private static TrainingSet synthetic(SparkSession spark, String source, Options o) {
        SyntheticSpec spec = parseSynthetic(source);
        if (o.classes() > 0 && o.classes() != spec.classes()) {
            throw new IllegalArgumentException("--classes " + o.classes() + " differs from the synthetic source's classes="
                    + spec.classes());
        }
        int blockRows = o.blockRows();
        long blocks = (spec.rows() + blockRows - 1) / blockRows;
        JavaRDD<Long> ids = spark.range(0, blocks, 1, (int) Math.min(o.partitions(), blocks)).javaRDD();
        JavaRDD<Block> rdd = ids.mapPartitions(it -> {
            double[][] teacher = teacher(spec);
            List<Block> out = new ArrayList<>();
            while (it.hasNext()) {
                long j = it.next();
                int rows = (int) Math.min(blockRows, spec.rows() - j * blockRows);
                out.add(syntheticBlock(spec, teacher, j, rows));
            }
            return out.iterator();
        });
        return cache(rdd, spec.features(), spec.classes(), spec.classes(), source);
    }

    /** W* (K × D) and b* (K) of the synthetic source, from the seed alone. */
    static double[][] teacher(SyntheticSpec spec) {
        Rng rng = new Rng(spec.seed() ^ 0x5DEECE66DL);
        int k = spec.classes();
        int d = spec.features();
        double[] w = new double[k * d];
        double[] b = new double[k];
        double sd = 2 / Math.sqrt(d);
        for (int i = 0; i < w.length; i++) {
            w[i] = sd * rng.nextGaussian();
        }
        for (int c = 0; c < k; c++) {
            b[c] = rng.nextGaussian();
        }
        return new double[][] {w, b};
    }

    /** Block j of the synthetic source: its rows depend on the seed and j only. */
    static Block syntheticBlock(SyntheticSpec spec, double[][] teacher, long j, int rows) {
        int d = spec.features();
        int k = spec.classes();
        Rng rng = new Rng(spec.seed() * 0x9E3779B97F4A7C15L + j * 0xBF58476D1CE4E5B9L + 1);
        float[] x = new float[rows * d];
        int[] y = new int[rows];
        double[] z = new double[k];
        double[] w = teacher[0];
        double[] b = teacher[1];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < d; i++) {
                x[r * d + i] = (float) rng.nextGaussian();
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double s = b[c];
                for (int i = 0; i < d; i++) {
                    s += w[c * d + i] * x[r * d + i];
                }
                z[c] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                z[c] = Math.exp(z[c] - max);
                sum += z[c];
            }
            double u = rng.nextDouble() * sum;
            int label = k - 1;
            for (int c = 0; c < k; c++) {
                u -= z[c];
                if (u < 0) {
                    label = c;
                    break;
                }
            }
            y[r] = label;
        }
        return new Block(x, y, rows, d);
    }

    // ---- Fashion-MNIST ----

    private static TrainingSet fashionMnist(SparkSession spark, String dir, Options o, String source) {
        Path located = FashionMnist.locate(dir == null || dir.isBlank() ? null : Path.of(dir));
        String where = located.toString();
        int n = 60_000;
        int d = 784;
        int blockRows = o.blockRows();
        long blocks = (n + blockRows - 1) / blockRows;
        JavaRDD<Long> ids = spark.range(0, blocks, 1, (int) Math.min(o.partitions(), blocks)).javaRDD();
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
                out.add(new Block(Arrays.copyOfRange(train.x(), from * d, to * d),
                        Arrays.copyOfRange(train.y(), from, to), to - from, d));
            }
            return out.iterator();
        });
        return cache(rdd, d, 10, o.classes() > 0 ? o.classes() : 10, source);
    }

    // ---- libsvm ----

    /** A path that exists when it is local ({@code file:} or no scheme); other schemes are checked by Spark. */
    static String requirePath(String path) {
        String p = path.strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("--data names no path: give a file, e.g. libsvm:data/train.libsvm");
        }
        URI uri;
        try {
            uri = URI.create(p.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null ? null : uri.getScheme();
        if (scheme == null || scheme.equals("file")) {
            Path local = scheme == null ? Path.of(p) : Path.of(uri);
            if (!Files.exists(local)) {
                throw new IllegalArgumentException("no such file: " + p + " (--data): check the path");
            }
        }
        return p;
    }

    /**
     * One parsed libsvm line.
     *
     * @param label the label as written
     * @param index the 1-based feature indices, ascending
     * @param value the values at those indices
     */
    record SparseRow(double label, int[] index, double[] value) implements java.io.Serializable {}

    /**
     * Parses one libsvm line ({@code label i:v i:v ...}, 1-based ascending indices; a {@code #}
     * starts a comment); null for a blank or comment line.
     *
     * @throws IllegalArgumentException naming the line number and what is wrong
     */
    static SparseRow parseLibsvm(String line, long lineNo, String path) {
        int hash = line.indexOf('#');
        String t = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (t.isEmpty()) {
            return null;
        }
        String[] tok = t.split("\\s+");
        String where = path + " line " + lineNo + ": ";
        double label;
        try {
            label = Double.parseDouble(tok[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "label '" + tok[0] + "' is not a number (expected 'label index:value ...')");
        }
        int[] idx = new int[tok.length - 1];
        double[] val = new double[tok.length - 1];
        int prev = 0;
        for (int i = 1; i < tok.length; i++) {
            int colon = tok[i].indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(where + "'" + tok[i] + "' is not index:value");
            }
            int ix;
            double v;
            try {
                ix = Integer.parseInt(tok[i].substring(0, colon));
                v = Double.parseDouble(tok[i].substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "'" + tok[i] + "' is not index:value with an integer index and a number");
            }
            if (ix <= prev) {
                throw new IllegalArgumentException(where + "index " + ix + (ix < 1 ? " is below 1 (libsvm indices start at 1)"
                        : " does not increase (indices must be ascending)"));
            }
            prev = ix;
            idx[i - 1] = ix;
            val[i - 1] = v;
        }
        return new SparseRow(label, idx, val);
    }

    private static TrainingSet libsvm(JavaSparkContext jsc, String path, Options o, String source) {
        JavaPairRDD<String, Long> lines = jsc.textFile(path, o.partitions()).zipWithIndex();
        JavaRDD<SparseRow> parsed = lines.map(t -> parseLibsvm(t._1(), t._2() + 1, path)).filter(r -> r != null);
        int d = parsed.aggregate(0, (m, r) -> r.index().length == 0 ? m : Math.max(m, r.index()[r.index().length - 1]),
                Math::max);
        if (d == 0) {
            throw new IllegalArgumentException(path + " has no features (every line is empty or only a label)");
        }
        int blockRows = o.blockRows();
        int dims = d;
        JavaRDD<Block> rdd = parsed.mapPartitions(it -> {
            List<Block> out = new ArrayList<>();
            float[] x = new float[blockRows * dims];
            int[] y = new int[blockRows];
            int r = 0;
            while (it.hasNext()) {
                SparseRow row = it.next();
                y[r] = classIndex(row.label(), path);
                for (int i = 0; i < row.index().length; i++) {
                    x[r * dims + row.index()[i] - 1] = (float) row.value()[i];
                }
                if (++r == blockRows) {
                    out.add(new Block(x, y, r, dims));
                    x = new float[blockRows * dims];
                    y = new int[blockRows];
                    r = 0;
                }
            }
            if (r > 0) {
                out.add(new Block(Arrays.copyOf(x, r * dims), Arrays.copyOf(y, r), r, dims));
            }
            return out.iterator();
        });
        return cache(repartition(rdd, o.partitions()), d, 0, o.classes(), source);
    }

    /** A label as a class index: an integer ≥ 0, else an error naming where it came from. */
    static int classIndex(double label, String where) {
        if (!(label >= 0) || label != Math.rint(label) || label > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": label " + label + " is not a class index (an integer >= 0); "
                    + "relabel the classes as 0..K-1" + (label == -1 ? " (for -1/+1 labels, map -1 to 0)" : ""));
        }
        return (int) label;
    }

    // ---- CSV and Parquet ----

    private static TrainingSet table(SparkSession spark, String format, String path, Options o, String source) {
        org.apache.spark.sql.Dataset<Row> df = format.equals("csv")
                ? spark.read().option("header", "true").option("inferSchema", "true").csv(path)
                : spark.read().parquet(path);
        StructType schema = df.schema();
        String label = o.labelColumn();
        if (!Arrays.asList(schema.fieldNames()).contains(label)) {
            throw new IllegalArgumentException(path + " has no column '" + label + "' (columns: "
                    + String.join(", ", schema.fieldNames()) + "): name the label column with --label");
        }
        List<String> numeric = new ArrayList<>();
        String vectorColumn = null;
        for (StructField f : schema.fields()) {
            if (f.name().equals(label)) {
                if (!(f.dataType() instanceof NumericType)) {
                    throw new IllegalArgumentException(path + ": label column '" + label + "' is " + f.dataType().simpleString()
                            + ", not numeric");
                }
                continue;
            }
            DataType t = f.dataType();
            if (t instanceof NumericType) {
                numeric.add(f.name());
            } else if (t.equals(SQLDataTypes.VectorType())) {
                if (vectorColumn != null) {
                    throw new IllegalArgumentException(path + " has two vector columns ('" + vectorColumn + "' and '"
                            + f.name() + "'): keep one");
                }
                vectorColumn = f.name();
            } else {
                throw new IllegalArgumentException(path + ": column '" + f.name() + "' is " + t.simpleString()
                        + ", not numeric: drop it or make it a number");
            }
        }
        if (vectorColumn != null && !numeric.isEmpty()) {
            throw new IllegalArgumentException(path + " has both a vector column '" + vectorColumn
                    + "' and numeric feature columns: keep one kind");
        }
        List<String> cols = new ArrayList<>();
        cols.add(label);
        if (vectorColumn != null) {
            cols.add(vectorColumn);
        } else {
            cols.addAll(numeric);
        }
        if (cols.size() == 1) {
            throw new IllegalArgumentException(path + " has no feature columns besides '" + label + "'");
        }
        org.apache.spark.sql.Dataset<Row> sel = df.selectExpr(cols.stream().map(c -> "`" + c + "`").toArray(String[]::new));
        int d;
        boolean vector = vectorColumn != null;
        if (vector) {
            Row first = sel.first();
            d = ((Vector) first.get(1)).size();
        } else {
            d = numeric.size();
        }
        int blockRows = o.blockRows();
        int dims = d;
        JavaRDD<Block> rdd = sel.javaRDD().mapPartitions(it -> {
            List<Block> out = new ArrayList<>();
            float[] x = new float[blockRows * dims];
            int[] y = new int[blockRows];
            int r = 0;
            while (it.hasNext()) {
                Row row = it.next();
                if (row.isNullAt(0)) {
                    throw new IllegalArgumentException(path + ": a row has no label (null in column '" + label + "')");
                }
                y[r] = classIndex(((Number) row.get(0)).doubleValue(), path + " column '" + label + "'");
                if (vector) {
                    Vector v = (Vector) row.get(1);
                    if (v.size() != dims) {
                        throw new IllegalArgumentException(path + ": a feature vector has " + v.size()
                                + " entries, the first had " + dims);
                    }
                    for (int j = 0; j < dims; j++) {
                        x[r * dims + j] = (float) v.apply(j);
                    }
                } else {
                    for (int j = 0; j < dims; j++) {
                        if (row.isNullAt(j + 1)) {
                            throw new IllegalArgumentException(path + ": a row has a null feature: fill or drop missing values");
                        }
                        x[r * dims + j] = (float) ((Number) row.get(j + 1)).doubleValue();
                    }
                }
                if (++r == blockRows) {
                    out.add(new Block(x, y, r, dims));
                    x = new float[blockRows * dims];
                    y = new int[blockRows];
                    r = 0;
                }
            }
            if (r > 0) {
                out.add(new Block(Arrays.copyOf(x, r * dims), Arrays.copyOf(y, r), r, dims));
            }
            return out.iterator();
        });
        return cache(repartition(rdd, o.partitions()), d, 0, o.classes(), source);
    }

    private static JavaRDD<Block> repartition(JavaRDD<Block> rdd, int partitions) {
        return rdd.getNumPartitions() == partitions ? rdd : rdd.repartition(partitions);
    }

    // ---- caching ----

    /**
     * Caches the blocks and runs one job that materializes them and returns the rows and the
     * label range; checks the labels against {@code classes} (0: the largest label + 1).
     */
    private static TrainingSet cache(JavaRDD<Block> rdd, int d, int knownClasses, int classes, String source) {
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
