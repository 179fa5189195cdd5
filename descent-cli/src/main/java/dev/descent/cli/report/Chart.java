package dev.descent.cli.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A chart of the report: the data and labels only. {@link SvgRenderer} draws it and
 * {@link #toJson()} writes the very same numbers into {@code results.json}, so what is drawn
 * and what is recorded cannot differ.
 */
public sealed interface Chart permits XYChart, BarChart {

    /**
     * An identifier unique within the report (used for SVG element ids).
     *
     * @return letters, digits and '-', starting with a letter
     */
    String id();

    /**
     * The chart's title, drawn above it.
     *
     * @return the title
     */
    String title();

    /**
     * Whether this is a small second panel (drawn narrower).
     *
     * @return true for a small panel
     */
    boolean small();

    /**
     * The chart's data as written to {@code results.json}.
     *
     * @return an ordered map of plain values for {@link Json#write}
     */
    Map<String, Object> toJson();

    /**
     * The fields every chart's {@link #toJson()} starts with, in this order: {@code id},
     * {@code type} and {@code title}.
     *
     * @param type the chart kind as written in {@code results.json}: {@code xy} or {@code bar}
     * @return a new ordered map the chart adds its own fields to
     */
    default Map<String, Object> jsonHeader(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id());
        m.put("type", type);
        m.put("title", title());
        return m;
    }
}
