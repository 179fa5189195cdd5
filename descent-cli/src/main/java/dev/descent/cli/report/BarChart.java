package dev.descent.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A grouped bar chart: one group per category, one bar per series in each group.
 *
 * @param id unique within the report; letters, digits and '-'
 * @param title the title drawn above the chart
 * @param yLabel the value axis label
 * @param yLog whether the value axis is logarithmic; bars then start at 1 (for ratios ≥ 1) and
 *     non-positive values are not drawn
 * @param categories the groups along the x axis
 * @param seriesNames the bars within a group (the legend)
 * @param values values[s][c] for series s in category c; NaN for "no value"
 * @param small whether this is a small second panel
 */
public record BarChart(
        String id,
        String title,
        String yLabel,
        boolean yLog,
        List<String> categories,
        List<String> seriesNames,
        double[][] values,
        boolean small)
        implements Chart {

    public BarChart {
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("chart id must be letters, digits and '-', starting with a letter: " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(yLabel, "yLabel");
        categories = List.copyOf(categories);
        seriesNames = List.copyOf(seriesNames);
        if (values.length != seriesNames.size()) {
            throw new IllegalArgumentException("values needs one row per series: " + seriesNames.size() + " rows, got " + values.length);
        }
        double[][] copy = new double[values.length][];
        for (int s = 0; s < values.length; s++) {
            if (values[s].length != categories.size()) {
                throw new IllegalArgumentException("values row " + s + " needs " + categories.size() + " entries, got " + values[s].length);
            }
            copy[s] = values[s].clone();
        }
        values = copy;
    }

    /** The value of series s in category c. */
    public double value(int s, int c) {
        return values[s][c];
    }

    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int s = 0; s < values.length; s++) {
            copy[s] = values[s].clone();
        }
        return copy;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", "bar");
        m.put("title", title);
        m.put("yLabel", yLabel);
        m.put("yLog", yLog);
        m.put("categories", categories);
        List<Object> s = new ArrayList<>();
        for (int i = 0; i < seriesNames.size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", seriesNames.get(i));
            e.put("values", values[i]);
            s.add(e);
        }
        m.put("series", s);
        return m;
    }
}
