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

    /** The drawing size of a main chart, in SVG user units. */
    public static final int WIDTH = 560;
    public static final int HEIGHT = 370;
    /** The drawing size of a small second panel. */
    public static final int SMALL_WIDTH = 400;
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

    /** The SVG element for {@code chart}. */
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
            switch (s.style()) {
                case CONTOUR -> {
                    r.setSeriesPaint(i, CONTOUR);
                    r.setSeriesStroke(i, new BasicStroke(0.8f));
                    r.setSeriesVisibleInLegend(i, false);
                }
                case DASHED -> {
                    r.setSeriesPaint(i, PALETTE[(s.colour() >= 0 ? s.colour() : colour++) % PALETTE.length]);
                    r.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                }
                case POINTS -> {
                    r.setSeriesPaint(i, PALETTE[(s.colour() >= 0 ? s.colour() : colour++) % PALETTE.length]);
                    r.setSeriesLinesVisible(i, false);
                    r.setSeriesShapesVisible(i, true);
                    r.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
                }
                case LINE_MARKERS -> {
                    r.setSeriesPaint(i, PALETTE[(s.colour() >= 0 ? s.colour() : colour++) % PALETTE.length]);
                    r.setSeriesStroke(i, new BasicStroke(1.8f));
                    r.setSeriesShapesVisible(i, true);
                    r.setSeriesShape(i, new Ellipse2D.Double(-2, -2, 4, 4));
                }
                case LINE -> {
                    r.setSeriesPaint(i, PALETTE[(s.colour() >= 0 ? s.colour() : colour++) % PALETTE.length]);
                    r.setSeriesStroke(i, new BasicStroke(2f));
                }
            }
        }
        XYPlot plot = new XYPlot(data, axis(c.xLabel(), c.xLog(), c.xRange()), axis(c.yLabel(), c.yLog(), c.yRange()), r);
        for (XYChart.Marker m : c.markers()) {
            ValueMarker vm = new ValueMarker(m.x(), new Color(0x444444),
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
            vm.setLabel(m.label());
            vm.setLabelFont(TICK);
            vm.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            vm.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            vm.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            vm.setLabelOffset(new RectangleInsets(3 + 16 * (c.markers().indexOf(m) % 4), 3, 3, 3)); // stagger close labels
            plot.addDomainMarker(vm);
        }
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0x999999));
        return new JFreeChart(null, TITLE, plot, c.series().stream().anyMatch(s -> s.style() != Series.Style.CONTOUR));
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
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int s = 0; s < c.seriesNames().size(); s++) {
            for (int k = 0; k < c.categories().size(); k++) {
                double v = c.value(s, k);
                boolean drawable = Double.isFinite(v) && (!c.yLog() || v > 0);
                data.addValue(drawable ? Double.valueOf(v) : null, c.seriesNames().get(s), c.categories().get(k));
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
        } else {
            value = axis(c.yLabel(), false, null);
        }
        CategoryAxis cat = new CategoryAxis(null);
        cat.setTickLabelFont(TICK);
        cat.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        cat.setMaximumCategoryLabelLines(2);
        cat.setMaximumCategoryLabelWidthRatio(1.2f); // "Rosenbrock" on one line, neighbours apart
        CategoryPlot plot = new CategoryPlot(data, cat, value, r);
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

    /** The bounds of the drawing of a chart (its viewBox), for tests and layout. */
    public static Rectangle2D bounds(Chart chart) {
        return chart.small() ? new Rectangle(0, 0, SMALL_WIDTH, SMALL_HEIGHT) : new Rectangle(0, 0, WIDTH, HEIGHT);
    }
}
