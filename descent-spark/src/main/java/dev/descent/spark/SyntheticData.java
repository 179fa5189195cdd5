package dev.descent.spark;

import dev.descent.data.Rng;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * The source {@code synthetic:rows=N,features=D,classes=K,seed=S}: x ~ N(0, I_D) per row and a
 * label drawn from softmax(W*x + b*), W* and b* fixed by the seed with entries N(0, 4/D) and
 * N(0, 1) (so the classes overlap and the regularized optimum is interior). classes defaults to
 * 2, seed to 1. Block j is generated inside the executors from the seed and j alone, so the rows
 * do not depend on the partitioning.
 *
 * @param rows rows N, in [1, 2³¹ − 1]
 * @param features features D, in [1, 10⁶]
 * @param classes classes K, in [2, 10⁵]
 * @param seed the seed S
 */
record SyntheticData(long rows, int features, int classes, long seed) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String FORM = "synthetic:rows=N,features=D,classes=K,seed=S";

    /**
     * Parses {@code synthetic:key=value,...}.
     *
     * @param s the source text
     * @return the parameters
     * @throws IllegalArgumentException for an unknown key, a missing rows or features, or a value
     *     out of range
     */
    static SyntheticData parse(String s) {
        String body = s.contains(":") ? s.substring(s.indexOf(':') + 1) : "";
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : body.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("synthetic source: '" + part.strip() + "' is not key=value; use " + FORM);
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!List.of("rows", "features", "classes", "seed").contains(key)) {
                throw new IllegalArgumentException("synthetic source: unknown key '" + key
                        + "'; the keys are rows, features, classes, seed");
            }
            kv.put(key, part.substring(eq + 1).strip());
        }
        if (!kv.containsKey("rows") || !kv.containsKey("features")) {
            throw new IllegalArgumentException("synthetic source needs rows and features: " + FORM);
        }
        long rows = number(kv, "rows", 1, Integer.MAX_VALUE);
        int features = (int) number(kv, "features", 1, 1_000_000);
        int classes = kv.containsKey("classes") ? (int) number(kv, "classes", 2, 100_000) : 2;
        long seed = kv.containsKey("seed") ? number(kv, "seed", Long.MIN_VALUE, Long.MAX_VALUE) : 1;
        return new SyntheticData(rows, features, classes, seed);
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

    /** Generates the blocks inside the executors and caches them ({@link SparkData#load}). */
    static TrainingSet load(SparkSession spark, String source, SparkData.Options o) {
        SyntheticData spec = parse(source);
        if (o.classes() > 0 && o.classes() != spec.classes()) {
            throw new IllegalArgumentException("--classes " + o.classes() + " differs from the synthetic source's classes="
                    + spec.classes());
        }
        int blockRows = o.blockRows();
        JavaRDD<Long> ids = SparkData.blockIds(spark, spec.rows(), blockRows, o.partitions());
        JavaRDD<Block> rdd = ids.mapPartitions(it -> {
            double[][] teacher = spec.teacher();
            List<Block> out = new ArrayList<>();
            while (it.hasNext()) {
                long j = it.next();
                int rows = (int) Math.min(blockRows, spec.rows() - j * blockRows);
                out.add(spec.block(teacher, j, rows));
            }
            return out.iterator();
        });
        return SparkData.cache(rdd, spec.features(), spec.classes(), spec.classes(), source);
    }

    /** W* (K × D) and b* (K), from the seed alone. */
    double[][] teacher() {
        Rng rng = new Rng(seed ^ 0x5DEECE66DL);
        double[] w = new double[classes * features];
        double[] b = new double[classes];
        double sd = 2 / Math.sqrt(features);
        for (int i = 0; i < w.length; i++) {
            w[i] = sd * rng.nextGaussian();
        }
        for (int c = 0; c < classes; c++) {
            b[c] = rng.nextGaussian();
        }
        return new double[][] {w, b};
    }

    /** Block j: its rows depend on the seed and j only. */
    Block block(double[][] teacher, long j, int rows) {
        int d = features;
        int k = classes;
        Rng rng = new Rng(seed * 0x9E3779B97F4A7C15L + j * 0xBF58476D1CE4E5B9L + 1);
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
}
