package dev.descent.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tour's report: one self-contained {@code index.html} (inline SVG charts and CSS, no
 * scripts, no network) and a {@code results.json} with every number drawn. The HTML is also
 * well-formed XML (XHTML-compatible), so tests can check it with the JDK's XML parser.
 *
 * @param title the page title
 * @param meta how the report was produced (command, seed, data, versions, date, wall time),
 *     shown in the header and written to {@code results.json}
 * @param sections the experiments, in order
 */
public record Report(String title, Map<String, Object> meta, List<Section> sections) {

    /** The name of the page written by {@link #write}. */
    public static final String HTML = "index.html";
    /** The name of the numbers file written by {@link #write}. */
    public static final String JSON = "results.json";

    /** Copies meta and sections. */
    public Report {
        Objects.requireNonNull(title, "title");
        meta = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meta));
        sections = List.copyOf(sections);
    }

    /**
     * Writes {@code dir/index.html} and {@code dir/results.json} atomically.
     *
     * @param dir the output directory
     * @return the path of index.html
     * @throws IOException when a file cannot be written
     */
    public Path write(Path dir) throws IOException {
        dev.descent.io.OutputFile.writeString(dir.resolve(JSON), json());
        Path html = dir.resolve(HTML);
        dev.descent.io.OutputFile.writeString(html, html());
        return html;
    }

    /**
     * The contents of {@code results.json}.
     *
     * @return one JSON object (title, meta, sections) and a newline
     */
    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("meta", meta);
        m.put("sections", sections.stream().map(Section::toJson).toList());
        return Json.write(m) + "\n";
    }

    /**
     * The contents of {@code index.html}.
     *
     * @return the page: inline CSS and SVG, no scripts, well-formed XML
     */
    public String html() {
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<header>\n")
                .append("<h1>").append(Html.escape(title)).append("</h1>\n");
        h.append("<p class=\"meta\">");
        boolean first = true;
        for (Map.Entry<String, Object> e : meta.entrySet()) {
            if (!first) {
                h.append(" · ");
            }
            first = false;
            h.append(Html.escape(e.getKey())).append(": <span>").append(Html.escape(String.valueOf(e.getValue()))).append("</span>");
        }
        h.append("</p>\n<nav><ol>\n");
        for (Section s : sections) {
            h.append("<li><a href=\"#").append(s.id()).append("\">").append(Html.escape(s.title())).append("</a>")
                    .append(s.ran() ? "" : " (not run)").append("</li>\n");
        }
        h.append("</ol></nav>\n</header>\n<main>\n");
        boolean glossed = false;
        for (Section s : sections) {
            section(h, s, !glossed && s.ran());
            glossed |= s.ran();
        }
        h.append("</main>\n<footer><p>Every chart above comes from the run that wrote this page; ")
                .append("the numbers are in <a href=\"").append(JSON).append("\">").append(JSON).append("</a>.</p></footer>\n")
                .append("</body>\n</html>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, Section s, boolean glossSeed) {
        h.append("<section class=\"experiment\" id=\"").append(s.id()).append("\">\n")
                .append("<h2>").append(s.number()).append(". ").append(Html.escape(s.title())).append("</h2>\n")
                .append("<p class=\"teaches\"><strong>Background</strong> (the lecture's claim; this run's own result is the takeaway below): ")
                .append(Html.escape(s.teaches())).append("</p>\n");
        if (!s.ran()) {
            h.append("<p class=\"notrun\"><strong>Not run.</strong> ").append(Html.escape(s.notRun())).append("</p>\n");
        } else {
            h.append("<div class=\"figs\">\n");
            for (Chart c : s.charts()) {
                h.append("<figure class=\"chart").append(c.small() ? " small" : "").append("\">")
                        .append(SvgRenderer.render(c)).append("</figure>\n");
            }
            h.append("</div>\n");
            if (s.table() != null) {
                table(h, s.table());
            }
            if (!s.reading().isEmpty()) {
                h.append("<p class=\"reading\"><strong>Reading the charts.</strong> ").append(Html.escape(s.reading())).append("</p>\n");
            }
            h.append("<p class=\"takeaway\"><strong>Takeaway.</strong> ").append(Html.escape(s.takeaway())).append("</p>\n");
        }
        h.append("<p class=\"repro\">Reproduce: <code>").append(command(s.command())).append("</code> (section seed ")
                .append(s.seed());
        if (glossSeed) {
            h.append(", derived from the command's --seed and the section number, so that each section has its own random stream");
        }
        if (s.ran()) {
            h.append("; ").append(Html.escape(Fmt.seconds(s.seconds())));
        }
        h.append(")</p>\n</section>\n");
    }

    /**
     * A command line as HTML in which a line may break only between arguments: each argument, and
     * each flag with the value that follows it, is a span that never wraps, so a copied command
     * never holds a break inside a flag.
     */
    static String command(String command) {
        String[] words = command.trim().split(" +");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.startsWith("-") && i + 1 < words.length && !words[i + 1].startsWith("-") && !words[i + 1].equals("#")) {
                w = w + " " + words[++i];
            }
            b.append(b.isEmpty() ? "" : " ").append("<span class=\"arg\">").append(Html.escape(w)).append("</span>");
        }
        return b.toString();
    }

    private static void table(StringBuilder h, Table t) {
        h.append("<div class=\"tablewrap\"><table>\n<caption>").append(Html.escape(t.caption())).append("</caption>\n<thead><tr><th>")
                .append(Html.escape(t.corner())).append("</th>");
        for (String c : t.columns()) {
            h.append("<th>").append(Html.escape(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        int[] best = new int[t.columns().size()];
        for (int c = 0; c < best.length; c++) {
            best[c] = t.bestRow(c);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            h.append("<tr><th>").append(Html.escape(t.rows().get(r))).append("</th>");
            for (int c = 0; c < best.length; c++) {
                String v = Html.escape(Fmt.num(t.value(r, c)));
                h.append(best[c] == r ? "<td class=\"best\">" + v + "</td>" : "<td>" + v + "</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n");
    }

    private static final String CSS = """
            :root{color-scheme:light}
            body{margin:0 auto;max-width:1180px;padding:0 14px 40px;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d1d1f;background:#fafafa}
            header{padding:18px 0 6px;border-bottom:1px solid #ddd}
            h1{font-size:1.7em;margin:0 0 6px}
            h2{font-size:1.3em;margin:0 0 4px}
            .meta{font-size:.85em;color:#555;margin:4px 0}
            .meta span{color:#222}
            nav ol{columns:2 220px;margin:8px 0;padding-left:1.4em}
            section.experiment{background:#fff;border:1px solid #e2e2e2;border-radius:8px;padding:14px 16px;margin:18px 0}
            .teaches{color:#444;margin:0 0 8px}
            .figs{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}
            figure.chart{flex:1 1 440px;min-width:0;max-width:760px;margin:0}
            figure.chart.small{flex:1 1 280px;max-width:560px}
            figure.chart svg{display:block;width:100%;height:auto}
            .takeaway{background:#f0f6ff;border-left:4px solid #0072B2;padding:8px 10px;margin:10px 0 6px}
            .notrun{background:#fff4e5;border-left:4px solid #E69F00;padding:8px 10px}
            .repro{font-size:.85em;color:#555;margin:4px 0 0}
            .repro .arg{white-space:nowrap}
            .reading{color:#333;font-size:.95em;margin:8px 0 4px}
            code{font:.92em/1.4 ui-monospace,"DejaVu Sans Mono",monospace;background:#f2f2f2;padding:1px 4px;border-radius:3px}
            .tablewrap{overflow-x:auto}
            table{border-collapse:collapse;margin:10px 0;font-size:.9em}
            caption{text-align:left;color:#444;padding-bottom:4px}
            th,td{border:1px solid #ddd;padding:3px 8px;text-align:right}
            thead th,tbody th{text-align:left;background:#f6f6f6}
            td.best{font-weight:bold;background:#e8f5e9}
            footer{font-size:.85em;color:#666}
            @media (max-width:600px){body{font-size:15px;padding:0 8px 30px}section.experiment{padding:10px}}
            """;
}
