package dev.descent.cli;

import dev.descent.cli.report.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object of the train command ({@code --json} and the {@code --metrics} JSON lines),
 * built field by field in order and written by {@link Json} (non-finite numbers as {@code null}).
 */
final class TrainJson {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    TrainJson put(String k, String v) {
        fields.put(k, v);
        return this;
    }

    TrainJson put(String k, long v) {
        fields.put(k, v);
        return this;
    }

    /** A number; non-finite values become {@code null} (JSON has no NaN). */
    TrainJson put(String k, double v) {
        fields.put(k, v);
        return this;
    }

    /** An array of numbers. */
    TrainJson put(String k, List<Double> values) {
        fields.put(k, List.copyOf(values));
        return this;
    }

    /** The object on one line. */
    @Override
    public String toString() {
        return Json.write(fields);
    }
}
