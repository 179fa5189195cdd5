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
 * @param values values[s][c] for series s in category c; NaN for "no value"; +∞ for a run that
 *     failed (drawn, when {@code infinityLabel} is set, as a bar up into a band with that label at
 *     the top of the chart)
 * @param small whether this is a small second panel
 * @param floor on a log axis, the smallest value drawn: smaller values (zero included) are drawn
 *     down to it, and a line there carries {@code floorLabel}; NaN for none
 * @param floorLabel the word at the floor line, e.g. "at or below 1e-12: solved to rounding";
 *     {@code null} when there is no floor
 * @param infinityLabel the label of the band that +∞ bars reach, e.g. "diverged"; {@code null}
 *     to leave +∞ bars out
 */
public record BarChart(
        String id,
        String title,
        String yLabel,
        boolean yLog,
        List<String> categories,
        List<String> seriesNames,
        double[][] values,
        boolean small,
        double floor,
        String floorLabel,
        String infinityLabel)
        implements Chart {

    /** Checks the id, the shape of {@code values} and the floor; copies the arrays. */
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
        if (!Double.isNaN(floor) && !(yLog && floor > 0 && Double.isFinite(floor) && floorLabel != null)) {
            throw new IllegalArgumentException("a floor needs a log axis, a finite value > 0 and a label, got " + floor);
        }
    }

    /**
     * A chart without floor or band: non-finite values are not drawn.
     *
     * @param id unique within the report; letters, digits and '-'
     * @param title the title drawn above the chart
     * @param yLabel the value axis label
     * @param yLog whether the value axis is logarithmic
     * @param categories the groups along the x axis
     * @param seriesNames the bars within a group (the legend)
     * @param values values[s][c] for series s in category c
     * @param small whether this is a small second panel
     */
    public BarChart(String id, String title, String yLabel, boolean yLog, List<String> categories, List<String> seriesNames,
            double[][] values, boolean small) {
        this(id, title, yLabel, yLog, categories, seriesNames, values, small, Double.NaN, null, null);
    }

    /**
     * The value of one bar.
     *
     * @param s the series index
     * @param c the category index
     * @return values[s][c]
     */
    public double value(int s, int c) {
        return values[s][c];
    }

    /**
     * The values, copied.
     *
     * @return values[s][c] for series s in category c
     */
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
        Map<String, Object> m = jsonHeader("bar");
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
        if (!Double.isNaN(floor)) {
            m.put("floor", floor);
            m.put("floorLabel", floorLabel);
        }
        if (infinityLabel != null) {
            m.put("infinityLabel", infinityLabel);
        }
        return m;
    }
}
