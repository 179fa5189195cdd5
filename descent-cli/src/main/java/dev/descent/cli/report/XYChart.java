package dev.descent.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A line chart over numeric axes, either of which may be logarithmic.
 *
 * @param id unique within the report; letters, digits and '-'
 * @param title the title drawn above the chart
 * @param xLabel the x-axis label
 * @param yLabel the y-axis label
 * @param xLog whether the x axis is logarithmic (non-positive x are then not drawn)
 * @param yLog whether the y axis is logarithmic (non-positive y are then not drawn)
 * @param xRange the visible x range {lo, hi}, or {@code null} to fit the data
 * @param yRange the visible y range {lo, hi}, or {@code null} to fit the data; points outside
 *     are clipped (a diverged run leaves the top of the chart)
 * @param series the lines, drawn in order
 * @param markers vertical lines with labels (a suggested learning rate, a decay step)
 * @param small whether this is a small second panel
 * @param offTopLabel when not null (and the y range is fixed), a ▲ marks each place where a line
 *     leaves the top of the chart, and this is its legend entry (e.g. "loss left the chart:
 *     diverged"); null for no such marks
 */
public record XYChart(
        String id,
        String title,
        String xLabel,
        String yLabel,
        boolean xLog,
        boolean yLog,
        double[] xRange,
        double[] yRange,
        List<Series> series,
        List<Marker> markers,
        boolean small,
        String offTopLabel)
        implements Chart {

    /**
     * A vertical line at x with a label.
     *
     * @param label the text drawn at the top of the line
     * @param x where the line is, on the x axis; finite
     */
    public record Marker(String label, double x) {
        /** Checks the label and x. */
        public Marker {
            Objects.requireNonNull(label, "label");
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("marker '" + label + "': x must be finite, got " + x);
            }
        }
    }

    /** Checks the id, labels, ranges and that series names are unique; copies the lists and arrays. */
    public XYChart {
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("chart id must be letters, digits and '-', starting with a letter: " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        checkRange("xRange", xRange);
        checkRange("yRange", yRange);
        series = List.copyOf(series);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Series s : series) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("chart '" + id + "': two series are named '" + s.name() + "'");
            }
        }
        markers = List.copyOf(markers);
        xRange = xRange == null ? null : xRange.clone();
        yRange = yRange == null ? null : yRange.clone();
    }

    private static void checkRange(String name, double[] r) {
        if (r != null && (r.length != 2 || !(r[0] < r[1]))) {
            throw new IllegalArgumentException(name + " must be {lo, hi} with lo < hi");
        }
    }

    /**
     * Starts a chart with linear axes, fitted ranges, no series.
     *
     * @param id unique within the report; letters, digits and '-'
     * @param title the title drawn above the chart
     * @param xLabel the x-axis label
     * @param yLabel the y-axis label
     * @return a builder
     */
    public static Builder builder(String id, String title, String xLabel, String yLabel) {
        return new Builder(id, title, xLabel, yLabel);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = jsonHeader("xy");
        m.put("xLabel", xLabel);
        m.put("yLabel", yLabel);
        m.put("xLog", xLog);
        m.put("yLog", yLog);
        if (xRange != null) {
            m.put("xRange", xRange);
        }
        if (yRange != null) {
            m.put("yRange", yRange);
        }
        List<Object> s = new ArrayList<>();
        for (Series one : series) {
            s.add(one.toJson());
        }
        m.put("series", s);
        List<Object> mk = new ArrayList<>();
        for (Marker one : markers) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("label", one.label());
            e.put("x", one.x());
            mk.add(e);
        }
        m.put("markers", mk);
        if (offTopLabel != null) {
            m.put("offTopLabel", offTopLabel);
        }
        return m;
    }

    /** Collects the optional parts of an {@link XYChart}. */
    public static final class Builder {
        private final String id;
        private final String title;
        private final String xLabel;
        private final String yLabel;
        private boolean xLog;
        private boolean yLog;
        private double[] xRange;
        private double[] yRange;
        private boolean small;
        private String offTopLabel;
        private final List<Series> series = new ArrayList<>();
        private final List<Marker> markers = new ArrayList<>();

        private Builder(String id, String title, String xLabel, String yLabel) {
            this.id = id;
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
        }

        /**
         * A logarithmic x axis.
         *
         * @return this builder
         */
        public Builder logX() {
            xLog = true;
            return this;
        }

        /**
         * A logarithmic y axis.
         *
         * @return this builder
         */
        public Builder logY() {
            yLog = true;
            return this;
        }

        /**
         * Fixes the visible x range.
         *
         * @param lo the left end
         * @param hi the right end, &gt; lo
         * @return this builder
         */
        public Builder xRange(double lo, double hi) {
            xRange = new double[] {lo, hi};
            return this;
        }

        /**
         * Fixes the visible y range (points outside are clipped).
         *
         * @param lo the bottom
         * @param hi the top, &gt; lo
         * @return this builder
         */
        public Builder yRange(double lo, double hi) {
            yRange = new double[] {lo, hi};
            return this;
        }

        /**
         * Draws the chart as a small second panel.
         *
         * @return this builder
         */
        public Builder small() {
            small = true;
            return this;
        }

        /**
         * Marks with a ▲ each place where a line leaves the top of the fixed y range, with
         * {@code legend} as the legend entry of those marks.
         *
         * @param legend the legend entry, e.g. "loss left the chart (diverged)"
         * @return this builder
         */
        public Builder markLeavingTop(String legend) {
            offTopLabel = java.util.Objects.requireNonNull(legend, "legend");
            return this;
        }

        /**
         * Adds a series.
         *
         * @param s the series, drawn after the ones already added
         * @return this builder
         */
        public Builder add(Series s) {
            series.add(s);
            return this;
        }

        /**
         * Adds a solid line.
         *
         * @param name the legend entry
         * @param x the x coordinates
         * @param y the y coordinates, as many as x
         * @return this builder
         */
        public Builder line(String name, double[] x, double[] y) {
            return add(new Series(name, x, y, Series.Style.LINE));
        }

        /**
         * Adds a labelled vertical line.
         *
         * @param label the text at its top
         * @param x where it is on the x axis
         * @return this builder
         */
        public Builder marker(String label, double x) {
            markers.add(new Marker(label, x));
            return this;
        }

        /**
         * Builds the chart.
         *
         * @return the chart, validated
         */
        public XYChart build() {
            return new XYChart(id, title, xLabel, yLabel, xLog, yLog, xRange, yRange, series, markers, small, offTopLabel);
        }
    }
}
