package dev.descent.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text form of schedules, as typed on the command line and written in files:
 * {@code name:key=value,...}, with {@code +} to chain. The grammar, with every name, key and
 * default, is {@link #GRAMMAR}.
 *
 * <p><b>The base learning rate.</b> A spec carries no rate unless one of its parts says
 * {@code lr=}. {@link #parse(String, double)} gives every part without {@code lr=} the base rate
 * lr0 (normally the optimizer's lr); {@link #parse(String)} requires {@code lr=} on every part
 * that needs a rate.
 *
 * <p><b>Chaining.</b> In {@code a+b}, part a must have a length (its {@code steps=}: warmup,
 * linear, poly, cosine, onecycle); b starts when a ends and sees the steps counted from there
 * (optax {@code join_schedules}), so {@code a+b+c} switches at len(a) and len(a)+len(b). A
 * warmup ramps linearly to the first rate of what follows it ({@link Schedule#warmup}), so
 * {@code warmup:steps=100+cosine:steps=1000} rises to lr0 in 100 steps and then anneals over 1000.
 * Part of a chain without a length is an error naming it.
 *
 * <p><b>Errors.</b> A malformed spec throws {@link IllegalArgumentException} with a one-line
 * message that quotes the wrong fragment, gives its column (1 = the first character) and lists
 * the valid names or keys.
 */
public final class ScheduleSpec {

    /**
     * The grammar: every name with its keys, defaults and formula, and examples, in lines of at
     * most 79 characters (the footer of {@code descent schedule --help}). For an option's
     * one-line description use {@link #SUMMARY}.
     */
    public static final String GRAMMAR = """
            SPEC is NAME or NAME:KEY=VALUE,...; '+' chains parts; lists use ';' (so quote
            the spec in a shell: 'multistep:milestones=30;60').
            Any part takes lr=RATE; without it, it starts from the base rate lr0
            (the optimizer's lr). t counts steps from 0; in a chain, from the part's start.
              const                         lr0
              step:every=T[,gamma=0.1]      lr0*gamma^floor(t/T)           (StepLR)
              multistep:milestones=A;B;..[,gamma=0.1]
                                            lr0*gamma^#(milestones <= t)   (MultiStepLR)
              exp:k=K                       lr0*exp(-K*t)                  (continuous)
              exp:rate=R[,every=1]          lr0*R^floor(t/every)           (ExponentialLR)
              inv:k=K                       lr0/(1+K*t)            (Keras InverseTimeDecay)
              poly:steps=T[,power=1,end=0]  end+(lr0-end)*(1-t/T)^power    (PolynomialLR)
              cosine:steps=T[,min=0]        min+(lr0-min)*(1+cos(pi*t/T))/2
                                                                      (CosineAnnealingLR)
              restarts:t0=T0[,mult=1,min=0] cosine restarting after T0, T0*mult, ... (SGDR)
              linear:steps=T[,start=1/3,end=1]
                                            lr0*(start+(end-start)*t/T)    (LinearLR)
              warmup:steps=T[,start=0]      start*L to L linearly over T steps, L = the
                                            next part's first rate (lr0 if warmup is last)
              onecycle:steps=T[,pct=0.3,div=25,final_div=1e4]
                                            from lr0/div up to lr0, then down to
                                            lr0/div/final_div (OneCycleLR, cos)
            Parts with steps=T hold their last value after T. In A+B, A needs a length
            (steps=: warmup, linear, poly, cosine, onecycle) and B starts where A ends.
            Examples: const  step:every=30,gamma=0.1  exp:k=0.01  inv:k=0.01
              exp:rate=0.5,every=10  multistep:milestones=30;60;90,gamma=0.1
              warmup:steps=100+cosine:steps=1000,min=1e-5  onecycle:steps=1000""";

    /** A one-line summary of the grammar for a {@code --schedule} option's description. */
    public static final String SUMMARY = "NAME:KEY=VALUE,... chained with '+', for example "
            + "warmup:steps=100+cosine:steps=1000,min=1e-5 or step:every=30,gamma=0.1; parts without lr= start "
            + "from the optimizer's lr; all names: 'descent schedule --help'.";

    /** The grammar of {@link #parsePlateau}. */
    public static final String PLATEAU_GRAMMAR = """
            plateau[:mode=min|max,factor=0.1,patience=10,threshold=1e-4,threshold_mode=rel|abs,cooldown=0,
            min=0,eps=1e-8]  reduce-on-plateau with PyTorch ReduceLROnPlateau semantics (min is min_lr)""";

    private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("const", List.of("lr"));
        KEYS.put("step", List.of("lr", "every", "gamma"));
        KEYS.put("multistep", List.of("lr", "milestones", "gamma"));
        KEYS.put("exp", List.of("lr", "k", "rate", "every"));
        KEYS.put("inv", List.of("lr", "k"));
        KEYS.put("poly", List.of("lr", "steps", "power", "end"));
        KEYS.put("cosine", List.of("lr", "steps", "min"));
        KEYS.put("restarts", List.of("lr", "t0", "mult", "min"));
        KEYS.put("linear", List.of("lr", "steps", "start", "end"));
        KEYS.put("warmup", List.of("lr", "steps", "start"));
        KEYS.put("onecycle", List.of("lr", "steps", "pct", "div", "final_div"));
    }

    private static final List<String> PLATEAU_KEYS =
            List.of("mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min", "eps");

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("\\d+");

    private ScheduleSpec() {}

    /**
     * Parses a spec whose parts give their own rate with {@code lr=}.
     *
     * @throws IllegalArgumentException when the spec is malformed, or a part needs a rate and has no
     *     {@code lr=}
     */
    public static Schedule parse(String spec) {
        return parse(spec, Double.NaN);
    }

    /**
     * Parses a spec; parts without {@code lr=} start from {@code lr0} (normally the optimizer's lr).
     *
     * @param lr0 the base learning rate, finite, ≥ 0 (NaN: none, as {@link #parse(String)})
     * @throws IllegalArgumentException when the spec is malformed
     */
    public static Schedule parse(String spec, double lr0) {
        if (!Double.isNaN(lr0)) {
            Check.lr("lr0", lr0);
        }
        List<Part> parts = split(spec);
        for (Part p : parts) {
            if (p.name.equals("plateau")) {
                throw p.error("reduce-on-plateau reads a metric, so it is not a function of the step; "
                        + "it has its own option (ScheduleSpec.parsePlateau)");
            }
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            Part p = parts.get(i);
            if (!hasLength(p.name)) {
                throw p.error("'" + p.name + "' has no length, so nothing can follow it with '+'; only "
                        + "warmup, linear, poly, cosine and onecycle (which take steps=) can be followed");
            }
        }
        // build from the last part back: each earlier part hands over to the chain after it
        Schedule tail = null;
        for (int i = parts.size() - 1; i >= 0; i--) {
            Part p = parts.get(i);
            tail = build(p, lr0, tail);
        }
        return tail;
    }

    /**
     * Parses a reduce-on-plateau spec, {@code plateau[:key=value,...]} ({@link #PLATEAU_GRAMMAR}).
     *
     * @throws IllegalArgumentException when the spec is malformed
     */
    public static PlateauConfig parsePlateau(String spec) {
        List<Part> parts = split(spec);
        Part p = parts.get(0);
        if (parts.size() > 1) {
            throw parts.get(1).error("reduce-on-plateau cannot be chained with '+'");
        }
        if (!p.name.equals("plateau")) {
            throw p.error("expected 'plateau'");
        }
        PlateauConfig d = PlateauConfig.defaults();
        try {
            return new PlateauConfig(
                    p.word("mode", d.mode(), PlateauConfig.Mode.class),
                    p.num("factor", d.factor()),
                    (int) p.count("patience", d.patience(), Integer.MAX_VALUE),
                    p.num("threshold", d.threshold()),
                    p.word("threshold_mode", d.thresholdMode(), PlateauConfig.ThresholdMode.class),
                    (int) p.count("cooldown", d.cooldown(), Integer.MAX_VALUE),
                    p.num("min", d.minLr()),
                    p.num("eps", d.eps()));
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw p.translate(e.getMessage());
        }
    }

    // ---------------------------------------------------------------- building

    private static boolean hasLength(String name) {
        return switch (name) {
            case "warmup", "linear", "poly", "cosine", "onecycle" -> true;
            default -> false;
        };
    }

    private static Schedule build(Part p, double lr0, Schedule next) {
        try {
            if (p.name.equals("warmup")) {
                long steps = p.count("steps", -1, Long.MAX_VALUE);
                double start = p.num("start", 0);
                if (next == null) {
                    return Schedule.linearWarmup(p.lr(lr0), steps, start);
                }
                if (p.has("lr")) {
                    throw p.keyError("lr", "a warmup followed by '+' ramps to the first rate of the next part; "
                            + "give lr= to that part instead");
                }
                return Schedule.warmup(steps, start, next);
            }
            Schedule s = switch (p.name) {
                case "const" -> Schedule.constant(p.lr(lr0));
                case "step" -> Schedule.step(p.lr(lr0), p.count("every", -1, Long.MAX_VALUE), p.num("gamma", 0.1));
                case "multistep" -> Schedule.multiStep(p.lr(lr0), p.list("milestones"), p.num("gamma", 0.1));
                case "exp" -> exp(p, lr0);
                case "inv" -> Schedule.inverseTime(p.lr(lr0), p.num("k", Double.NaN));
                case "poly" -> Schedule.polynomial(p.lr(lr0), p.num("end", 0), p.num("power", 1),
                        p.count("steps", -1, Long.MAX_VALUE));
                case "cosine" -> Schedule.cosine(p.lr(lr0), p.count("steps", -1, Long.MAX_VALUE), p.num("min", 0));
                case "restarts" -> Schedule.cosineWarmRestarts(p.lr(lr0), p.count("t0", -1, Long.MAX_VALUE),
                        p.count("mult", 1, Long.MAX_VALUE), p.num("min", 0));
                case "linear" -> Schedule.linear(p.lr(lr0), p.num("start", 1.0 / 3), p.num("end", 1),
                        p.count("steps", -1, Long.MAX_VALUE));
                case "onecycle" -> Schedule.oneCycle(p.lr(lr0), p.count("steps", -1, Long.MAX_VALUE),
                        p.num("pct", 0.3), p.num("div", 25), p.num("final_div", 1e4));
                default -> throw new IllegalStateException("unhandled schedule name " + p.name);
            };
            return next == null ? s : s.then(length(p), next);
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw p.translate(e.getMessage());
        }
    }

    /** The spec key for each factory parameter that has another name there. */
    private static final Map<String, String> KEY_OF = Map.of(
            "lr0", "lr", "maxLr", "lr", "tMult", "mult", "startFactor", "start", "endFactor", "end",
            "pctStart", "pct", "divFactor", "div", "finalDivFactor", "final_div", "minLr", "min");

    private static Schedule exp(Part p, double lr0) {
        if (p.has("k") == p.has("rate")) {
            throw p.error("exp takes either k= (continuous, lr0*exp(-k*t)) or rate= (staircase, "
                    + "lr0*rate^floor(t/every)), not " + (p.has("k") ? "both" : "neither"));
        }
        if (p.has("k")) {
            if (p.has("every")) {
                throw p.keyError("every", "every= belongs to the staircase form exp:rate=R,every=T");
            }
            return Schedule.exponential(p.lr(lr0), p.num("k", Double.NaN));
        }
        return Schedule.exponentialStaircase(p.lr(lr0), p.num("rate", Double.NaN), p.count("every", 1, Long.MAX_VALUE));
    }

    private static long length(Part p) {
        return p.count("steps", -1, Long.MAX_VALUE);
    }

    // ---------------------------------------------------------------- lexing

    /** Splits the spec into parts at '+' (but not the '+' of an exponent such as 1e+5). */
    private static List<Part> split(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new SpecException("empty schedule spec; expected NAME[:KEY=VALUE,...], one of "
                    + String.join(", ", KEYS.keySet()));
        }
        List<Part> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= spec.length(); i++) {
            boolean end = i == spec.length();
            if (end || (spec.charAt(i) == '+' && !isExponentSign(spec, i))) {
                parts.add(Part.of(spec, start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    private static boolean isExponentSign(String s, int i) {
        return i >= 2 && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')
                && (Character.isDigit(s.charAt(i - 2)) || s.charAt(i - 2) == '.');
    }

    /** A malformed spec. */
    private static final class SpecException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SpecException(String message) {
            super(message);
        }
    }

    /** One part of a chain: a name and its key=value parameters, with their columns in the spec. */
    private static final class Part {
        final String spec;
        final String text;
        final int column; // 1-based column of the part's first character
        final String name;
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, Integer> columns = new LinkedHashMap<>();

        private Part(String spec, String text, int column, String name) {
            this.spec = spec;
            this.text = text;
            this.column = column;
            this.name = name;
        }

        static Part of(String spec, int from, int to) {
            int a = from;
            int b = to;
            while (a < b && Character.isWhitespace(spec.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(spec.charAt(b - 1))) {
                b--;
            }
            if (a == b) {
                String where = from == 0 ? "before the first '+'" : to == spec.length() ? "after the last '+'"
                        : "between two '+'";
                throw new SpecException("empty part " + where + " at column " + (from + 1) + " of schedule spec '"
                        + spec + "'; expected NAME[:KEY=VALUE,...]");
            }
            String text = spec.substring(a, b);
            int colon = text.indexOf(':');
            String name = (colon < 0 ? text : text.substring(0, colon)).strip();
            if (name.equals("constant")) {
                name = "const";
            }
            List<String> valid = name.equals("plateau") ? PLATEAU_KEYS : KEYS.get(name);
            if (valid == null) {
                throw new SpecException("unknown schedule '" + name + "' at column " + (a + 1) + " of '" + spec
                        + "'; valid names: " + String.join(", ", KEYS.keySet()));
            }
            Part p = new Part(spec, text, a + 1, name);
            if (colon < 0) {
                return p;
            }
            int i = colon + 1;
            while (true) {
                int comma = text.indexOf(',', i);
                int stop = comma < 0 ? text.length() : comma;
                p.param(text, i, stop, valid);
                if (comma < 0) {
                    break;
                }
                i = comma + 1;
            }
            return p;
        }

        private void param(String t, int from, int to, List<String> valid) {
            String raw = t.substring(from, to);
            String kv = raw.strip();
            int col = column + from + (raw.length() - raw.stripLeading().length());
            if (kv.isEmpty()) {
                throw new SpecException("empty KEY=VALUE at column " + col + " in '" + text + "'; valid keys for "
                        + name + ": " + String.join(", ", valid));
            }
            int eq = kv.indexOf('=');
            String key = (eq < 0 ? kv : kv.substring(0, eq)).strip();
            if (!valid.contains(key)) {
                throw new SpecException("unknown key '" + key + "' at column " + col + " in '" + text + "'; valid keys for "
                        + name + ": " + String.join(", ", valid));
            }
            if (eq < 0) {
                throw new SpecException("'" + kv + "' at column " + col + " in '" + text + "' needs a value: " + key
                        + "=VALUE");
            }
            String value = kv.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw new SpecException("'" + kv + "' at column " + col + " in '" + text + "' has an empty value");
            }
            if (values.containsKey(key)) {
                throw new SpecException("key '" + key + "' given twice in '" + text + "' (again at column " + col + ")");
            }
            values.put(key, value);
            columns.put(key, col);
        }

        boolean has(String key) {
            return values.containsKey(key);
        }

        /** The part's rate: its lr= if given, else lr0; an error when neither exists. */
        double lr(double lr0) {
            if (has("lr")) {
                return num("lr", Double.NaN);
            }
            if (Double.isNaN(lr0)) {
                throw error("no learning rate: add lr=RATE to it, or give a base rate (--lr, the optimizer's lr)");
            }
            return lr0;
        }

        /** A number, or {@code dflt} when absent (NaN: required). */
        double num(String key, double dflt) {
            String v = values.get(key);
            if (v == null) {
                if (Double.isNaN(dflt)) {
                    throw error("missing " + key + "=NUMBER");
                }
                return dflt;
            }
            if (!NUMBER.matcher(v).matches()) {
                throw keyError(key, "'" + v + "' is not a number");
            }
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw keyError(key, "'" + v + "' is out of range");
            }
            return d;
        }

        /** A whole number in [0, max], or {@code dflt} when absent (negative: required). */
        long count(String key, long dflt, long max) {
            String v = values.get(key);
            if (v == null) {
                if (dflt < 0) {
                    throw error("missing " + key + "=STEPS");
                }
                return dflt;
            }
            return whole(key, v, max);
        }

        private long whole(String key, String v, long max) {
            if (WHOLE.matcher(v).matches()) {
                try {
                    long n = Long.parseLong(v);
                    if (n <= max) {
                        return n;
                    }
                } catch (NumberFormatException tooLarge) {
                    // more digits than a long holds: reported below
                }
                throw keyError(key, "'" + v + "' is too large (at most " + max + ")");
            }
            if (NUMBER.matcher(v).matches()) {
                double d = Double.parseDouble(v);
                if (d == Math.rint(d) && d >= 0 && d <= Math.min(max, 1L << 53)) {
                    return (long) d;
                }
                throw keyError(key, "'" + v + "' is not a whole number of steps in [0, " + max + "]");
            }
            throw keyError(key, "'" + v + "' is not a whole number");
        }

        /** A ';'-separated list of whole numbers (required). */
        long[] list(String key) {
            String v = values.get(key);
            if (v == null) {
                throw error("missing " + key + "=S1;S2;...");
            }
            String[] items = v.split(";", -1);
            long[] out = new long[items.length];
            for (int i = 0; i < items.length; i++) {
                out[i] = whole(key, items[i].strip(), Long.MAX_VALUE);
            }
            return out;
        }

        /** One of an enum's constants, written in lower case. */
        <E extends Enum<E>> E word(String key, E dflt, Class<E> type) {
            String v = values.get(key);
            if (v == null) {
                return dflt;
            }
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                String n = e.name().toLowerCase(Locale.ROOT);
                if (n.equals(v)) {
                    return e;
                }
                names.add(n);
            }
            throw keyError(key, "'" + v + "' is not one of " + String.join(", ", names));
        }

        SpecException error(String message) {
            return new SpecException("'" + text + "' at column " + column + " of schedule spec '" + spec + "': "
                    + message);
        }

        /**
         * A factory's message ("gamma must be ...") pointed at the key it names, or at the part
         * when the key was not written (a default, or the base rate).
         */
        SpecException translate(String message) {
            int sp = message.indexOf(' ');
            String param = sp < 0 ? message : message.substring(0, sp);
            String key = KEY_OF.getOrDefault(param, param);
            if (has(key)) {
                return keyError(key, key + message.substring(param.length()));
            }
            return error(message);
        }

        SpecException keyError(String key, String message) {
            return new SpecException(key + "= at column " + columns.get(key) + " in '" + text + "': " + message);
        }
    }
}
