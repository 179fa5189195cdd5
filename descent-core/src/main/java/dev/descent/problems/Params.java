package dev.descent.problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a problem spec such as {@code quadratic:kappa=1e4,seed=3}: comma-separated
 * {@code key=value} pairs after the first ':'. Each getter validates its value and range; keys the
 * problem does not know are rejected by {@link #requireOnly}.
 */
final class Params {

    static final Params NONE = new Params("", Map.of());

    private final String problem;
    private final Map<String, String> values;

    private Params(String problem, Map<String, String> values) {
        this.problem = problem;
        this.values = values;
    }

    /** Parses {@code key=value[,key=value...]} for the named problem. */
    static Params parse(String problem, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("problem '" + problem + "': parameter '" + part
                        + "' must have the form key=value (e.g. " + problem + ":kappa=100)");
            }
            String key = part.substring(0, eq).trim();
            if (values.put(key, part.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException(
                        "problem '" + problem + "': parameter '" + key + "' given twice");
            }
        }
        return new Params(problem, values);
    }

    /** Throws unless every given key is in {@code known}. */
    void requireOnly(List<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("problem '" + problem
                        + "' has no parameter '" + key + "'; valid parameters: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
    }

    double real(String key, double fallback, double min, double max) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException("problem '" + problem + "': " + key + " = " + text
                    + " is invalid; it must be a number in [" + min + ", " + max + "]");
        }
        return v;
    }

    long integer(String key, long fallback, long min, long max) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("problem '" + problem + "': " + key + " = " + text
                    + " is not an integer");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("problem '" + problem + "': " + key + " = " + text
                    + " is out of range; it must be in [" + min + ", " + max + "]");
        }
        return v;
    }

    boolean bool(String key, boolean fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("problem '" + problem + "': " + key
                    + " = " + text + " is invalid; it must be true or false");
        };
    }
}
