package dev.descent.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.data.Dataset;
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data sources and fault tolerance, in one {@code local[2,4]} session (each task may be
 * attempted 4 times, so an injected first-attempt failure is retried).
 */
class SparkDataAndFaultTest {

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[2,4]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aFitWhoseTasksFailOnTheirFirstAttemptEndsWhereACleanFitEnds() {
        TrainingSet set = SparkData.load(spark, "synthetic:rows=600,features=8,classes=3,seed=9",
                SparkData.Options.DEFAULTS.withPartitions(3).withBlockRows(64));
        try {
            ModelRecipe recipe = ModelRecipe.of("softmax", 8, 3, 0, 64);
            Settings s = Settings.DEFAULTS.withMaxIterations(8);
            SparkObjective clean = new SparkObjective(set, recipe, 1e-2);
            Result a = Minimize.run(clean, clean.initialPoint(), Method.named("lbfgs"), s);
            TaskTimes times = new TaskTimes();
            spark.sparkContext().addSparkListener(times);
            SparkObjective faulty = new SparkObjective(set, recipe, 1e-2, new SparkObjective.Options(2, true));
            Result b;
            try {
                b = Minimize.run(faulty, faulty.initialPoint(), Method.named("lbfgs"), s);
            } finally {
                TaskTimes.drain(spark.sparkContext());
                spark.sparkContext().removeSparkListener(times);
            }
            assertThat(times.snapshot().failedTasks()).as("failed attempts").isGreaterThanOrEqualTo(3 * b.stats().fEvals());
            assertThat(b.iterations()).isEqualTo(a.iterations());
            assertThat(Math.abs(b.f() - a.f())).isLessThanOrEqualTo(1e-12 * a.f());
        } finally {
            set.unpersist();
        }
    }

    @Test
    void syntheticRowsDoNotDependOnThePartitioning() {
        SparkData.Options o = SparkData.Options.DEFAULTS.withBlockRows(50);
        Dataset one = SparkData.collect(SparkData.load(spark, "synthetic:rows=230,features=4,classes=3,seed=2", o.withPartitions(1)));
        Dataset four = SparkData.collect(SparkData.load(spark, "synthetic:rows=230,features=4,classes=3,seed=2", o.withPartitions(4)));
        assertThat(four.x()).isEqualTo(one.x());
        assertThat(four.y()).isEqualTo(one.y());
        assertThat(one.n()).isEqualTo(230);
        assertThat(java.util.Arrays.stream(one.classCounts()).min().orElseThrow()).isPositive();
    }

    @Test
    void libsvmCsvAndParquetLoadTheSameRows(@TempDir Path dir) throws Exception {
        Path svm = dir.resolve("a.libsvm");
        Files.writeString(svm, "1 1:0.5 3:2\n# a comment\n0 2:-1\n\n2 1:1 2:1 3:1\n");
        TrainingSet s = SparkData.load(spark, "libsvm:" + svm, SparkData.Options.DEFAULTS.withPartitions(2).withBlockRows(2));
        Dataset d = SparkData.collect(s);
        assertThat(s.rows()).isEqualTo(3);
        assertThat(s.features()).isEqualTo(3);
        assertThat(s.classes()).isEqualTo(3);
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "f1,label,f2,f3\n0.5,1,0,2\n0,0,-1,0\n1,2,1,1\n");
        Dataset c = SparkData.collect(SparkData.load(spark, csv.toString(), SparkData.Options.DEFAULTS.withPartitions(1)));
        assertThat(c.n()).isEqualTo(3);
        assertThat(sorted(c)).isEqualTo(sorted(d));
        Path parquet = dir.resolve("a.parquet");
        SparkData.toDataFrame(spark, s).write().parquet(parquet.toString());
        Dataset p = SparkData.collect(SparkData.load(spark, "parquet:" + parquet, SparkData.Options.DEFAULTS.withPartitions(1)));
        assertThat(sorted(p)).isEqualTo(sorted(d));
        List<Row> rows = SparkData.toDataFrame(spark, s).collectAsList();
        assertThat(rows).hasSize(3);
    }

    /** Rows as "label:features" strings in sorted order (the sources may order rows differently). */
    private static List<String> sorted(Dataset d) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < d.n(); i++) {
            StringBuilder b = new StringBuilder().append(d.y()[i]).append(':');
            for (int j = 0; j < d.d(); j++) {
                b.append(d.x()[i * d.d() + j]).append(',');
            }
            out.add(b.toString());
        }
        java.util.Collections.sort(out);
        return out;
    }

    @Test
    void badLibsvmLinesAndLabelsAreNamed(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.libsvm");
        Files.writeString(bad, "1 1:0.5\n0 2:1\n1 3:x\n");
        assertThatThrownBy(() -> SparkData.load(spark, "libsvm:" + bad, SparkData.Options.DEFAULTS.withPartitions(1)))
                .satisfies(e -> assertThat(SparkMain.rootCause(e)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("line 3").hasMessageContaining("'3:x' is not index:value"));
        Path labels = dir.resolve("labels.libsvm");
        Files.writeString(labels, "1 1:0.5\n5 2:1\n");
        assertThatThrownBy(() -> SparkData.load(spark, "libsvm:" + labels,
                SparkData.Options.DEFAULTS.withPartitions(1).withClasses(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 5 is outside the classes [0, 3)");
        Path negative = dir.resolve("negative.libsvm");
        Files.writeString(negative, "1 1:0.5\n-1 2:1\n");
        assertThatThrownBy(() -> SparkData.load(spark, "libsvm:" + negative, SparkData.Options.DEFAULTS.withPartitions(1)))
                .satisfies(e -> assertThat(SparkMain.rootCause(e)).hasMessageContaining("map -1 to 0"));
    }
}
