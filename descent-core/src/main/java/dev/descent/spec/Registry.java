package dev.descent.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named entries of one kind ({@code optimizer}): the single source of their names, keys, defaults,
 * help text and text form. {@link #parse} reads {@code name[:key=value,...]}; {@link #spec} writes
 * a configuration back so that {@code parse(spec(c))} equals {@code c}. Names are matched in any
 * case (see {@link Token}).
 *
 * <p>A registry holds any configuration type {@code T}; entries whose configurations need more
 * than a gradient (a sampled objective, say) can live in a registry of their own type, or in a
 * registry of a common supertype, without touching the others.
 *
 * @param <T> the configuration type of every entry
 */
public final class Registry<T> {

    private final String kind;
    private final Map<String, Entry<? extends T>> entries = new LinkedHashMap<>();

    private Registry(String kind, List<? extends Entry<? extends T>> list) {
        this.kind = kind;
        for (Entry<? extends T> e : list) {
            if (entries.put(e.name(), e) != null) {
                throw new IllegalArgumentException(kind + " '" + e.name() + "' is registered twice");
            }
        }
    }

    /**
     * A registry.
     *
     * @param <T> the configuration type
     * @param kind what the entries are, for messages ({@code optimizer})
     * @param entries the entries, in the order names are listed; names unique
     * @return the registry
     * @throws IllegalArgumentException for a name registered twice
     */
    public static <T> Registry<T> of(String kind, List<? extends Entry<? extends T>> entries) {
        return new Registry<>(kind, entries);
    }

    /** {@return what the entries are, for messages} */
    public String kind() {
        return kind;
    }

    /** {@return the names, in order} */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** {@return the entries, in order} */
    public List<Entry<? extends T>> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * The entry with this name, in any case.
     *
     * @param name a name
     * @return the entry
     * @throws SpecException for an unknown name (the message lists the valid ones)
     */
    public Entry<? extends T> entry(String name) {
        return entry(Token.of(kind, name));
    }

    private Entry<? extends T> entry(Token nameToken) {
        Entry<? extends T> e = entries.get(nameToken.lower());
        if (e == null) {
            throw nameToken.error("unknown " + kind + " '" + Token.quote(nameToken.text(), 40) + "'; valid names: "
                    + String.join(", ", entries.keySet()));
        }
        return e;
    }

    /**
     * Whether a spec names one of this registry's entries (its name before any ':', in any
     * case): lets a command that reads one flag dispatch between registries of different kinds
     * (first-order optimizers, sampled-objective methods) without parsing twice.
     *
     * @param spec a spec, possibly null or malformed
     * @return whether its name is registered here
     */
    public boolean accepts(String spec) {
        if (spec == null || spec.isBlank()) {
            return false;
        }
        Token part = Token.of(kind, spec);
        int colon = part.indexOf(':');
        return entries.containsKey((colon < 0 ? part : part.sub(0, colon)).strip().lower());
    }

    /**
     * Parses {@code name[:key=value,...]}.
     *
     * @param spec the spec
     * @return the configuration
     * @throws SpecException naming the wrong fragment and its column, and the valid names or keys
     */
    public T parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new SpecException("empty " + kind + " spec; write NAME or NAME:KEY=VALUE,..., NAME one of "
                    + String.join(", ", entries.keySet()));
        }
        Token part = Token.of(kind, spec);
        int colon = part.indexOf(':');
        Token name = (colon < 0 ? part : part.sub(0, colon)).strip();
        return entry(name).parse(part);
    }

    /**
     * The entry whose name {@link #spec} prints for a configuration: the first whose type matches
     * and whose {@link Entry#printedFor} condition holds.
     *
     * @param config a configuration
     * @return the entry
     * @throws IllegalArgumentException when no entry builds the configuration's class
     */
    public Entry<? extends T> entryFor(T config) {
        for (Entry<? extends T> e : entries.values()) {
            if (e.prints(config)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no " + kind + " entry prints a " + config.getClass().getSimpleName());
    }

    /**
     * The text form of a configuration, which {@link #parse} reads back to an equal one.
     *
     * @param config a configuration
     * @return {@code name:key=value,...}
     * @throws IllegalArgumentException when no entry builds the configuration's class
     */
    public String spec(T config) {
        return specOf(entryFor(config), config);
    }

    private static <C> String specOf(Entry<C> e, Object config) {
        return e.spec(e.type().cast(config));
    }

    /**
     * A copy of {@code config} with some keys changed.
     *
     * @param config a configuration
     * @param changes keys and their new values
     * @return the copy
     * @throws IllegalArgumentException for an unknown key or a bad value
     */
    public T with(T config, Map<String, ?> changes) {
        return withOf(entryFor(config), config, changes);
    }

    private static <C> C withOf(Entry<C> e, Object config, Map<String, ?> changes) {
        return e.with(e.type().cast(config), changes);
    }

    /**
     * Help text: one line per entry, {@code name[:key=default,...]  summary}, the keys shared by
     * every entry left out.
     *
     * @return the lines
     */
    public List<String> usage() {
        List<String> lines = new ArrayList<>();
        for (Entry<? extends T> e : entries.values()) {
            lines.add(e.usage(false) + "  " + e.summary());
        }
        return lines;
    }
}
