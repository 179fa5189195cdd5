package dev.descent.schedule;

import dev.descent.spec.Pairs;
import dev.descent.spec.SpecException;
import dev.descent.spec.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * <p><b>Errors and case.</b> A malformed spec throws a {@link SpecException} (an
 * {@link IllegalArgumentException}) with a one-line message in the format shared by every spec
 * ({@link Token#error}): it quotes the wrong fragment, gives its column (1 = the first character)
 * and lists the valid names or keys. Names, keys and words ignore case. Values must be finite, and
 * a schedule never grows without bound ({@link Schedule}).
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


    private ScheduleSpec() {}

    /**
     * Parses a spec whose parts give their own rate with {@code lr=}.
     *
     * @param spec the spec
     * @return the schedule
     * @throws SpecException when the spec is malformed, or a part needs a rate and has no
     *     {@code lr=}
     */
    public static Schedule parse(String spec) {
        return parse(spec, Double.NaN);
    }

    /**
     * Parses a spec; parts without {@code lr=} start from {@code lr0} (normally the optimizer's lr).
     *
     * @param spec the spec
     * @param lr0 the base learning rate, finite, ≥ 0 (NaN: none, as {@link #parse(String)})
     * @return the schedule
     * @throws SpecException when the spec is malformed
     */
    public static Schedule parse(String spec, double lr0) {
        if (!Double.isNaN(lr0)) {
            Check.lr("lr0", lr0);
        }
        List<Part> parts = split(spec);
        for (Part p : parts) {
            if (p.name.equals("plateau")) {
                throw p.token.error("reduce-on-plateau reads a metric, so it is not a function of the step; "
                        + "give it on its own (plateau[:KEY=VALUE,...]) instead of in a chain or a step schedule");
            }
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            Part p = parts.get(i);
            if (!hasLength(p.name)) {
                throw p.token.error("'" + p.name + "' has no length, so nothing can follow it with '+'; only "
                        + "warmup, linear, poly, cosine and onecycle (which take steps=) can be followed");
            }
        }
        // build from the last part back: each earlier part hands over to the chain after it
        Schedule tail = null;
        for (int i = parts.size() - 1; i >= 0; i--) {
            tail = build(parts.get(i), lr0, tail);
        }
        return tail;
    }

    /**
     * Parses a reduce-on-plateau spec, {@code plateau[:key=value,...]} ({@link #PLATEAU_GRAMMAR}).
     *
     * @param spec the spec
     * @return the settings
     * @throws SpecException when the spec is malformed
     */
    public static PlateauConfig parsePlateau(String spec) {
        List<Part> parts = split(spec);
        Part p = parts.get(0);
        if (parts.size() > 1) {
            throw parts.get(1).token.error("reduce-on-plateau cannot be chained with '+'");
        }
        if (!p.name.equals("plateau")) {
            throw p.token.error("expected 'plateau'");
        }
        PlateauConfig d = PlateauConfig.defaults();
        Pairs v = p.pairs;
        try {
            return new PlateauConfig(
                    v.word("mode", d.mode(), PlateauConfig.Mode.class),
                    v.real("factor", d.factor()),
                    (int) v.whole("patience", d.patience(), 0, Integer.MAX_VALUE),
                    v.real("threshold", d.threshold()),
                    v.word("threshold_mode", d.thresholdMode(), PlateauConfig.ThresholdMode.class),
                    (int) v.whole("cooldown", d.cooldown(), 0, Integer.MAX_VALUE),
                    v.real("min", d.minLr()),
                    v.real("eps", d.eps()));
        } catch (IllegalArgumentException e) {
            throw v.translate(e, KEY_OF);
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
        Pairs v = p.pairs;
        try {
            if (p.name.equals("warmup")) {
                long steps = p.steps("steps");
                double start = v.real("start", 0);
                if (next == null) {
                    return Schedule.linearWarmup(p.lr(lr0), steps, start);
                }
                if (v.has("lr")) {
                    throw v.error("lr", "a warmup followed by '+' ramps to the first rate of the next part; "
                            + "give lr= to that part instead");
                }
                return Schedule.warmup(steps, start, next);
            }
            Schedule s = switch (p.name) {
                case "const" -> Schedule.constant(p.lr(lr0));
                case "step" -> Schedule.step(p.lr(lr0), p.steps("every"), v.real("gamma", 0.1));
                case "multistep" -> Schedule.multiStep(p.lr(lr0), v.wholeList("milestones", ';', 0, Long.MAX_VALUE),
                        v.real("gamma", 0.1));
                case "exp" -> exp(p, lr0);
                case "inv" -> Schedule.inverseTime(p.lr(lr0), p.required("k"));
                case "poly" -> Schedule.polynomial(p.lr(lr0), v.real("end", 0), v.real("power", 1), p.steps("steps"));
                case "cosine" -> Schedule.cosine(p.lr(lr0), p.steps("steps"), v.real("min", 0));
                case "restarts" -> Schedule.cosineWarmRestarts(p.lr(lr0), p.steps("t0"),
                        v.whole("mult", 1, 0, Long.MAX_VALUE), v.real("min", 0));
                case "linear" -> Schedule.linear(p.lr(lr0), v.real("start", 1.0 / 3), v.real("end", 1),
                        p.steps("steps"));
                case "onecycle" -> Schedule.oneCycle(p.lr(lr0), p.steps("steps"), v.real("pct", 0.3),
                        v.real("div", 25), v.real("final_div", 1e4));
                default -> throw new IllegalStateException("unhandled schedule name " + p.name);
            };
            return next == null ? s : s.then(p.steps("steps"), next);
        } catch (IllegalArgumentException e) {
            throw v.translate(e, KEY_OF);
        }
    }

    /** The spec key for each factory parameter that has another name there. */
    private static final Map<String, String> KEY_OF = Map.of(
            "lr0", "lr", "maxLr", "lr", "tMult", "mult", "startFactor", "start", "endFactor", "end",
            "pctStart", "pct", "divFactor", "div", "finalDivFactor", "final_div", "minLr", "min",
            "pctStart·steps", "pct·steps");

    private static Schedule exp(Part p, double lr0) {
        Pairs v = p.pairs;
        if (v.has("k") == v.has("rate")) {
            throw p.token.error("exp takes either k= (continuous, lr0*exp(-k*t)) or rate= (staircase, "
                    + "lr0*rate^floor(t/every)), not " + (v.has("k") ? "both" : "neither"));
        }
        if (v.has("k")) {
            if (v.has("every")) {
                throw v.error("every", "every= belongs to the staircase form exp:rate=R,every=T");
            }
            return Schedule.exponential(p.lr(lr0), p.required("k"));
        }
        return Schedule.exponentialStaircase(p.lr(lr0), p.required("rate"), v.whole("every", 1, 0, Long.MAX_VALUE));
    }

    // ---------------------------------------------------------------- lexing

    /** Splits the spec into parts at '+' (but not the '+' of an exponent such as 1e+5). */
    private static List<Part> split(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new SpecException("empty schedule spec; expected NAME[:KEY=VALUE,...], one of "
                    + String.join(", ", KEYS.keySet()));
        }
        List<Token> tokens = new Token("schedule", spec, 0, spec.length()).split('+');
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isEmpty()) {
                String where = i == 0 ? "before the first '+'" : i == tokens.size() - 1 ? "after the last '+'"
                        : "between two '+'";
                throw t.error("empty part " + where + "; expected NAME[:KEY=VALUE,...]");
            }
            parts.add(Part.of(t));
        }
        return parts;
    }

    /** One part of a chain: its name and its key=value pairs. */
    private static final class Part {
        final Token token;
        final String name;
        final Pairs pairs;

        private Part(Token token, String name, Pairs pairs) {
            this.token = token;
            this.name = name;
            this.pairs = pairs;
        }

        static Part of(Token t) {
            int colon = t.indexOf(':');
            Token nameToken = (colon < 0 ? t : t.sub(0, colon)).strip();
            String name = nameToken.lower();
            if (name.equals("constant")) {
                name = "const";
            }
            List<String> valid = name.equals("plateau") ? PLATEAU_KEYS : KEYS.get(name);
            if (valid == null) {
                throw nameToken.error("unknown schedule '" + Token.quote(nameToken.text(), 40) + "'; valid names: "
                        + String.join(", ", KEYS.keySet()) + " (and plateau on its own)");
            }
            if (colon < 0) {
                return new Part(t, name, Pairs.none(t, name));
            }
            Token list = t.sub(colon + 1, t.to() - t.from()).strip();
            if (list.isEmpty()) {
                throw t.error("nothing after ':'; valid keys for " + name + ": " + String.join(", ", valid));
            }
            return new Part(t, name, Pairs.parse(t, list, ',', name, valid));
        }

        /** The part's rate: its lr= if given, else lr0; an error when neither exists. */
        double lr(double lr0) {
            if (pairs.has("lr")) {
                return pairs.real("lr", Double.NaN);
            }
            if (Double.isNaN(lr0)) {
                throw token.error("no learning rate: add lr=RATE to it, or give a base rate (--lr, the optimizer's lr)");
            }
            return lr0;
        }

        /** A number that must be given. */
        double required(String key) {
            if (!pairs.has(key)) {
                throw token.error("missing " + key + "=NUMBER");
            }
            return pairs.real(key, Double.NaN);
        }

        /** A step count that must be given. */
        long steps(String key) {
            if (!pairs.has(key)) {
                throw token.error("missing " + key + "=STEPS");
            }
            return pairs.whole(key, 0, 0, Long.MAX_VALUE);
        }
    }
}
