package dev.descent.cli.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.cli.Main;
import dev.descent.cli.report.Fmt;
import dev.descent.cli.report.LegendMarks;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The {@code --quick} tour end to end, run once: the page parses as XML, has every section
 * with an SVG in each, {@code results.json} is strict JSON and agrees with what the page draws,
 * and a real browser (headless chromium) renders it without console errors.
 */
class TourEndToEndTest {

    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String SVG = "http://www.w3.org/2000/svg";

    @TempDir
    static Path dir;

    static String stdout;
    static String html;
    static Document doc;
    static Map<String, Object> results;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void runQuickTour() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("tour", "--quick", "--out", dir.resolve("report").toString(), "--seed", "3");
        assertThat(code).as("stderr: %s", err).isZero();
        stdout = out.toString();
        html = Files.readString(dir.resolve("report/index.html"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        // strict JSON: no NaN tokens (Jackson's default), nothing after the object
        results = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readValue(Files.readString(dir.resolve("report/results.json")), Map.class);
    }

    @Test
    void printsWhereTheReportIs() {
        int n = Tour.experiments().size();
        assertThat(stdout).contains(n + " of " + n + " sections").contains(dir.resolve("report/index.html").toAbsolutePath().toString());
    }

    @Test
    void sevenSectionsEachWithAnSvgAndATakeaway() {
        List<Element> sections = sections();
        assertThat(sections).hasSize(Tour.experiments().size());
        for (Element s : sections) {
            assertThat(s.getElementsByTagNameNS(SVG, "svg").getLength()).as("svg in section %s", s.getAttribute("id")).isPositive();
            assertThat(text(s)).contains("Takeaway.").contains("Reproduce:").doesNotContain("Not run.");
        }
        assertThat(html).doesNotContain("<script", "<link", "<img", "src=", "url(http");
    }

    @Test
    @SuppressWarnings("unchecked")
    void resultsJsonAgreesWithWhatIsDrawn() {
        List<Object> js = (List<Object>) results.get("sections");
        assertThat(js).hasSize(Tour.experiments().size());
        Map<String, Element> svgs = new HashMap<>();
        NodeList all = doc.getElementsByTagNameNS(SVG, "svg");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            svgs.put(e.getAttribute("id"), e);
        }
        List<Element> sections = sections();
        int charts = 0;
        for (int k = 0; k < js.size(); k++) {
            Map<String, Object> s = (Map<String, Object>) js.get(k);
            Element section = sections.get(k);
            assertThat(s.get("ran")).isEqualTo(true);
            assertThat(section.getAttribute("id")).isEqualTo(s.get("id"));
            // the takeaway on the page is the one in the JSON
            assertThat(text(section)).contains((String) s.get("takeaway"));
            assertThat(((String) s.get("takeaway")).split("\\. ").length).as("two sentences or more").isGreaterThanOrEqualTo(2);
            for (Object c : (List<Object>) s.get("charts")) {
                Map<String, Object> chart = (Map<String, Object>) c;
                Element svg = svgs.get((String) chart.get("id"));
                assertThat(svg).as("svg for chart %s", chart.get("id")).isNotNull();
                assertThat(svg.getAttribute("viewBox")).isNotEmpty();
                Set<String> drawn = texts(svg);
                // a long title may wrap onto two lines: compare with the lines joined
                assertThat(String.join(" ", drawnInOrder(svg)).replaceAll("\\s+", " ")).contains((String) chart.get("title"));
                for (Object o : (List<Object>) chart.get("series")) {
                    Map<String, Object> series = (Map<String, Object>) o;
                    if (!"contour".equals(series.get("style")) && series.containsKey("x")) {
                        assertThat(drawn).as("legend of %s", chart.get("id")).contains((String) series.get("name"));
                        List<Object> x = (List<Object>) series.get("x");
                        assertThat(x).hasSameSizeAs((List<Object>) series.get("y"));
                    }
                }
                for (Object o : (List<Object>) chart.getOrDefault("markers", List.of())) {
                    assertThat(drawn).contains((String) ((Map<String, Object>) o).get("label"));
                }
                charts++;
            }
            if (s.containsKey("table")) {
                Map<String, Object> table = (Map<String, Object>) s.get("table");
                String page = text(section);
                for (Object r : (List<Object>) table.get("rows")) {
                    for (Object v : (List<Object>) ((Map<String, Object>) r).get("values")) {
                        String cell = v == null ? "" : Fmt.num((Double) v);
                        assertThat(page).contains(cell);
                    }
                }
            }
        }
        assertThat(charts).isEqualTo(doc.getElementsByTagNameNS(SVG, "svg").getLength());
    }

