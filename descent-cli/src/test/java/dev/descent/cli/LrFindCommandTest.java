package dev.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LrFindCommandTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonHasTheSuggestionAndTheCurve(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("lr.svg");
        Run r = run("lr-find", "--data", "spiral", "--model", "mlp:32", "--optimizer", "sgd", "--start", "1e-3", "--end", "100",
                "--steps", "80", "--plot", svg.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        String json = r.out().strip();
        assertThat(json).startsWith("{\"suggestedLr\":").endsWith("}").doesNotContain("\n");
        assertThat(json).contains("\"suggest\":\"valley\"", "\"lrs\":[0.001,", "\"losses\":[", "\"steepest\":", "\"minimumOver10\":");
        double lr = Double.parseDouble(json.substring("{\"suggestedLr\":".length(), json.indexOf(',')));
        assertThat(lr).isBetween(1e-3, 100.0);
        // the chart is a well-formed SVG document
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(Files.readString(svg)).contains("smoothed loss", "valley");
    }

    @Test
    void humanOutputNamesTheMethod() {
        Run r = run("lr-find", "--data", "spiral", "--model", "softmax", "--optimizer", "adam", "--steps", "40", "--suggest", "steepest");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("suggested lr: ").contains("(steepest)").contains("valley").contains("swept");
    }

    @Test
    void trainLrAutoRunsTheRangeTestAndSaysWhatItChose() {
        Run r = run("train", "--data", "spiral", "--model", "mlp:16", "--optimizer", "sgd", "--lr", "auto", "--epochs", "1", "--no-progress");
        assertThat(r.code()).as(r.err()).isZero();
        String first = r.out().lines().findFirst().orElseThrow();
        assertThat(first).startsWith("lr auto: lr-find chose ").contains("valley");
        String chosen = first.substring("lr auto: lr-find chose ".length(), first.indexOf(' ', "lr auto: lr-find chose ".length()));
        // the training run uses exactly that rate
        assertThat(r.out()).contains("lr " + chosen + ",");
        Run j = run("train", "--data", "spiral", "--model", "mlp:16", "--optimizer", "sgd", "--lr", "auto", "--epochs", "1", "--json");
        assertThat(j.code()).isZero();
        assertThat(j.out().strip()).startsWith("{").endsWith("}");
        assertThat(j.err()).contains("lr auto: lr-find chose " + chosen);
        Run bad = run("train", "--data", "spiral", "--model", "mlp:16", "--optimizer", "sgd", "--lr", "fast");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--lr must be a number or auto");
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        Run a = run("lr-find", "--data", "spiral", "--model", "mlp:8", "--optimizer", "sgd", "--suggest", "best");
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).contains("valley, steepest, minimum").hasLineCount(1);
        Run b = run("lr-find", "--data", "spiral", "--model", "mlp:8", "--optimizer", "sgd", "--start", "1", "--end", "0.1");
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).contains("end");
        Run c = run("lr-find", "--data", "nope", "--model", "mlp:8", "--optimizer", "sgd");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("--data");
        Run d = run("lr-find", "--data", "spiral", "--model", "mlp:8", "--optimizer", "sgd", "--plot", "x.png");
        assertThat(d.code()).isEqualTo(2);
        assertThat(d.err()).contains(".svg");
    }
}
