package dev.descent.cli.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Reads a chart's SVG (as {@link SvgRenderer} writes it with JFreeSVG) the way a reader looks at
 * it: which entries the legend names, and whether each has a visible mark inside the plot area in
 * its own colour and kind (a line with the same dash pattern for a line swatch, a filled shape or
 * bar for a filled swatch). A series whose every point is outside the axis ranges, or missing, has
 * a legend entry and nothing drawn: that is what {@link Reading#missing()} lists.
 */
public final class LegendMarks {

    private LegendMarks() {}

    /** One legend entry: its text and the swatch drawn before it. */
    record Entry(String label, String colour, boolean line, String dash, boolean filled) {}

    /** One coloured drawing inside the plot area. */
    record Mark(String colour, boolean stroke, String dash, boolean visible) {}

    private static final Pattern COLOUR = Pattern.compile("(stroke|fill):\\s*(rgb\\([0-9,]+\\))");
    private static final Pattern DASH = Pattern.compile("stroke-dasharray:\\s*([0-9.,]+)");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?");

    /**
     * What a chart shows.
     *
     * @param legend the labels of the legend, in order
     * @param missing the legend labels with no visible mark of their colour and kind in the plot
     */
    public record Reading(List<String> legend, List<String> missing) {}

    /** Reads the SVG element {@code svg} (its source text). */
    public static Reading read(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element root = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg))).getDocumentElement();
        return read(root);
    }

    /** Reads a parsed {@code <svg>} element. */
    public static Reading read(Element svg) {
        List<Element> all = new ArrayList<>();
        flatten(svg, all);
        // the plot area: the outline rectangle, drawn last in grey (153,153,153)
        double[] plot = null;
        for (Element e : all) {
            if (e.getLocalName().equals("rect") && e.getAttribute("style").contains("stroke:rgb(153,153,153)")) {
                plot = new double[] {num(e, "x"), num(e, "y"), num(e, "x") + num(e, "width"), num(e, "y") + num(e, "height")};
            }
        }
        if (plot == null) {
            throw new IllegalArgumentException("no plot outline in this SVG");
        }
        // clip paths: id -> bounds; the data clip is the one with the plot's bounds
        Map<String, double[]> clips = new HashMap<>();
        for (Element e : all) {
            if (e.getLocalName().equals("clipPath")) {
                Element p = firstChild(e, "path");
                if (p != null) {
                    clips.put(e.getAttribute("id"), bounds(points(p.getAttribute("d"))));
                }
            }
        }
        String dataClip = null;
        for (Map.Entry<String, double[]> c : clips.entrySet()) {
            double[] b = c.getValue();
            if (Math.abs(b[0] - plot[0]) < 1.5 && Math.abs(b[1] - plot[1]) < 1.5 && Math.abs(b[2] - plot[2]) < 1.5
                    && Math.abs(b[3] - plot[3]) < 1.5) {
                dataClip = c.getKey();
            }
        }
        List<Entry> legend = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        List<Element> swatches = new ArrayList<>();
        for (Element e : all) {
            String name = e.getLocalName();
            String clip = clipId(e);
            boolean inData = dataClip != null && dataClip.equals(clip);
            if (name.equals("g") && COLOUR.matcher(e.getAttribute("style")).find() && firstChild(e, "path") != null) {
                if (inData) {
                    Element p = firstChild(e, "path");
                    marks.add(mark(e.getAttribute("style"), visible(points(p.getAttribute("d")), plot, isLine(p))));
                } else {
                    swatches.add(e);
                }
            } else if (name.equals("rect") && inData && e.getAttribute("style").startsWith("fill:rgb")) {
                double[] r = {num(e, "x"), num(e, "y"), num(e, "x") + num(e, "width"), num(e, "y") + num(e, "height")};
                boolean vis = num(e, "width") > 0.5 && num(e, "height") > 0.5 && r[0] < plot[2] && r[2] > plot[0] && r[1] < plot[3]
                        && r[3] > plot[1];
                marks.add(mark(e.getAttribute("style"), vis));
            } else if (name.equals("text")) {
                if (!swatches.isEmpty()) {
                    legend.add(entry(e.getTextContent(), swatches));
                }
                swatches.clear();
            } else if (!name.equals("g") && !name.equals("path")) {
                swatches.clear(); // a swatch is followed directly by its label
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Entry en : legend) {
            labels.add(en.label());
            boolean found = false;
            for (Mark m : marks) {
                if (m.visible() && m.colour().equals(en.colour())
                        && (en.line() ? m.stroke() && m.dash().equals(en.dash()) : !m.stroke())) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                missing.add(en.label());
            }
        }
        return new Reading(labels, missing);
    }

    private static Entry entry(String label, List<Element> swatches) {
        String colour = null;
        boolean line = false;
        boolean filled = false;
        String dash = "";
        for (Element g : swatches) {
            Mark m = mark(g.getAttribute("style"), true);
            colour = colour == null ? m.colour() : colour;
            Element p = firstChild(g, "path");
            if (m.stroke() && isLine(p)) {
                line = true;
                dash = m.dash();
                colour = m.colour();
            } else if (!m.stroke()) {
                filled = true;
            }
        }
        return new Entry(label, colour, line, dash, filled);
    }

    private static Mark mark(String style, boolean visible) {
        Matcher c = COLOUR.matcher(style);
        String kind = null;
        String colour = null;
        while (c.find()) {
            if (c.group(1).equals("fill") && style.contains("stroke:none")) {
                kind = "fill";
                colour = c.group(2);
                break;
            }
            if (kind == null) {
                kind = c.group(1);
                colour = c.group(2);
            }
        }
        Matcher d = DASH.matcher(style);
        return new Mark(colour, "stroke".equals(kind), d.find() ? d.group(1) : "", visible);
    }

    /** A straight or polyline path (only M and L commands), as opposed to a shape with curves. */
    private static boolean isLine(Element p) {
        String d = p.getAttribute("d");
        return !d.contains("C") && !d.contains("Z");
    }

    /** Whether any point of the path, or (for lines) any point along a segment, lies inside the plot. */
    private static boolean visible(List<double[]> pts, double[] plot, boolean line) {
        for (int i = 0; i < pts.size(); i++) {
            double[] p = pts.get(i);
            if (inside(p[0], p[1], plot)) {
                return true;
            }
            if (line && i > 0 && p[2] == 0) { // a segment from the previous point (not a new 'M')
                double[] q = pts.get(i - 1);
                for (int k = 1; k < 50; k++) {
                    double t = k / 50.0;
                    if (inside(q[0] + t * (p[0] - q[0]), q[1] + t * (p[1] - q[1]), plot)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean inside(double x, double y, double[] r) {
        return x > r[0] + 0.5 && x < r[2] - 0.5 && y > r[1] + 0.5 && y < r[3] - 0.5;
    }

    /** The points of a path's d attribute: {x, y, 1 when it starts a new piece else 0}. */
    private static List<double[]> points(String d) {
        List<double[]> out = new ArrayList<>();
        Matcher cmd = Pattern.compile("([MLCZ])([^MLCZ]*)").matcher(d);
        while (cmd.find()) {
            Matcher n = NUMBER.matcher(cmd.group(2));
            List<Double> v = new ArrayList<>();
            while (n.find()) {
                v.add(Double.parseDouble(n.group()));
            }
            for (int i = 0; i + 1 < v.size(); i += 2) {
                out.add(new double[] {v.get(i), v.get(i + 1), cmd.group(1).equals("M") && i == 0 ? 1 : 0});
            }
        }
        return out;
    }

    private static double[] bounds(List<double[]> pts) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] p : pts) {
            b[0] = Math.min(b[0], p[0]);
            b[1] = Math.min(b[1], p[1]);
            b[2] = Math.max(b[2], p[0]);
            b[3] = Math.max(b[3], p[1]);
        }
        return b;
    }

    private static String clipId(Element e) {
        Matcher m = Pattern.compile("url\\(#([^)]+)\\)").matcher(e.getAttribute("clip-path"));
        return m.find() ? m.group(1) : null;
    }

    private static double num(Element e, String attr) {
        return Double.parseDouble(e.getAttribute(attr));
    }

    private static Element firstChild(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getLocalName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static void flatten(Element e, List<Element> out) {
        out.add(e);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                flatten(c, out);
            }
        }
    }
}