    @Test
    void everySeriesNamedInALegendHasAVisibleMarkInItsChart() {
        NodeList all = doc.getElementsByTagNameNS(SVG, "svg");
        int legends = 0;
        for (int i = 0; i < all.getLength(); i++) {
            Element svg = (Element) all.item(i);
            LegendMarks.Reading r = LegendMarks.read(svg);
            assertThat(r.missing()).as("legend entries of chart %s drawn nowhere in it", svg.getAttribute("id")).isEmpty();
            legends += r.legend().size();
        }
        assertThat(legends).as("legend entries read").isGreaterThan(30);
    }

    @Test
    void reproduceCommandsBreakOnlyBetweenArguments() {
        NodeList codes = doc.getElementsByTagNameNS(XHTML, "code");
        int commands = 0;
        for (int i = 0; i < codes.getLength(); i++) {
            Element code = (Element) codes.item(i);
            NodeList args = code.getElementsByTagNameNS(XHTML, "span");
            if (args.getLength() == 0) {
                continue;
            }
            commands++;
            for (int k = 0; k < args.getLength(); k++) {
                String arg = args.item(k).getTextContent();
                assertThat(((Element) args.item(k)).getAttribute("class")).isEqualTo("arg");
                // a flag and its value stay together: "--steps 60", never "--steps" alone before a value
                if (arg.startsWith("--") && k + 1 < args.getLength() && !args.item(k + 1).getTextContent().startsWith("-")
                        && !args.item(k + 1).getTextContent().equals("#")) {
                    assertThat(arg).as("flag %s split from its value", arg).contains(" ");
                }
            }
        }
        assertThat(commands).isEqualTo(Tour.experiments().size());
        assertThat(html).contains(".repro .arg{white-space:nowrap}");
    }

    @Test
    void aRealBrowserRendersItWithoutConsoleErrors(@TempDir Path scratch) throws Exception {
        assumeTrue(Chromium.available(), "needs Debian's chromium at /usr/bin/chromium (.ci/run installs it)");
        // first prove that the check catches a console error: a page that logs one must be caught
        Path bad = scratch.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><body><p>x</p><script>console.error('planted'); notDefined();</script></body></html>");
        Chromium.Load b = Chromium.screenshot(bad, scratch.resolve("bad.png"), 400, 300, scratch);
        assertThat(b.console()).as("chromium log: %s", b.stderr()).anyMatch(l -> l.contains("planted"));
        assertThat(b.console()).anyMatch(l -> l.contains("notDefined"));

        Path png = scratch.resolve("report.png");
        Chromium.Load r = Chromium.screenshot(dir.resolve("report/index.html"), png, 1280, 2000, scratch);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.console()).as("console messages of the report").isEmpty();
        assertNotBlank(png);
        // a phone-sized window renders too
        Path phone = scratch.resolve("phone.png");
        Chromium.Load p = Chromium.screenshot(dir.resolve("report/index.html"), phone, 390, 844, scratch);
        assertThat(p.console()).isEmpty();
        assertNotBlank(phone);
    }

    /** Not blank: a fair share of pixels differ from the background, in many colours. */
    static void assertNotBlank(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                counts.merge(img.getRGB(x, y), 1, Integer::sum);
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int background = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertThat(1.0 - (double) background / total).as("share of non-background pixels").isGreaterThan(0.03);
        assertThat(counts.size()).as("distinct colours").isGreaterThan(50);
    }

    static List<Element> sections() {
        List<Element> out = new ArrayList<>();
        NodeList ns = doc.getElementsByTagNameNS(XHTML, "section");
        for (int i = 0; i < ns.getLength(); i++) {
            out.add((Element) ns.item(i));
        }
        return out;
    }

    static Set<String> texts(Element svg) {
        Set<String> t = new HashSet<>();
        NodeList ns = svg.getElementsByTagNameNS(SVG, "text");
        for (int i = 0; i < ns.getLength(); i++) {
            t.add(ns.item(i).getTextContent());
        }
        return t;
    }

    static List<String> drawnInOrder(Element svg) {
        List<String> t = new ArrayList<>();
        NodeList ns = svg.getElementsByTagNameNS(SVG, "text");
        for (int i = 0; i < ns.getLength(); i++) {
            t.add(ns.item(i).getTextContent());
        }
        return t;
    }

    static String text(Element e) {
        return e.getTextContent().replaceAll("\\s+", " ");
    }
}
