package dev.descent.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A numeric table: one row per name, one column per heading, each cell formatted with
 * {@link Fmt#num}. The smallest finite value of each column is marked (the best loss).
 *
 * @param caption the caption above the table
 * @param corner the heading of the row-name column
 * @param columns the column headings
 * @param rows the row names
 * @param values values[r][c]; NaN or ±∞ print as such (a diverged or missing run)
 */
public record Table(String caption, String corner, List<String> columns, List<String> rows, double[][] values) {

    /** Checks the shape of {@code values} against the row and column names; copies them. */
    public Table {
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(corner, "corner");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        if (values.length != rows.size()) {
            throw new IllegalArgumentException("table needs one value row per row name: " + rows.size() + ", got " + values.length);
        }
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != columns.size()) {
                throw new IllegalArgumentException("table row " + r + " needs " + columns.size() + " values, got " + values[r].length);
            }
            copy[r] = values[r].clone();
        }
        values = copy;
    }

    /**
     * One cell.
     *
     * @param r the row index
     * @param c the column index
     * @return the value in row r, column c
     */
    public double value(int r, int c) {
        return values[r][c];
    }

    /**
     * The best row of a column.
     *
     * @param c the column index
     * @return the row holding the smallest finite value of column c, or -1 when none is finite
     */
    public int bestRow(int c) {
        int best = -1;
        for (int r = 0; r < values.length; r++) {
            double v = values[r][c];
            if (Double.isFinite(v) && (best < 0 || v < values[best][c])) {
                best = r;
            }
        }
        return best;
    }

    /**
     * The values, copied.
     *
     * @return values[r][c] for row r, column c
     */
    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            copy[r] = values[r].clone();
        }
        return copy;
    }

    /**
     * The table as written to {@code results.json}.
     *
     * @return caption, corner, columns and rows with their values
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caption", caption);
        m.put("corner", corner);
        m.put("columns", columns);
        List<Object> r = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", rows.get(i));
            e.put("values", values[i]);
            r.add(e);
        }
        m.put("rows", r);
        return m;
    }
}
