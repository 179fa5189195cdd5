package dev.descent.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code descent spark fit} end to end: one fit beside MLlib, and the bad-input paths. */
class FitCommandTest {

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        NativeBlas.protectMllib();
        CommandLine cl = SparkMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void fitsSoftmaxBesideMllibAndPrintsOneJsonObject(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.csv");
        Run r = run("fit", "--data", "synthetic:rows=3000,features=6,classes=3,seed=4", "--model", "softmax", "--l2", "1e-3",
                "--master", "local[2]", "--partitions", "3", "--block-rows", "256", "--compare-mllib", "--json",
                "--trace", trace.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("method").asText()).isEqualTo("lbfgs");
        assertThat(j.get("partitions").asInt()).isEqualTo(3);
        assertThat(j.get("executors").asInt()).isEqualTo(1);
        assertThat(j.get("passes").asLong()).isGreaterThanOrEqualTo(j.get("iterations").asLong()).isPositive();
        JsonNode ml = j.get("mllib");
        assertThat(ml.get("iterations").asInt()).isPositive();
        assertThat(ml.get("passes").asLong()).isPositive();
        // both minimize the same objective: they agree to the precision of its float32 data term
        assertThat(Math.abs(j.get("objective").asDouble() - ml.get("objective").asDouble())).isLessThan(1e-6);
        assertThat(Math.abs(ml.get("mllibObjective").asDouble() - ml.get("objective").asDouble())).isLessThan(1e-6);
        assertThat(Files.readAllLines(trace)).first().isEqualTo("who,passes,seconds,objective");
        assertThat(Files.readAllLines(trace)).anyMatch(l -> l.startsWith("mllib,"));
    }

    @Test
    void aMissingPathIsAUsageErrorBeforeSparkStarts() {
        Run r = run("fit", "--data", "libsvm:/no/such/dir/train.libsvm", "--master", "local[1]");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("descent spark: no such file: /no/such/dir/train.libsvm").hasLineCount(1);
    }

    @Test
    void aMalformedLibsvmLineIsNamedByItsNumber(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.libsvm");
        Files.writeString(bad, "1 1:0.5\n0 2:1 1:3\n");
        Run r = run("fit", "--data", bad.toString(), "--master", "local[1]");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("line 2: index 1 does not increase").hasLineCount(1);
    }

    @Test
    void anUnreachableMasterFailsWithinSeconds() {
        long t0 = System.nanoTime();
        Run r = run("fit", "--data", "synthetic:rows=10,features=2", "--master", "spark://127.0.0.1:1", "--connect-timeout", "2");
        assertThat((System.nanoTime() - t0) * 1e-9).isLessThan(10);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("descent spark: cannot reach the Spark master spark://127.0.0.1:1").hasLineCount(1);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("fit", "--data", "synthetic:rows=10,features=2", "--master", "locl[2]").err())
                .contains("--master 'locl[2]' is not a Spark master URL");
        Run method = run("fit", "--data", "synthetic:rows=10,features=2", "--method", "adam");
        assertThat(method.status()).isEqualTo(2);
        assertThat(method.err()).contains("--method adam is not one of lbfgs, newton-cg");
        assertThat(run("fit", "--data", "synthetic:rows=10").err()).contains("synthetic source needs rows and features");
        assertThat(run("fit", "--data", "synthetic:rows=10,features=2", "--l2", "-1").status()).isEqualTo(2);
        assertThat(run("fit", "--data", "synthetic:rows=10,features=2", "--model", "tree").err()).contains("unknown model 'tree'");
        assertThat(run("fit").status()).isEqualTo(2);
    }

    @Test
    void mbLbfgsCountsASampleOfPOfPPartitionsAsPOverPOfAPass() throws Exception {
        Run r = run("fit", "--data", "synthetic:rows=2000,features=5,classes=3,seed=2",
                "--method", "mb-lbfgs", "--master", "local[2]", "--partitions", "8", "--block-rows", "125",
                "--max-iter", "6", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("method").asText()).isEqualTo("mb-lbfgs");
        assertThat(j.get("iterations").asInt()).isEqualTo(6);
        assertThat(j.get("partitions").asInt()).isEqualTo(8);
        double passes = j.get("passes").asDouble();
        // 6 iterations over samples of 2 of 8 equal partitions (gradients and line-search trials), then one full pass
        assertThat((passes - 1) * 8).isCloseTo(Math.rint((passes - 1) * 8), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(passes).isGreaterThanOrEqualTo(1 + 6 * 0.25).isLessThan(1 + 6);
    }
}
