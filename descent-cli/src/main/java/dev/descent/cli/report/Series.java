package dev.descent.cli.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One named line of an {@link XYChart}: points (x[i], y[i]) drawn in order. A non-finite
 * coordinate breaks the line there (the next finite point starts a new piece), which is how
 * contour segments and diverged runs are drawn; in {@code results.json} it is written as
 * {@code null}.
 *
 * @param name the legend entry (unique within a chart)
 * @param x the x coordinates
 * @param y the y coordinates, as many as x
 * @param style how the line is drawn
 * @param colour the palette index to draw with, or -1 to take the next one in order (a reference
 *     line can so share the colour of the series it belongs to)
 * @param dash the line pattern, or {@code null} for the style's own (solid; dashed for
 *     {@link Style#DASHED}): where colours alone would be too close to tell apart
 * @param mark the marker shape at each point, or {@code null} for the style's own (a circle for
 *     {@link Style#POINTS} and {@link Style#LINE_MARKERS}, none otherwise)
 */
public record Series(String name, double[] x, double[] y, Style style, int colour, Dash dash, Mark mark) {

    /** How a series is drawn. */
    public enum Style {
        /** A solid line, in the legend. */
        LINE,
        /** A solid line with a small marker at each point, in the legend (trajectories). */
        LINE_MARKERS,
        /** A dashed line, in the legend (reference lines such as O(N³)). */
        DASHED,
        /** Markers only, in the legend (measurements). */
        POINTS,
        /** A thin grey line, not in the legend (contour lines). */
        CONTOUR
    }

    /** A line pattern. */
    public enum Dash {
        /** An unbroken line. */
        SOLID,
        /** Long dashes. */
        DASHED,
        /** Dots. */
        DOTTED,
        /** Alternating dashes and dots. */
        DASH_DOT
    }

    /** A marker shape. */
    public enum Mark {
        /** No marker. */
        NONE,
        /** A circle. */
        CIRCLE,
        /** A square. */
        SQUARE,
        /** An upward triangle. */
        TRIANGLE,
        /** A diamond. */
        DIAMOND
    }

    /** Checks the name, the style and that x and y have the same length; copies the arrays. */
    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(style, "style");
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "series '" + name + "': x has " + x.length + " points but y has " + y.length);
        }
        x = x.clone();
        y = y.clone();
    }

    /**
     * A series in palette colour {@code colour} with its style's dash and mark.
     *
     * @param name the legend entry
     * @param x the x coordinates
     * @param y the y coordinates, as many as x
     * @param style how the line is drawn
     * @param colour the palette index, or -1 for the next one
     */
    public Series(String name, double[] x, double[] y, Style style, int colour) {
        this(name, x, y, style, colour, null, null);
    }

    /**
     * A series in the next colour of the palette.
     *
     * @param name the legend entry
     * @param x the x coordinates
     * @param y the y coordinates, as many as x
     * @param style how the line is drawn
     */
    public Series(String name, double[] x, double[] y, Style style) {
        this(name, x, y, style, -1);
    }

    /**
     * This series drawn in palette colour {@code colour}.
     *
     * @param colour the palette index, or -1 for the next one
     * @return a copy with that colour
     */
    public Series withColour(int colour) {
        return new Series(name, x, y, style, colour, dash, mark);
    }

    /**
     * This series drawn with line pattern {@code d}.
     *
     * @param d the pattern
     * @return a copy with that pattern
     */
    public Series withDash(Dash d) {
        return new Series(name, x, y, style, colour, d, mark);
    }

    /**
     * This series drawn with marker {@code m} at each point.
     *
     * @param m the marker shape
     * @return a copy with that marker
     */
    public Series withMark(Mark m) {
        return new Series(name, x, y, style, colour, dash, m);
    }

    /**
     * The line pattern drawn.
     *
     * @return {@link #dash()}, or the style's own when it is null
     */
    public Dash dashDrawn() {
        return dash != null ? dash : style == Style.DASHED ? Dash.DASHED : Dash.SOLID;
    }

    /**
     * The marker drawn at each point.
     *
     * @return {@link #mark()}, or the style's own when it is null
     */
    public Mark markDrawn() {
        return mark != null ? mark : style == Style.POINTS || style == Style.LINE_MARKERS ? Mark.CIRCLE : Mark.NONE;
    }

    /**
     * A solid line.
     *
     * @param name the legend entry
     * @param x the x coordinates
     * @param y the y coordinates, as many as x
     * @return the series
     */
    public static Series line(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.LINE);
    }

    /**
     * The number of points.
     *
     * @return the length of x and y
     */
    public int size() {
        return x.length;
    }

    /**
     * The x coordinates, copied.
     *
     * @return x
     */
    @Override
    public double[] x() {
        return x.clone();
    }

    /**
     * The y coordinates, copied.
     *
     * @return y
     */
    @Override
    public double[] y() {
        return y.clone();
    }

    double xAt(int i) {
        return x[i];
    }

    double yAt(int i) {
        return y[i];
    }

    /**
     * The series as it appears in {@code results.json}.
     *
     * @return name, style, x and y
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("style", style.name().toLowerCase(java.util.Locale.ROOT));
        m.put("x", x);
        m.put("y", y);
        return m;
    }
}
