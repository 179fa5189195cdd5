package dev.descent.spec;

import java.util.function.Function;

/**
 * One typed key of a spec entry: its name, its type, how to read it from a configuration (for
 * printing the spec and copying), and a one-line help text. Its default is read from the entry's
 * default configuration, so the default lives in one place (the record).
 *
 * @param <C> the configuration type
 * @param key the key as written in specs, lower case ({@code lr}, {@code beta2})
 * @param type the value's type
 * @param getter the configuration's value of this key: a {@link Double}, {@link Long} or
 *     {@link Boolean} matching {@code type}
 * @param help what the key means and its valid range, one line
 * @param always whether {@link Entry#spec} always writes the key, or only when it differs from the
 *     default (for options shared by every entry, such as {@code clip_norm})
 * @param words the values a {@link Type#WORD} key takes, lower case (empty for the other types)
 */
public record Param<C>(String key, Type type, Function<? super C, ?> getter, String help, boolean always,
        java.util.List<String> words) {

    /** The value types a key can have. */
    public enum Type {
        /** A finite decimal number ({@link Pairs#real}), held as a {@link Double}. */
        REAL,
        /** A whole number ≥ 0 ({@link Pairs#whole}), held as a {@link Long}. */
        WHOLE,
        /** {@code true} or {@code false} ({@link Pairs#bool}), held as a {@link Boolean}. */
        BOOL,
        /** One of the key's {@link #words()}, in any case, held as a lower-case {@link String}. */
        WORD
    }

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException for a missing field or a key that is not lower case
     */
    public Param {
        if (key == null || type == null || getter == null || help == null) {
            throw new IllegalArgumentException("key, type, getter and help must not be null");
        }
        if (key.isEmpty() || !key.equals(key.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("a key is a non-empty lower-case word, got '" + key + "'");
        }
        words = words == null ? java.util.List.of() : java.util.List.copyOf(words);
        if ((type == Type.WORD) == words.isEmpty()) {
            throw new IllegalArgumentException("a word key needs its words, and only a word key has them: '" + key + "'");
        }
    }

    /**
     * A number key, always written by {@link Entry#spec}.
     *
     * @param <C> the configuration type
     * @param key the key
     * @param getter the configuration's value
     * @param help one line: meaning and range
     * @return the key
     */
    public static <C> Param<C> real(String key, Function<? super C, Double> getter, String help) {
        return new Param<>(key, Type.REAL, getter, help, true, null);
    }

    /**
     * A whole-number key, always written by {@link Entry#spec}.
     *
     * @param <C> the configuration type
     * @param key the key
     * @param getter the configuration's value
     * @param help one line: meaning and range
     * @return the key
     */
    public static <C> Param<C> whole(String key, Function<? super C, Long> getter, String help) {
        return new Param<>(key, Type.WHOLE, getter, help, true, null);
    }

    /**
     * A flag key, always written by {@link Entry#spec}.
     *
     * @param <C> the configuration type
     * @param key the key
     * @param getter the configuration's value
     * @param help one line: meaning and range
     * @return the key
     */
    public static <C> Param<C> bool(String key, Function<? super C, Boolean> getter, String help) {
        return new Param<>(key, Type.BOOL, getter, help, true, null);
    }

    /**
     * A key that takes one of a fixed set of words, always written by {@link Entry#spec}.
     *
     * @param <C> the configuration type
     * @param key the key
     * @param getter the configuration's value, one of {@code words}
     * @param help one line: meaning and the words
     * @param words the values, lower case, in the order messages list them
     * @return the key
     */
    public static <C> Param<C> word(String key, Function<? super C, String> getter, String help, String... words) {
        return new Param<>(key, Type.WORD, getter, help, true, java.util.List.of(words));
    }

    /**
     * This key, written by {@link Entry#spec} only when its value differs from the default.
     *
     * @return the copy
     */
    public Param<C> whenSet() {
        return new Param<>(key, type, getter, help, false, words);
    }

    /**
     * This key under another name (for example {@code coupled_weight_decay} where an entry's own
     * {@code weight_decay} means something else).
     *
     * @param name the new key
     * @return the copy
     */
    public Param<C> renamed(String name) {
        return new Param<>(name, type, getter, help, always, words);
    }

    /** Reads this key's value from {@code pairs}, or returns {@code dflt} when it is not given. */
    Object read(Pairs pairs, Object dflt) {
        return switch (type) {
            case REAL -> pairs.real(key, (Double) dflt);
            case WHOLE -> pairs.whole(key, (Long) dflt, 0, Long.MAX_VALUE);
            case BOOL -> pairs.bool(key, (Boolean) dflt);
            case WORD -> {
                String v = pairs.text(key);
                if (v == null) {
                    yield dflt;
                }
                for (String w : words) {
                    if (w.equalsIgnoreCase(v)) {
                        yield w;
                    }
                }
                throw pairs.error(key, "'" + Token.quote(v, 40) + "' is not one of " + String.join(", ", words));
            }
        };
    }

    /** The text form of a value of this key, which {@link #read} reads back to an equal value. */
    static String format(Object value) {
        return String.valueOf(value);
    }
}
