package dev.descent.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportTest {

    /** A small report with every kind of chart, drawn from data made up here. */
    static Report sample() {
        double[] epochs = {1, 2, 3, 4, 5};
        XYChart loss = XYChart.builder("c-loss", "Loss <by> epoch & lr", "epoch", "loss")
                .logY()
                .line("lr = 1e-3", epochs, new double[] {2.3, 1.9, 1.6, 1.4, 1.3})
                .line("lr = 10 (diverged)", epochs, new double[] {2.3, 40, Double.NaN, Double.NaN, Double.NaN})
                .marker("step", 3)
                .build();
        double[] xs = new double[41];
        double[] ys = new double[41];
        double[][] f = new double[41][41];
        for (int i = 0; i <= 40; i++) {
            xs[i] = -2 + 4.0 * i / 40;
            ys[i] = -1 + 4.0 * i / 40;
        }
        for (int j = 0; j <= 40; j++) {
            for (int i = 0; i <= 40; i++) {
                double a = 1 - xs[i];
                double b = ys[j] - xs[i] * xs[i];
                f[j][i] = a * a + 100 * b * b;
            }
        }
        double[][] seg = Contours.segments(xs, ys, f, Contours.geometricLevels(f, 10));
        XYChart contour = XYChart.builder("c-contour", "Rosenbrock", "x₁", "x₂")
                .small()
                .xRange(-2, 2)
                .yRange(-1, 3)
                .add(new Series("contours", seg[0], seg[1], Series.Style.CONTOUR))
                .add(new Series("GD", new double[] {-1.5, -1, 0, 1}, new double[] {2, 1, 0.2, 1}, Series.Style.LINE_MARKERS))
                .build();
        BarChart bars = new BarChart("c-bars", "Final loss", "loss / best", true, List.of("rosenbrock", "mlp"),
                List.of("adam", "sgd"), new double[][] {{1, 2.5}, {30, 1}}, false);
        Table table = new Table("Final loss at the default lr", "optimizer", List.of("rosenbrock", "mlp"),
                List.of("adam", "sgd"), new double[][] {{1e-4, 0.31}, {3e-3, Double.NaN}});
        Section one = new Section(1, "lr", "Learning rate", "Too high diverges, too low crawls.",
                List.of(loss, contour), null, "The first sentence. The second one.", "descent tour --quick", 7, 1.5, null, Map.of("best", 1.3));
        Section two = new Section(2, "default", "Adam is a good default", "The table.", List.of(bars), table,
                "Adam won 1 of 2. SGD won the other.", "descent tour", 7, 0.25, null, null);
        Section three = Section.notRun(3, "cost", "Cost against N", "Newton is cubic.", "descent bench scaling", 7,
                "the minimizers are not on this branch");
        return new Report("descent tour", Map.of("seed", 7, "data", "embedded"), List.of(one, two, three));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void htmlIsWellFormedWithOneSvgPerChartAndViewBoxes(@TempDir Path dir) throws Exception {
        Report r = sample();
        Path html = r.write(dir);
        assertThat(html).isEqualTo(dir.resolve("index.html"));
        String text = Files.readString(html);
        Document doc = parse(text);
        NodeList sections = doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "section");
        assertThat(sections.getLength()).isEqualTo(3);
        NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertThat(svgs.getLength()).isEqualTo(3);
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            assertThat(svg.getAttribute("viewBox")).isNotEmpty();
            assertThat(svg.getAttribute("width")).isEmpty();
        }
        assertThat(text).contains("Loss &lt;by&gt; epoch &amp; lr").contains("Not run.").contains("not on this branch");
        // self-contained: nothing is loaded from elsewhere
        assertThat(text).doesNotContain("<script", "<link", "<img", "src=", "@import", "url(http");
        // the legend names are drawn as text
        assertThat(text).contains("lr = 1e-3", "lr = 10 (diverged)", "GD", "adam", "sgd");
        // the table marks the best of each column, a NaN cell prints as NaN
        assertThat(text).contains("<td class=\"best\">1e-4</td>", "<td>NaN</td>");
    }

    @Test
    void jsonHoldsEveryPlottedNumberWithNullForNonFinite(@TempDir Path dir) throws Exception {
        sample().write(dir);
        String json = Files.readString(dir.resolve("results.json"));
        assertThat(json).contains("\"y\":[2.3,40.0,null,null,null]");
        assertThat(json).contains("\"values\":[30.0,1.0]");
        assertThat(json).contains("\"ran\":false").contains("\"notRun\":\"the minimizers are not on this branch\"");
        assertThat(json).contains("\"markers\":[{\"label\":\"step\",\"x\":3.0}]");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("index.html", "results.json");
    }

    @Test
    void svgIdsArePrefixedSoChartsDoNotClash() {
        String a = SvgRenderer.render(sample().sections().get(0).charts().get(0));
        assertThat(a).contains("id='c-loss'");
        assertThat(a).doesNotContain("clip-path=\"url(#_");
    }

    @Test
    void invalidChartsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> new Series("s", new double[2], new double[3], Series.Style.LINE))
                .hasMessageContaining("'s'");
        assertThatThrownBy(() -> XYChart.builder("x", "t", "a", "b").line("s", new double[1], new double[1])
                        .line("s", new double[1], new double[1]).build())
                .hasMessageContaining("two series are named 's'");
        assertThatThrownBy(() -> new Section(1, "a", "t", "w", List.of(), null, "", "c", 1, 0, null, null))
                .hasMessageContaining("needs a chart");
    }
}
