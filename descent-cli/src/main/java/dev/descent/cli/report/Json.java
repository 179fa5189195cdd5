package dev.descent.cli.report;

import java.util.List;
import java.util.Map;

/**
 * A small JSON writer (no JSON library is in the build). Values are written from plain Java
 * objects: {@code null}, {@link String}, {@link Boolean}, {@link Number}, {@code double[]},
 * {@code float[]}, {@code int[]}, {@link List} and {@link Map} with string keys (insertion order
 * kept). Non-finite numbers, which JSON cannot hold, are written as {@code null}.
 */
public final class Json {

    private Json() {}

    /** The JSON text of {@code value}. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value);
        return out.toString();
    }

    /** Appends the JSON text of {@code value} to {@code out}. */
    public static void append(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Boolean b -> out.append(b);
            case Double d -> number(out, d);
            case Float f -> number(out, f);
            case Number n -> out.append(n.longValue());
            case double[] a -> {
                out.append('[');
                for (int i = 0; i < a.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    number(out, a[i]);
                }
                out.append(']');
            }
            case float[] a -> {
                out.append('[');
                for (int i = 0; i < a.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    number(out, a[i]);
                }
                out.append(']');
            }
            case int[] a -> {
                out.append('[');
                for (int i = 0; i < a.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(a[i]);
                }
                out.append(']');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(out, list.get(i));
                }
                out.append(']');
            }
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(out, String.valueOf(e.getKey()));
                    out.append(':');
                    append(out, e.getValue());
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException(
                    "Json: cannot write a " + value.getClass().getName() + "; use String, Number, Boolean, arrays, List or Map");
        }
    }

    /** Appends a number; non-finite values become {@code null}, integers print without ".0". */
    public static void number(StringBuilder out, double v) {
        if (!Double.isFinite(v)) {
            out.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            out.append(v);
        }
    }

    /** Appends a quoted, escaped string. */
    public static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
