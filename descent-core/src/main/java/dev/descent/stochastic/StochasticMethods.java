package dev.descent.stochastic;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link SampledConfig}s from text specs {@code name[:key=value,...]}, as the command line
 * writes them: {@code mb-lbfgs:overlap=0.25,memory=10,damping=0.2}, {@code pb-lbfgs:theta=0.9},
 * {@code sqn:every=20,hessian_batch=4096}. Keys: {@code lr}, and
 * <ul>
 *   <li>mb-lbfgs: {@code overlap, memory, damping, c1, backtracks} ({@link MultiBatchLbfgs});
 *   <li>pb-lbfgs: those and {@code theta, blocks, max_batch, test} (inner or norm) ({@link ProgressiveBatchLbfgs});
 *   <li>sqn: {@code every, hessian_batch, memory} ({@link Sqn});
 *   <li>naive-lbfgs: {@code memory, wolfe} ({@link NaiveLbfgs}, the negative control).
 * </ul>
 * {@link #spec} writes a configuration back in this form.
 */
public final class StochasticMethods {

    private static final List<String> NAMES = List.of("mb-lbfgs", "pb-lbfgs", "sqn", "naive-lbfgs");

    private StochasticMethods() {}

    /**
     * The method names.
     *
     * @return mb-lbfgs, pb-lbfgs, sqn, naive-lbfgs
     */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Whether {@code spec}'s name (before any ':') is one of {@link #names()}.
     *
     * @param spec a spec such as {@code sqn:every=10}
     * @return true for a stochastic quasi-Newton method
     */
    public static boolean isSampled(String spec) {
        String t = spec.strip();
        int colon = t.indexOf(':');
        return NAMES.contains((colon < 0 ? t : t.substring(0, colon)).strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Parses {@code name[:key=value,...]}.
     *
     * @param spec the text
     * @return the validated configuration
     *
     * @throws IllegalArgumentException naming the bad part and the valid names, keys or range
     */
    public static SampledConfig parse(String spec) {
        String text = spec.strip();
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown stochastic quasi-Newton method '" + name + "' in '" + spec
                    + "'; valid names: " + String.join(", ", NAMES));
        }
        Map<String, String> kv = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String pair : text.substring(colon + 1).split(",", -1)) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? "" : pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String v = eq < 0 ? "" : pair.substring(eq + 1).strip();
                if (k.isEmpty() || v.isEmpty()) {
                    throw new IllegalArgumentException("expected key=value but got '" + pair.strip() + "' in '" + spec + "'");
                }
                if (kv.put(k, v) != null) {
                    throw new IllegalArgumentException("key '" + k + "' given twice in '" + spec + "'");
                }
            }
        }
        Keys s = new Keys(spec, name, kv);
        SampledConfig c;
        try {
            c = switch (name) {
                case "mb-lbfgs" -> {
                    MultiBatchLbfgs d = MultiBatchLbfgs.DEFAULT;
                    yield new MultiBatchLbfgs(s.real("lr", d.lr()), s.real("overlap", d.overlap()), s.integer("memory", d.memory()),
                            s.real("damping", d.damping()), s.real("c1", d.c1()), s.integer("backtracks", d.backtracks()));
                }
                case "pb-lbfgs" -> {
                    ProgressiveBatchLbfgs d = ProgressiveBatchLbfgs.DEFAULT;
                    yield new ProgressiveBatchLbfgs(s.real("lr", d.lr()), s.real("theta", d.theta()), s.real("overlap", d.overlap()),
                            s.integer("memory", d.memory()), s.real("damping", d.damping()), s.real("c1", d.c1()),
                            s.integer("backtracks", d.backtracks()), s.integer("blocks", d.blocks()), s.integer("max_batch", d.maxBatch()),
                            s.test("test", d.test()));
                }
                case "naive-lbfgs" -> {
                    NaiveLbfgs d = NaiveLbfgs.DEFAULT;
                    yield new NaiveLbfgs(s.real("lr", d.lr()), s.integer("memory", d.memory()), s.bool("wolfe", d.wolfe()));
                }
                default -> {
                    Sqn d = Sqn.DEFAULT;
                    yield new Sqn(s.real("lr", d.lr()), s.integer("every", d.every()), s.integer("hessian_batch", d.hessianBatch()),
                            s.integer("memory", d.memory()));
                }
            };
        } catch (IllegalArgumentException e) {
            s.rejectUnknown();
            throw e.getMessage().startsWith("bad value") ? e
                    : new IllegalArgumentException("bad " + name + " spec '" + spec + "': " + e.getMessage().replace("max_batch", "max_batch"), e);
        }
        s.rejectUnknown();
        return c;
    }

    /**
     * The text form of a configuration, which {@link #parse} reads back to an equal record.
     *
     * @param c the configuration
     * @return its spec with every key
     */
    public static String spec(SampledConfig c) {
        return switch (c) {
            case MultiBatchLbfgs m -> String.format(Locale.ROOT, "mb-lbfgs:lr=%s,overlap=%s,memory=%d,damping=%s,c1=%s,backtracks=%d",
                    num(m.lr()), num(m.overlap()), m.memory(), num(m.damping()), num(m.c1()), m.backtracks());
            case ProgressiveBatchLbfgs p -> String.format(Locale.ROOT,
                    "pb-lbfgs:lr=%s,theta=%s,overlap=%s,memory=%d,damping=%s,c1=%s,backtracks=%d,blocks=%d,max_batch=%d,test=%s",
                    num(p.lr()), num(p.theta()), num(p.overlap()), p.memory(), num(p.damping()), num(p.c1()), p.backtracks(),
                    p.blocks(), p.maxBatch(), p.test() == ProgressiveBatchLbfgs.Test.NORM ? "norm" : "inner");
            case Sqn q -> String.format(Locale.ROOT, "sqn:lr=%s,every=%d,hessian_batch=%d,memory=%d", num(q.lr()), q.every(),
                    q.hessianBatch(), q.memory());
            case NaiveLbfgs q -> String.format(Locale.ROOT, "naive-lbfgs:lr=%s,memory=%d,wolfe=%s", num(q.lr()), q.memory(), q.wolfe());
        };
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    /** The key=value pairs of one spec and the keys its method read. */
    private static final class Keys {
        final String text;
        final String name;
        final Map<String, String> values;
        final Set<String> read = new LinkedHashSet<>();

        Keys(String text, String name, Map<String, String> values) {
            this.text = text;
            this.name = name;
            this.values = values;
        }

        double real(String key, double def) {
            read.add(key);
            String v = values.get(key);
            if (v == null) {
                return def;
            }
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad value '" + v + "' for " + key + " in '" + text + "': expected a number");
            }
        }

        ProgressiveBatchLbfgs.Test test(String key, ProgressiveBatchLbfgs.Test def) {
            read.add(key);
            String v = values.get(key);
            if (v == null) {
                return def;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "inner" -> ProgressiveBatchLbfgs.Test.INNER_PRODUCT;
                case "norm" -> ProgressiveBatchLbfgs.Test.NORM;
                default -> throw new IllegalArgumentException("bad value '" + v + "' for " + key + " in '" + text + "': expected inner or norm");
            };
        }

        boolean bool(String key, boolean def) {
            read.add(key);
            String v = values.get(key);
            if (v == null) {
                return def;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("bad value '" + v + "' for " + key + " in '" + text + "': expected true or false");
            };
        }

        int integer(String key, int def) {
            read.add(key);
            String v = values.get(key);
            if (v == null) {
                return def;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad value '" + v + "' for " + key + " in '" + text + "': expected an integer");
            }
        }

        void rejectUnknown() {
            for (String k : values.keySet()) {
                if (!read.contains(k)) {
                    throw new IllegalArgumentException("unknown key " + k + " for " + name + " in '" + text + "'; valid keys: "
                            + String.join(", ", read));
                }
            }
        }
    }
}
