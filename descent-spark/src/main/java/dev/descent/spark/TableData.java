package dev.descent.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The sources {@code csv:PATH} (or {@code *.csv}, with a header) and {@code parquet:PATH} (or
 * {@code *.parquet}): the label column (default {@code label}) and, as features, every other
 * numeric column or one ML vector column. A non-numeric column, a null, or two vector columns
 * are errors that say what to change.
 */
final class TableData {

    private TableData() {}

    /** Reads the table with Spark SQL, turns its rows into blocks and caches them ({@link SparkData#load}). */
    static TrainingSet load(SparkSession spark, DataSource source, SparkData.Options o) {
        String path = source.check();
        org.apache.spark.sql.Dataset<Row> df = source.kind() == DataSource.Kind.CSV
                ? spark.read().option("header", "true").option("inferSchema", "true").csv(path)
                : spark.read().parquet(path);
        String label = o.labelColumn();
        List<String> cols = columns(df.schema(), path, label);
        boolean vector = cols.size() == 2 && df.schema().apply(cols.get(1)).dataType().equals(SQLDataTypes.VectorType());
        org.apache.spark.sql.Dataset<Row> sel = df.selectExpr(cols.stream().map(c -> "`" + c + "`").toArray(String[]::new));
        int d = vector ? ((Vector) sel.first().get(1)).size() : cols.size() - 1;
        int blockRows = o.blockRows();
        JavaRDD<Block> rdd = sel.javaRDD().mapPartitions(it -> {
            BlockBuilder blocks = new BlockBuilder(blockRows, d);
            while (it.hasNext()) {
                Row row = it.next();
                if (row.isNullAt(0)) {
                    throw new IllegalArgumentException(path + ": a row has no label (null in column '" + label + "')");
                }
                int y = SparkData.classIndex(((Number) row.get(0)).doubleValue(), path + " column '" + label + "'");
                features(row, vector, d, path, blocks.row(), blocks.offset());
                blocks.add(y);
            }
            return blocks.finish().iterator();
        });
        return SparkData.cache(SparkData.repartition(rdd, o.partitions()), d, 0, o.classes(), source.text());
    }

    /** The columns to read: the label first, then one vector column or every numeric feature column. */
    private static List<String> columns(StructType schema, String path, String label) {
        if (!Arrays.asList(schema.fieldNames()).contains(label)) {
            throw new IllegalArgumentException(path + " has no column '" + label + "' (columns: "
                    + String.join(", ", schema.fieldNames()) + "): name the label column with --label");
        }
        List<String> numeric = new ArrayList<>();
        String vectorColumn = null;
        for (StructField f : schema.fields()) {
            DataType t = f.dataType();
            if (f.name().equals(label)) {
                if (!(t instanceof NumericType)) {
                    throw new IllegalArgumentException(path + ": label column '" + label + "' is " + t.simpleString()
                            + ", not numeric");
                }
            } else if (t instanceof NumericType) {
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
        return cols;
    }

    /** Writes a row's d features (columns 1.. or the vector in column 1) into x[at, at + d). */
    private static void features(Row row, boolean vector, int d, String path, float[] x, int at) {
        if (vector) {
            Vector v = (Vector) row.get(1);
            if (v.size() != d) {
                throw new IllegalArgumentException(path + ": a feature vector has " + v.size() + " entries, the first had " + d);
            }
            for (int j = 0; j < d; j++) {
                x[at + j] = (float) v.apply(j);
            }
            return;
        }
        for (int j = 0; j < d; j++) {
            if (row.isNullAt(j + 1)) {
                throw new IllegalArgumentException(path + ": a row has a null feature: fill or drop missing values");
            }
            x[at + j] = (float) ((Number) row.get(j + 1)).doubleValue();
        }
    }
}
