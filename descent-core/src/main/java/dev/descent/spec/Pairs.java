package dev.descent.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code key=value} list of one part of a spec, such as {@code lr=1e-3,beta2=0.99}, with typed
 * getters that check each value and report errors in {@link Token#error}'s format, pointing at the
 * {@code key=value} fragment. Keys are compared in lower case (see {@link Token}); each key may be
 * given once, and a key the grammar does not know is an error listing the valid ones.
 *
 * <p>Values: a number is a decimal such as {@code 0.1}, {@code 1e-3} or {@code -2.5E+4} and must be
 * finite ({@code NaN}, {@code Infinity} and {@code 1e999} are refused); a whole number is digits (or
 * a decimal with an integral value, such as {@code 1e3}); a flag is {@code true} or {@code false};
 * a word is one of a fixed set. Words and flags ignore case.
 */
public final class Pairs {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final Token part;
    private final String owner;
    private final Map<String, Token> pairs = new LinkedHashMap<>();
    private final Map<String, Token> values = new LinkedHashMap<>();

    private Pairs(Token part, String owner) {
        this.part = part;
        this.owner = owner;
    }

    /**
     * No pairs: every getter returns its default.
     *
     * @param part the part the pairs belong to (errors about it point there)
     * @param owner the name the pairs belong to, for messages ({@code adam}, {@code step})
     * @return the empty list
     */
    public static Pairs none(Token part, String owner) {
        return new Pairs(part, owner);
    }

    /**
     * Reads {@code key=value} pairs separated by {@code sep}.
     *
     * @param part the part the pairs belong to, for errors about the whole part
     * @param list the text of the pairs (after the part's {@code ':'})
     * @param sep the separator between pairs, usually {@code ','}
     * @param owner the name the pairs belong to, for messages
     * @param valid the keys this owner takes, in the order messages list them
     * @return the pairs
     * @throws SpecException for an empty pair, an unknown key, a key without a value or given twice
     */
    public static Pairs parse(Token part, Token list, char sep, String owner, Collection<String> valid) {
        Pairs p = new Pairs(part, owner);
        for (Token pair : list.split(sep)) {
            if (pair.isEmpty()) {
                throw pair.error("empty KEY=VALUE; valid keys for " + owner + ": " + String.join(", ", valid));
            }
            int eq = pair.indexOf('=');
            Token keyToken = (eq < 0 ? pair : pair.sub(0, eq)).strip();
            String key = keyToken.lower();
            if (!valid.contains(key)) {
                throw pair.error("unknown key '" + Token.quote(keyToken.text(), 40) + "'; valid keys for " + owner
                        + ": " + String.join(", ", valid));
            }
            if (eq < 0) {
                throw pair.error("a key needs a value: " + key + "=VALUE");
            }
            Token value = pair.sub(eq + 1, pair.to() - pair.from()).strip();
            if (value.isEmpty()) {
                throw pair.error("empty value; write " + key + "=VALUE");
            }
            if (p.pairs.containsKey(key)) {
                throw pair.error("key '" + key + "' given twice");
            }
            p.pairs.put(key, pair);
            p.values.put(key, value);
        }
        return p;
    }

    /** {@return the part these pairs belong to} */
    public Token part() {
        return part;
    }

    /** {@return the keys given, in the order written (lower case)} */
    public List<String> keys() {
        return new ArrayList<>(pairs.keySet());
    }

    /**
     * Whether {@code key} was given.
     *
     * @param key a key, lower case
     * @return whether the spec sets it
     */
    public boolean has(String key) {
        return pairs.containsKey(key);
    }

    /**
     * The value of {@code key} as written, or null.
     *
     * @param key a key, lower case
     * @return the stripped value text, or null when absent
     */
    public String text(String key) {
        Token v = values.get(key);
        return v == null ? null : v.text();
    }

    /**
     * A finite number, or {@code dflt} when the key is absent.
     *
     * @param key a key, lower case
     * @param dflt the default
     * @return the value
     * @throws SpecException when the value is not a finite decimal number
     */
    public double real(String key, double dflt) {
        String v = text(key);
        return v == null ? dflt : parseReal(key, v);
    }

    private double parseReal(String key, String v) {
        if (!NUMBER.matcher(v).matches()) {
            throw error(key, "'" + Token.quote(v, 40) + "' is not a number");
        }
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) {
            throw error(key, "'" + Token.quote(v, 40) + "' is out of range");
        }
        return d;
    }

    /**
     * A whole number in [min, max], or {@code dflt} when the key is absent.
     *
     * @param key a key, lower case
     * @param dflt the default
     * @param min the least value accepted, ≥ 0
     * @param max the largest value accepted
     * @return the value
     * @throws SpecException when the value is not a whole number in range
     */
    public long whole(String key, long dflt, long min, long max) {
        String v = text(key);
        return v == null ? dflt : parseWhole(key, v, min, max);
    }

    private long parseWhole(String key, String v, long min, long max) {
        if (DIGITS.matcher(v).matches()) {
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException tooLarge) {
                n = Long.MAX_VALUE;
                if (max == Long.MAX_VALUE) {
                    throw error(key, "'" + Token.quote(v, 40) + "' is too large (at most " + max + ")");
                }
            }
            if (n > max) {
                throw error(key, "'" + Token.quote(v, 40) + "' is too large (at most " + max + ")");
            }
            if (n < min) {
                throw error(key, key + " must be ≥ " + min + ", got " + n);
            }
            return n;
        }
        if (NUMBER.matcher(v).matches()) {
            double d = Double.parseDouble(v);
            if (d == Math.rint(d) && d >= min && d <= Math.min(max, 1L << 53)) {
                return (long) d;
            }
            throw error(key, "'" + Token.quote(v, 40) + "' is not a whole number "
                    + (max == Long.MAX_VALUE ? "≥ " + min : "in [" + min + ", " + max + "]"));
        }
        throw error(key, "'" + Token.quote(v, 40) + "' is not a whole number");
    }

    /**
     * A list of whole numbers separated by {@code sep} (for example {@code milestones=30;60;90}),
     * each in [min, max].
     *
     * @param key a key, lower case, that must be present
     * @param sep the separator between items
     * @param min the least item accepted, ≥ 0
     * @param max the largest item accepted
     * @return the items in order
     * @throws SpecException when an item is not a whole number in range
     */
    public long[] wholeList(String key, char sep, long min, long max) {
        Token v = values.get(key);
        if (v == null) {
            throw part.error("missing " + key + "=N" + sep + "N" + sep + "...");
        }
        List<Token> items = v.split(sep);
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = parseWhole(key, items.get(i).text(), min, max);
        }
        return out;
    }

    /**
     * {@code true} or {@code false} in any case, or {@code dflt} when the key is absent.
     *
     * @param key a key, lower case
     * @param dflt the default
     * @return the value
     * @throws SpecException for any other value
     */
    public boolean bool(String key, boolean dflt) {
        String v = text(key);
        if (v == null) {
            return dflt;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(key, "'" + Token.quote(v, 40) + "' is not true or false");
        };
    }

    /**
     * One of an enum's constants, written as its name in any case, or {@code dflt} when the key is
     * absent.
     *
     * @param <E> the enum
     * @param key a key, lower case
     * @param dflt the default
     * @param type the enum's class
     * @return the constant
     * @throws SpecException for a word that names no constant (the message lists them in lower case)
     */
    public <E extends Enum<E>> E word(String key, E dflt, Class<E> type) {
        String v = text(key);
        if (v == null) {
            return dflt;
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String n = e.name().toLowerCase(Locale.ROOT);
            if (n.equalsIgnoreCase(v)) {
                return e;
            }
            names.add(n);
        }
        throw error(key, "'" + Token.quote(v, 40) + "' is not one of " + String.join(", ", names));
    }

    /**
     * An error about one key, pointing at its {@code key=value} fragment (or at the part when the
     * key was not written).
     *
     * @param key a key, lower case
     * @param message what is wrong, one line
     * @return the exception to throw
     */
    public SpecException error(String key, String message) {
        Token pair = pairs.get(key);
        return pair == null ? part.error(message) : pair.error(message);
    }

    /**
     * A range error from a record or factory ({@code "gamma must be ..."}) pointed at the key it
     * names: the first word of the message, mapped through {@code keyOf} when the Java parameter
     * has another name than the key. A message that names no given key points at the part.
     *
     * @param e the error
     * @param keyOf Java parameter names to spec keys, for example {@code maxLr → lr}
     * @return the exception to throw
     */
    public SpecException translate(IllegalArgumentException e, Map<String, String> keyOf) {
        if (e instanceof SpecException s) {
            return s;
        }
        String message = String.valueOf(e.getMessage());
        int sp = message.indexOf(' ');
        String param = sp < 0 ? message : message.substring(0, sp);
        String key = keyOf.getOrDefault(param, param);
        if (has(key)) {
            return error(key, key + message.substring(param.length()));
        }
        return part.error(keyOf.containsKey(param) ? key + message.substring(param.length()) : message);
    }

    @Override
    public String toString() {
        return owner + pairs.keySet();
    }
}
