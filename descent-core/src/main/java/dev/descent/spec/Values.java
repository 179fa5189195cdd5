package dev.descent.spec;

import java.util.Map;

/**
 * The values of an entry's keys for one configuration: the ones a spec gives, and the entry's
 * defaults for the rest. An {@link Entry}'s build function reads them by key.
 */
public final class Values {

    private final String owner;
    private final Map<String, Object> values;

    Values(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = values;
    }

    private Object get(String key, Class<?> type) {
        Object v = values.get(key);
        if (!type.isInstance(v)) {
            throw new IllegalStateException(owner + " has no " + type.getSimpleName() + " key '" + key + "'");
        }
        return v;
    }

    /**
     * A number key's value.
     *
     * @param key a key the entry declares as {@link Param.Type#REAL}
     * @return the value
     * @throws IllegalStateException when the entry declares no such number key (a programming error)
     */
    public double real(String key) {
        return (Double) get(key, Double.class);
    }

    /**
     * A whole-number key's value.
     *
     * @param key a key the entry declares as {@link Param.Type#WHOLE}
     * @return the value
     * @throws IllegalStateException when the entry declares no such key (a programming error)
     */
    public long whole(String key) {
        return (Long) get(key, Long.class);
    }

    /**
     * A flag key's value.
     *
     * @param key a key the entry declares as {@link Param.Type#BOOL}
     * @return the value
     * @throws IllegalStateException when the entry declares no such key (a programming error)
     */
    public boolean bool(String key) {
        return (Boolean) get(key, Boolean.class);
    }

    /**
     * A word key's value.
     *
     * @param key a key the entry declares as {@link Param.Type#WORD}
     * @return the value, one of the key's words
     * @throws IllegalStateException when the entry declares no such key (a programming error)
     */
    public String word(String key) {
        return (String) get(key, String.class);
    }

    @Override
    public String toString() {
        return owner + values;
    }
}
