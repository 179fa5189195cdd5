package dev.descent.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a {@link Chart} with JFreeChart into an SVG element with a {@code viewBox} and no fixed
 * size, so the page can scale it to its width (phone or desktop). Element ids inside the SVG are
 * prefixed with the chart id, so several charts can share one HTML page.
 */
public final class SvgRenderer {

    /** The drawing width of a main chart, in SVG user units. */
    public static final int WIDTH = 560;
    /** The drawing height of a main chart, in SVG user units. */
    public static final int HEIGHT = 370;
    /** The drawing width of a small second panel. */
    public static final int SMALL_WIDTH = 400;
    /** The drawing height of a small second panel. */
    public static final int SMALL_HEIGHT = 300;

    /** A palette that stays distinguishable for colour-blind readers (Okabe–Ito, then more). */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x882255),
        new Color(0x999933), new Color(0x44AA99)
    };

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color CONTOUR = new Color(0xB8B8B8);

    static {
        // draw rotated text (the y-axis label) as SVG text, not as glyph outlines
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private SvgRenderer() {}

    /**
     * Draws a chart.
     *
     * @param chart the chart
     * @return its {@code <svg>} element, with a viewBox and ids prefixed by the chart's id
     */
    public static String render(Chart chart) {
        JFreeChart jf = switch (chart) {
            case XYChart xy -> xy(xy);
            case BarChart bar -> bar(bar);
        };
        style(jf, chart.title());
        int w = chart.small() ? SMALL_WIDTH : WIDTH;
        int h = chart.small() ? SMALL_HEIGHT : HEIGHT;
        SVGGraphics2D g = new SVGGraphics2D(w, h);
        g.setDefsKeyPrefix(chart.id() + "-");
        g.setGeomDoubleConverter(SvgRenderer::oneDecimal); // 0.1 user units is below a pixel: keeps the page small
        jf.draw(g, new Rectangle(0, 0, w, h));
        return g.getSVGElement(chart.id(), false, new ViewBox(0, 0, w, h), null, null);
    }

    /** The colour of the ▲ drawn where a line leaves the top of a chart ({@link XYChart#offTopLabel()}). */
    private static final Color OFF_TOP_COLOUR = new Color(0x222222);

    private static JFreeChart xy(XYChart c) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        int colour = 0;
        List<Series> all = c.series();
        for (int i = 0; i < all.size(); i++) {
            Series s = all.get(i);
            XYSeries js = new XYSeries(s.name(), false, true);
            for (int k = 0; k < s.size(); k++) {
                double x = s.xAt(k);
                double y = s.yAt(k);
                if ((c.xLog() && !(x > 0)) || (c.yLog() && !(y > 0))) {
                    x = Double.NaN;
                }
                js.add(x, Double.isFinite(x) && Double.isFinite(y) ? y : Double.NaN, false);
            }
            data.addSeries(js);
            if (s.style() == Series.Style.CONTOUR) {
                r.setSeriesPaint(i, CONTOUR);
                r.setSeriesStroke(i, new BasicStroke(0.8f));
                r.setSeriesVisibleInLegend(i, false);
                continue;
            }
            r.setSeriesPaint(i, PALETTE[(s.colour() >= 0 ? s.colour() : colour++) % PALETTE.length]);
            float width = switch (s.style()) {
                case LINE -> 2f;
                case LINE_MARKERS -> 1.8f;
                default -> 1.5f;
            };
            r.setSeriesStroke(i, stroke(width, s.dashDrawn()));
            r.setSeriesLinesVisible(i, s.style() != Series.Style.POINTS);
            Series.Mark mark = s.markDrawn();
            if (mark != Series.Mark.NONE) {
                r.setSeriesShapesVisible(i, true);
                r.setSeriesShape(i, shape(mark, s.style() == Series.Style.POINTS ? 7 : s.mark() == null ? 4 : 6.5));
            }
        }
        double[][] off = offTop(c);
        if (off[0].length > 0) {
            XYSeries js = new XYSeries(c.offTopLabel(), false, true);
            for (int k = 0; k < off[0].length; k++) {
                js.add(off[0][k], off[1][k], false);
            }
            int i = data.getSeriesCount();
            data.addSeries(js);
            r.setSeriesPaint(i, OFF_TOP_COLOUR);
            r.setSeriesLinesVisible(i, false);
            r.setSeriesShapesVisible(i, true);
            r.setSeriesShape(i, shape(Series.Mark.TRIANGLE, 10));
        }
        XYPlot plot = new XYPlot(data, axis(c.xLabel(), c.xLog(), c.xRange()), axis(c.yLabel(), c.yLog(), c.yRange()), r);
        for (XYChart.Marker m : c.markers()) {
            // stagger close labels
            plot.addDomainMarker(dashedMarker(m.x(), m.label(), TextAnchor.TOP_LEFT,
                    new RectangleInsets(3 + 16 * (c.markers().indexOf(m) % 4), 3, 3, 3)));
        }
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0x999999));
        return new JFreeChart(null, TITLE, plot, c.series().stream().anyMatch(s -> s.style() != Series.Style.CONTOUR) || off[0].length > 0);
    }

    /** A stroke of {@code width} with pattern {@code dash}. */
    /**
     * A dashed dark-grey line at {@code value} with a label in the tick font on a translucent white
     * box, its box at the top right of the line: the markers of XY charts and the floor of bar charts.
     */
    private static ValueMarker dashedMarker(double value, String label, TextAnchor textAnchor, RectangleInsets offset) {
        ValueMarker m = new ValueMarker(value, new Color(0x444444),
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
        m.setLabel(label);
        m.setLabelFont(TICK);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(textAnchor);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelOffset(offset);
        return m;
    }

    private static BasicStroke stroke(float width, Series.Dash dash) {
        return switch (dash) {
            case SOLID -> new BasicStroke(width);
            case DASHED -> new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
            case DOTTED -> new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {0.5f, 3.5f}, 0f);
            case DASH_DOT -> new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {7f, 3f, 0.5f, 3f}, 0f);
        };
    }

    /** A marker shape of about {@code size} user units, centred on the point. */
    static java.awt.Shape shape(Series.Mark mark, double size) {
        double h = size / 2;
        return switch (mark) {
            case NONE, CIRCLE -> new Ellipse2D.Double(-h, -h, size, size);
            case SQUARE -> new Rectangle2D.Double(-h * 0.9, -h * 0.9, size * 0.9, size * 0.9);
            case TRIANGLE -> polygon(0, -h * 1.15, h * 1.1, h * 0.85, -h * 1.1, h * 0.85);
            case DIAMOND -> polygon(0, -h * 1.2, h, 0, 0, h * 1.2, -h, 0);
        };
    }

    private static java.awt.geom.Path2D polygon(double... xy) {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    /**
     * Where lines leave the top of a chart whose y range is fixed and that asks for the marks
     * ({@link XYChart#offTopLabel()}): for each series (not contours),
     * the x at which a segment from a point inside the range crosses the top (interpolated on the
     * axes' scales; +∞ counts as above), and each marker-only point above the top. The markers sit
     * just inside the top edge. Empty when the chart has no fixed y range or no such label.
     */
    static double[][] offTop(XYChart c) {
        if (c.yRange() == null || c.offTopLabel() == null) {
            return new double[2][0];
        }
        double lo = c.yRange()[0];
        double top = c.yRange()[1];
        java.util.function.DoubleUnaryOperator ty = c.yLog() ? Math::log10 : v -> v;
        java.util.function.DoubleUnaryOperator tx = c.xLog() ? Math::log10 : v -> v;
        java.util.function.DoubleUnaryOperator ux = c.xLog() ? v -> Math.pow(10, v) : v -> v;
        double markY = c.yLog() ? Math.pow(10, ty.applyAsDouble(top) - 0.03 * (ty.applyAsDouble(top) - ty.applyAsDouble(Math.max(lo, Double.MIN_NORMAL))))
                : top - 0.03 * (top - lo);
        List<Double> xs = new java.util.ArrayList<>();
        for (Series s : c.series()) {
            if (s.style() == Series.Style.CONTOUR) {
                continue;
            }
            for (int k = 0; k < s.size(); k++) {
                double x = s.xAt(k);
                double y = s.yAt(k);
                boolean above = y > top; // +∞ included, NaN not
                if (!above || !Double.isFinite(x) || (c.xLog() && !(x > 0))) {
                    continue;
                }
                if (s.style() == Series.Style.POINTS) {
                    xs.add(x);
                    continue;
                }
                if (k == 0) {
                    continue;
                }
                double px = s.xAt(k - 1);
                double py = s.yAt(k - 1);
                if (!(py <= top) || !Double.isFinite(px) || (c.yLog() && !(py > 0)) || (c.xLog() && !(px > 0))) {
                    continue; // the previous point is not drawn inside: no crossing drawn here
                }
                double t = Double.isInfinite(y) ? 1
                        : (ty.applyAsDouble(top) - ty.applyAsDouble(py)) / (ty.applyAsDouble(y) - ty.applyAsDouble(py));
                xs.add(ux.applyAsDouble(tx.applyAsDouble(px) + t * (tx.applyAsDouble(x) - tx.applyAsDouble(px))));
            }
        }
        double[][] out = new double[2][xs.size()];
        for (int i = 0; i < xs.size(); i++) {
            out[0][i] = xs.get(i);
            out[1][i] = markY;
        }
        return out;
    }

    private static ValueAxis axis(String label, boolean log, double[] range) {
        ValueAxis a;
        if (log) {
            NiceLogAxis la = new NiceLogAxis(label);
            a = la;
        } else {
            NumberAxis na = new NumberAxis(label);
            na.setAutoRangeIncludesZero(false);
            a = na;
        }
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        if (range != null) {
            a.setRange(range[0], range[1]);
        }
        return a;
    }

    private static JFreeChart bar(BarChart c) {
        // on a log axis with base 1: a band above every finite bar for the +∞ ones (failed runs)
        double maxFinite = 1;
        double minFinite = Double.POSITIVE_INFINITY;
        boolean anyInfinite = false;
        for (int s = 0; s < c.seriesNames().size(); s++) {
            for (int k = 0; k < c.categories().size(); k++) {
                double v = c.value(s, k);
                if (Double.isFinite(v) && (!c.yLog() || v > 0)) {
                    maxFinite = Math.max(maxFinite, v);
                    minFinite = Math.min(minFinite, v);
                }
                anyInfinite |= v == Double.POSITIVE_INFINITY;
            }
        }
        boolean band = anyInfinite && c.infinityLabel() != null;
        double bandLo = c.yLog() ? Math.pow(10, Math.ceil(Math.log10(maxFinite) + 0.5)) : maxFinite * 1.15;
        double bandHi = c.yLog() ? bandLo * 10 : maxFinite * 1.4;
        boolean floor = !Double.isNaN(c.floor());
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int s = 0; s < c.seriesNames().size(); s++) {
            for (int k = 0; k < c.categories().size(); k++) {
                double v = c.value(s, k);
                Double drawn;
                if (v == Double.POSITIVE_INFINITY) {
                    drawn = band ? bandHi : null;
                } else if (floor && (v < c.floor() || v == 0)) {
                    drawn = c.floor();
                } else {
                    drawn = Double.isFinite(v) && (!c.yLog() || v > 0) ? v : null;
                }
                data.addValue(drawn, c.seriesNames().get(s), c.categories().get(k));
            }
        }
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        for (int s = 0; s < c.seriesNames().size(); s++) {
            r.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        ValueAxis value;
        if (c.yLog()) {
            r.setBase(1);
            value = axis(c.yLabel(), true, null);
            if (band || floor) {
                double lo = floor ? c.floor() / 3 : Math.min(minFinite, 1) / 3;
                value.setRange(lo, band ? bandHi : Math.max(maxFinite, 1) * 3);
            }
        } else {
            value = axis(c.yLabel(), false, null);
            if (band) {
                value.setRange(0, bandHi);
            }
        }
        CategoryAxis cat = new CategoryAxis(null);
        cat.setTickLabelFont(TICK);
        cat.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        cat.setMaximumCategoryLabelLines(2);
        cat.setMaximumCategoryLabelWidthRatio(1.2f); // "Rosenbrock" on one line, neighbours apart
        CategoryPlot plot = new CategoryPlot(data, cat, value, r);
        if (band) {
            org.jfree.chart.plot.IntervalMarker m = new org.jfree.chart.plot.IntervalMarker(bandLo, bandHi, new Color(0xFBE3E3));
            m.setLabel(c.infinityLabel());
            m.setLabelFont(TICK);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            m.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
            m.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            plot.addRangeMarker(m, org.jfree.chart.ui.Layer.BACKGROUND);
        }
        if (floor) {
            plot.addRangeMarker(dashedMarker(c.floor(), c.floorLabel(), TextAnchor.BOTTOM_RIGHT, new RectangleInsets(2, 4, 2, 4)),
                    org.jfree.chart.ui.Layer.FOREGROUND);
        }
        plot.setRangeGridlinePaint(GRID);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0x999999));
        return new JFreeChart(null, TITLE, plot, true);
    }

    private static void style(JFreeChart jf, String title) {
        jf.setTitle(new TextTitle(title, TITLE));
        jf.setBackgroundPaint(Color.WHITE);
        jf.setAntiAlias(true);
        jf.setPadding(new RectangleInsets(4, 4, 4, 8));
        LegendTitle legend = jf.getLegend();
        if (legend != null) {
            legend.setItemFont(TICK);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
        }
    }

    /** v rounded to one decimal, without a trailing ".0". */
    static String oneDecimal(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long tenths = Math.round(v * 10);
        long whole = tenths / 10;
        long frac = Math.abs(tenths % 10);
        String sign = tenths < 0 && whole == 0 ? "-" : "";
        return frac == 0 ? Long.toString(whole) : sign + whole + "." + frac;
    }

    /**
     * The bounds of the drawing of a chart (its viewBox), for tests and layout.
     *
     * @param chart the chart
     * @return (0, 0, width, height) in SVG user units
     */
    public static Rectangle2D bounds(Chart chart) {
        return chart.small() ? new Rectangle(0, 0, SMALL_WIDTH, SMALL_HEIGHT) : new Rectangle(0, 0, WIDTH, HEIGHT);
    }
}
