package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchStepCommandTest {

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([-0-9.eE+]+)").matcher(json);
        assertThat(m.find()).as(key + " in " + json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void jsonIsOneObjectWithTheFigures() {
        Run r = run("bench", "step", "--optimizer", "adam:lr=1e-3,amsgrad=true", "--params", "1000", "--reps", "3",
                "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        String json = r.out().strip();
        assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n");
        assertThat(json).contains("\"optimizer\":\"adam:lr=1e-3,amsgrad=true\"");
        assertThat(number(json, "params")).isEqualTo(1000);
        assertThat(number(json, "bytesPerParam")).isEqualTo(36);
        double ns = number(json, "nsPerParam");
        double gb = number(json, "gbPerSec");
        double stream = number(json, "streamGbPerSec");
        assertThat(ns).isPositive();
        assertThat(gb).isCloseTo(36 / ns, org.assertj.core.data.Percentage.withPercentage(0.01));
        assertThat(number(json, "ratioToStream")).isCloseTo(gb / stream, org.assertj.core.data.Percentage.withPercentage(0.01));
    }

    @Test
    void humanOutputStatesBytesAndRatio() {
        Run r = run("bench", "step", "--optimizer", "sgd", "--params", "100", "--reps", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("ns/param").contains("12 bytes/param").contains("STREAM triad")
                .contains("ratio to triad");
    }

    @Test
    void badOptimizerIsAUsageErrorOnOneLine() {
        Run r = run("bench", "step", "--optimizer", "adamm", "--params", "10");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("unknown optimizer 'adamm'").contains("valid names");
        assertThat(r.out()).isEmpty();

        Run bad = run("bench", "step", "--optimizer", "adam:beta1=2", "--params", "10");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).doesNotContain("\n").contains("beta1");

        Run n = run("bench", "step", "--optimizer", "adam", "--params", "0");
        assertThat(n.exit()).isEqualTo(2);
        assertThat(n.err().strip()).doesNotContain("\n").contains("--params");
    }
}
