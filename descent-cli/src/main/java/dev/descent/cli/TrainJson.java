package dev.descent.cli;

import java.util.Locale;

/** A minimal JSON object writer for the train command (no JSON library is in the build). */
final class TrainJson {

    private final StringBuilder sb = new StringBuilder("{");
    private boolean first = true;

    private TrainJson key(String k) {
        if (!first) {
            sb.append(", ");
        }
        first = false;
        quote(k);
        sb.append(": ");
        return this;
    }

    TrainJson put(String k, String v) {
        key(k);
        if (v == null) {
            sb.append("null");
        } else {
            quote(v);
        }
        return this;
    }

    TrainJson put(String k, long v) {
        key(k).sb.append(v);
        return this;
    }

    /** Non-finite numbers become null (JSON has no NaN). */
    TrainJson put(String k, double v) {
        key(k).sb.append(number(v));
        return this;
    }

    /** An array of numbers. */
    TrainJson put(String k, java.util.List<Double> values) {
        key(k).sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(number(values.get(i)));
        }
        sb.append(']');
        return this;
    }

    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return Double.toString(v);
    }

    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb + "}";
    }
}
