package dev.descent.cli.report;

import java.util.Map;

/**
 * A chart of the report: the data and labels only. {@link SvgRenderer} draws it and
 * {@link #toJson()} writes the very same numbers into {@code results.json}, so what is drawn
 * and what is recorded cannot differ.
 */
public sealed interface Chart permits XYChart, BarChart {

    /** An identifier unique within the report (used for SVG element ids). */
    String id();

    /** The chart's title, drawn above it. */
    String title();

    /** Whether this is a small second panel (drawn narrower). */
    boolean small();

    /** The chart's data as written to {@code results.json}. */
    Map<String, Object> toJson();
}
