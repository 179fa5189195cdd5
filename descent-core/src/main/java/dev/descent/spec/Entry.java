package dev.descent.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One named entry of a {@link Registry}: a name ({@code adam}), the configuration type it builds,
 * its typed keys ({@link Param}), its default configuration and a build function from the keys'
 * values. Everything a spec, a help text or a completion list needs is derived from it: the valid
 * keys, their defaults (read from the default configuration), the text form of a configuration
 * ({@link #spec}) and copies with some keys changed ({@link #with}).
 *
 * <p>Several entries may build the same type with other defaults (presets such as {@code momentum}
 * for SGD); {@link #printedFor} says which configurations an entry's name is printed for.
 *
 * @param <C> the configuration type
 */
public final class Entry<C> {

    private final String name;
    private final Class<C> type;
    private final C defaults;
    private final String summary;
    private final List<Param<? super C>> params;
    private final Function<Values, ? extends C> build;
    private final Predicate<? super C> printedFor;
    private final Map<String, Object> defaultValues = new LinkedHashMap<>();

    private Entry(String name, Class<C> type, C defaults, String summary, List<Param<? super C>> params,
            Function<Values, ? extends C> build, Predicate<? super C> printedFor) {
        this.name = name;
        this.type = type;
        this.defaults = defaults;
        this.summary = summary;
        this.params = List.copyOf(params);
        this.build = build;
        this.printedFor = printedFor;
        for (Param<? super C> p : this.params) {
            if (defaultValues.put(p.key(), value(p, defaults)) != null) {
                throw new IllegalArgumentException(name + " declares key '" + p.key() + "' twice");
            }
        }
    }

    /**
     * An entry.
     *
     * @param <C> the configuration type
     * @param name the name in specs, lower case
     * @param type the configuration type
     * @param defaults the configuration the bare name gives; the keys' defaults are read from it
     * @param summary what the entry is, one line (with its reference)
     * @param params the keys, in the order specs print them
     * @param build makes the configuration from the keys' values (and validates it)
     * @return the entry
     * @throws IllegalArgumentException for a name that is not lower case or a key declared twice
     */
    public static <C> Entry<C> of(String name, Class<C> type, C defaults, String summary,
            List<? extends Param<? super C>> params, Function<Values, ? extends C> build) {
        if (name == null || name.isEmpty() || !name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("an entry's name is a non-empty lower-case word, got '" + name + "'");
        }
        return new Entry<>(name, type, type.cast(defaults), summary, new ArrayList<>(params), build, c -> true);
    }

    /**
     * This entry, printed by {@link Registry#spec} only for configurations that satisfy
     * {@code when} (for a preset such as {@code nesterov}: the configurations with Nesterov
     * momentum).
     *
     * @param when the configurations this entry's name is printed for
     * @return the copy
     */
    public Entry<C> printedFor(Predicate<? super C> when) {
        return new Entry<>(name, type, defaults, summary, params, build, when);
    }

    /** {@return the name in specs} */
    public String name() {
        return name;
    }

    /** {@return the configuration type} */
    public Class<C> type() {
        return type;
    }

    /** {@return the configuration the bare name gives} */
    public C defaults() {
        return defaults;
    }

    /** {@return what the entry is, one line} */
    public String summary() {
        return summary;
    }

    /** {@return the keys, in the order specs print them} */
    public List<Param<? super C>> params() {
        return params;
    }

    /** {@return the keys' names, in order} */
    public List<String> keys() {
        return new ArrayList<>(defaultValues.keySet());
    }

    /**
     * The default value of a key.
     *
     * @param key one of {@link #keys()}
     * @return a {@link Double}, {@link Long}, {@link Boolean} or {@link String} (a word), or null for an unknown key
     */
    public Object defaultValue(String key) {
        return defaultValues.get(key);
    }

    /** Whether {@link Registry#spec} prints this entry's name for {@code config}. */
    boolean prints(Object config) {
        return type.isInstance(config) && printedFor.test(type.cast(config));
    }

    /**
     * Builds the configuration of {@code part}, a spec {@code name[:key=value,...]} whose name is
     * this entry's.
     *
     * @param part the part, stripped
     * @return the configuration
     * @throws SpecException naming the wrong key or value
     */
    public C parse(Token part) {
        int colon = part.indexOf(':');
        if (colon < 0) {
            return build(Pairs.none(part, name));
        }
        Token list = part.sub(colon + 1, part.to() - part.from()).strip();
        if (list.isEmpty()) {
            throw part.error("nothing after ':'; write " + name + " or " + name + ":KEY=VALUE,... with keys "
                    + String.join(", ", keys()));
        }
        return build(Pairs.parse(part, list, ',', name, keys()));
    }

    /**
     * Builds the configuration from parsed pairs: given keys take their values, the others their
     * defaults. A range error of the configuration is pointed at the key it names.
     *
     * @param pairs the pairs, whose keys are among {@link #keys()}
     * @return the configuration
     * @throws SpecException for a bad value
     */
    public C build(Pairs pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param<? super C> p : params) {
            values.put(p.key(), p.read(pairs, defaultValues.get(p.key())));
        }
        try {
            return build.apply(new Values(name, values));
        } catch (IllegalArgumentException e) {
            throw pairs.translate(e, Map.of());
        }
    }

    /**
     * A copy of {@code config} with some keys changed, validated as a new configuration.
     *
     * @param config a configuration of this entry's type
     * @param changes keys and their new values ({@link Double}, {@link Long} or {@link Boolean})
     * @return the copy
     * @throws IllegalArgumentException for an unknown key, a value of the wrong type or out of range
     */
    public C with(C config, Map<String, ?> changes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param<? super C> p : params) {
            values.put(p.key(), value(p, config));
        }
        for (Map.Entry<String, ?> c : changes.entrySet()) {
            Object old = values.get(c.getKey());
            if (old == null || c.getValue() == null || old.getClass() != c.getValue().getClass()) {
                throw new IllegalArgumentException(name + " has no key '" + c.getKey() + "' of type "
                        + (c.getValue() == null ? "null" : c.getValue().getClass().getSimpleName()));
            }
            values.put(c.getKey(), c.getValue());
        }
        return build.apply(new Values(name, values));
    }

    /**
     * The text form {@code name:key=value,...} of a configuration of this entry's type, which
     * {@link #parse} reads back to an equal configuration: every key marked {@code always}, and the
     * others when they differ from the default.
     *
     * @param config the configuration
     * @return the spec
     */
    public String spec(C config) {
        StringBuilder b = new StringBuilder(name);
        char sep = ':';
        for (Param<? super C> p : params) {
            Object v = value(p, config);
            if (p.always() || !v.equals(defaultValues.get(p.key()))) {
                b.append(sep).append(p.key()).append('=').append(Param.format(v));
                sep = ',';
            }
        }
        return b.toString();
    }

    /**
     * The entry's usage, {@code name[:key=default,...]}, with every key and its default.
     *
     * @param withShared whether to list the keys that are printed only when set (shared options)
     * @return the usage
     */
    public String usage(boolean withShared) {
        StringBuilder b = new StringBuilder(name);
        char sep = ':';
        for (Param<? super C> p : params) {
            if (withShared || p.always()) {
                b.append(sep == ':' ? "[:" : ",").append(p.key()).append('=')
                        .append(Param.format(defaultValues.get(p.key())));
                sep = ',';
            }
        }
        return sep == ',' ? b.append(']').toString() : b.toString();
    }

    @SuppressWarnings("unchecked")
    private static Object value(Param<?> p, Object config) {
        Object v = ((Function<Object, ?>) p.getter()).apply(config);
        Class<?> want = switch (p.type()) {
            case REAL -> Double.class;
            case WHOLE -> Long.class;
            case BOOL -> Boolean.class;
            case WORD -> String.class;
        };
        if (!want.isInstance(v)) {
            throw new IllegalStateException("key '" + p.key() + "' reads " + v + ", not a " + want.getSimpleName());
        }
        return v;
    }

    @Override
    public String toString() {
        return usage(true);
    }
}
