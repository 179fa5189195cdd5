package dev.descent.spark;

import java.io.Serial;
import java.io.Serializable;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The source {@code libsvm:PATH} (or a path ending in {@code .libsvm}, {@code .svm},
 * {@code .txt}): lines {@code label index:value ...} with 1-based ascending indices, a {@code #}
 * starting a comment; a malformed line is an error naming its line number. D is the largest
 * index; the rows are read by the executors ({@code textFile}) and stored dense.
 */
final class LibsvmData {

    private LibsvmData() {}

    /**
     * One parsed libsvm line.
     *
     * @param label the label as written
     * @param index the 1-based feature indices, ascending
     * @param value the values at those indices
     */
    record SparseRow(double label, int[] index, double[] value) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * Parses one libsvm line ({@code label i:v i:v ...}, 1-based ascending indices; a {@code #}
     * starts a comment).
     *
     * @param line the line
     * @param lineNo its 1-based number, for messages
     * @param path the file, for messages
     * @return the row, or null for a blank or comment line
     * @throws IllegalArgumentException naming the line number and what is wrong
     */
    static SparseRow parse(String line, long lineNo, String path) {
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

    /** Reads, parses and caches the file ({@link SparkData#load}). */
    static TrainingSet load(JavaSparkContext jsc, DataSource source, SparkData.Options o) {
        String path = source.check();
        JavaPairRDD<String, Long> lines = jsc.textFile(path, o.partitions()).zipWithIndex();
        JavaRDD<SparseRow> parsed = lines.map(t -> parse(t._1(), t._2() + 1, path)).filter(r -> r != null);
        int d = parsed.aggregate(0, (m, r) -> r.index().length == 0 ? m : Math.max(m, r.index()[r.index().length - 1]),
                Math::max);
        if (d == 0) {
            throw new IllegalArgumentException(path + " has no features (every line is empty or only a label)");
        }
        int blockRows = o.blockRows();
        JavaRDD<Block> rdd = parsed.mapPartitions(it -> {
            BlockBuilder blocks = new BlockBuilder(blockRows, d);
            while (it.hasNext()) {
                SparseRow row = it.next();
                float[] x = blocks.row();
                int at = blocks.offset();
                for (int i = 0; i < row.index().length; i++) {
                    x[at + row.index()[i] - 1] = (float) row.value()[i];
                }
                blocks.add(SparkData.classIndex(row.label(), path));
            }
            return blocks.finish().iterator();
        });
        return SparkData.cache(SparkData.repartition(rdd, o.partitions()), d, 0, o.classes(), source.text());
    }
}
