package dev.descent.cli.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One experiment of the report: its charts (the first is the main one, the others small
 * panels), an optional table, a takeaway computed from the run, and the command and seed that
 * reproduce it. A section whose experiment could not run says why in {@code notRun} and carries
 * no charts: the report never shows numbers that no run produced.
 *
 * @param number the section's number, 1-based
 * @param id an anchor id: letters, digits and '-'
 * @param title the heading
 * @param teaches one sentence on what the experiment is about (the lecture's question)
 * @param charts the charts; empty only when not run
 * @param table a table, or {@code null}
 * @param takeaway two sentences computed from this run's numbers; empty only when not run
 * @param command the exact command that reproduces the section
 * @param seed the seed the section ran with
 * @param seconds the wall time the experiment took
 * @param notRun why the experiment did not run, or {@code null} when it ran
 * @param numbers further numbers the takeaway quotes (written to {@code results.json})
 * @param reading how to read the charts (what a mark, an axis or a starting point means), shown
 *     between the charts and the takeaway; empty for none
 */
public record Section(
        int number,
        String id,
        String title,
        String teaches,
        List<Chart> charts,
        Table table,
        String takeaway,
        String command,
        long seed,
        double seconds,
        String notRun,
        Map<String, Object> numbers,
        String reading) {

    /** Checks the number, id and required texts; a section that ran needs a chart and a takeaway. */
    public Section {
        if (number < 1) {
            throw new IllegalArgumentException("section number must be ≥ 1, got " + number);
        }
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("section id must be letters, digits and '-': " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(teaches, "teaches");
        Objects.requireNonNull(command, "command");
        charts = List.copyOf(charts);
        numbers = numbers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        takeaway = takeaway == null ? "" : takeaway;
        reading = reading == null ? "" : reading;
        if (notRun == null && (charts.isEmpty() || takeaway.isBlank())) {
            throw new IllegalArgumentException("section " + number + " ran, so it needs a chart and a takeaway");
        }
    }

    /**
     * A section without a note on reading its charts.
     *
     * @param number the section's number, 1-based
     * @param id an anchor id: letters, digits and '-'
     * @param title the heading
     * @param teaches the lecture's claim or question
     * @param charts the charts; empty only when not run
     * @param table a table, or {@code null}
     * @param takeaway what this run found; empty only when not run
     * @param command the exact command that reproduces the section
     * @param seed the seed the section ran with
     * @param seconds the wall time the experiment took
     * @param notRun why the experiment did not run, or {@code null} when it ran
     * @param numbers further numbers (written to {@code results.json})
     */
    public Section(int number, String id, String title, String teaches, List<Chart> charts, Table table, String takeaway,
            String command, long seed, double seconds, String notRun, Map<String, Object> numbers) {
        this(number, id, title, teaches, charts, table, takeaway, command, seed, seconds, notRun, numbers, "");
    }

    /**
     * This section with {@code text} as its note on reading the charts.
     *
     * @param text what the marks, axes and starting points of the charts mean
     * @return a copy with that note
     */
    public Section withReading(String text) {
        return new Section(number, id, title, teaches, charts, table, takeaway, command, seed, seconds, notRun, numbers, text);
    }

    /**
     * A section whose experiment did not run, with the reason.
     *
     * @param number the section's number, 1-based
     * @param id an anchor id
     * @param title the heading
     * @param teaches the lecture's claim or question
     * @param command the command that would reproduce it
     * @param seed the seed it would run with
     * @param reason why it did not run
     * @return a section with no charts
     */
    public static Section notRun(int number, String id, String title, String teaches, String command, long seed, String reason) {
        return new Section(number, id, title, teaches, List.of(), null, "", command, seed, 0, Objects.requireNonNull(reason), Map.of());
    }

    /**
     * Whether the experiment ran.
     *
     * @return true when {@link #notRun()} is null
     */
    public boolean ran() {
        return notRun == null;
    }

    /**
     * The section as written to {@code results.json}.
     *
     * @return an ordered map of plain values
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("id", id);
        m.put("title", title);
        m.put("ran", ran());
        if (!ran()) {
            m.put("notRun", notRun);
        }
        m.put("takeaway", takeaway);
        if (!reading.isEmpty()) {
            m.put("reading", reading);
        }
        m.put("command", command);
        m.put("seed", seed);
        m.put("seconds", seconds);
        m.put("charts", charts.stream().map(Chart::toJson).toList());
        if (table != null) {
            m.put("table", table.toJson());
        }
        m.put("numbers", numbers);
        return m;
    }
}
