package dev.descent.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The optimizers by name, and their text form {@code name[:key=value,...]}, for example
 * {@code adam:lr=1e-3,beta2=0.99} or {@code sgd:lr=0.1,momentum=0.9,nesterov=true}.
 *
 * <p>Names: {@code sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, nadam, radam, adamax,
 * adadelta, lion}. {@code momentum} and {@code nesterov} are SGD presets with μ = 0.9. Keys are
 * PyTorch's argument names ({@code lr, momentum, dampening, nesterov, lr_decay,
 * initial_accumulator_value, eps, alpha, centered, bias_correction, beta1, beta2, amsgrad,
 * momentum_decay, rho}) and, on every optimizer, {@code weight_decay, maximize, clip_norm,
 * clip_value}. {@code weight_decay} is decoupled for {@code adamw} and {@code lion}, coupled
 * elsewhere; those two take coupled decay as {@code coupled_weight_decay}. Unset keys take
 * PyTorch's defaults; SGD's learning rate defaults to 0.01. {@link #spec} writes a configuration
 * back in this form.
 */
public final class Optimizers {

    private static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam",
            "adamw", "nadam", "radam", "adamax", "adadelta", "lion");

    private Optimizers() {}

    /**
     * Which update kernels this JVM uses: the Vector API ones (when the {@code jdk.incubator.vector}
     * module is present) or the scalar fallback. Both give bit-identical results.
     */
    public static String kernels() {
        return Kernels.describe();
    }

    /** The names {@link #named} and {@link #parse} accept. */
    public static List<String> names() {
        return NAMES;
    }

    /** The optimizer with this name and its defaults. */
    public static OptimizerConfig named(String name) {
        Check.notNull("name", name);
        if (name.contains(":")) {
            throw new IllegalArgumentException("'" + name + "' is a spec, not a name; use Optimizers.parse");
        }
        return parse(name);
    }

    /**
     * Parses {@code name[:key=value,...]}.
     *
     * @throws IllegalArgumentException naming the bad part (and listing the valid names or keys)
     */
    public static OptimizerConfig parse(String spec) {
        Check.notNull("spec", spec);
        String text = spec.strip();
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "' in '" + spec + "'; valid names: "
                    + String.join(", ", NAMES));
        }
        Spec s = new Spec(spec, name, colon < 0 ? "" : text.substring(colon + 1));
        OptimizerConfig config;
        try {
            config = build(s);
        } catch (BadValue e) {
            throw e;
        } catch (IllegalArgumentException e) {
            s.rejectUnknown();
            throw new IllegalArgumentException("bad optimizer spec '" + spec + "': " + e.getMessage(), e);
        }
        s.rejectUnknown();
        return config;
    }

    /**
     * The text form of a configuration, which {@link #parse} reads back to an equal record: the
     * optimizer's own keys, then the shared options that differ from {@link Options#NONE}.
     *
     * @throws IllegalArgumentException for a configuration that is not one of descent's records
     */
    public static String spec(OptimizerConfig config) {
        Check.notNull("config", config);
        StringBuilder b = new StringBuilder();
        String coupled = "weight_decay";
        switch (config) {
            case Sgd c -> {
                b.append("sgd");
                key(b, "lr", c.lr());
                key(b, "momentum", c.momentum());
                key(b, "dampening", c.dampening());
                key(b, "nesterov", c.nesterov());
            }
            case AdaGrad c -> {
                b.append("adagrad");
                key(b, "lr", c.lr());
                key(b, "lr_decay", c.lrDecay());
                key(b, "initial_accumulator_value", c.initialAccumulatorValue());
                key(b, "eps", c.eps());
            }
            case RmsProp c -> {
                b.append("rmsprop");
                key(b, "lr", c.lr());
                key(b, "alpha", c.alpha());
                key(b, "eps", c.eps());
                key(b, "momentum", c.momentum());
                key(b, "centered", c.centered());
                key(b, "bias_correction", c.biasCorrection());
            }
            case Adam c -> {
                b.append("adam");
                key(b, "lr", c.lr());
                key(b, "beta1", c.beta1());
                key(b, "beta2", c.beta2());
                key(b, "eps", c.eps());
                key(b, "amsgrad", c.amsgrad());
            }
            case AdamW c -> {
                b.append("adamw");
                key(b, "lr", c.lr());
                key(b, "beta1", c.beta1());
                key(b, "beta2", c.beta2());
                key(b, "eps", c.eps());
                key(b, "weight_decay", c.weightDecay());
                key(b, "amsgrad", c.amsgrad());
                coupled = "coupled_weight_decay";
            }
            case NAdam c -> {
                b.append("nadam");
                key(b, "lr", c.lr());
                key(b, "beta1", c.beta1());
                key(b, "beta2", c.beta2());
                key(b, "eps", c.eps());
                key(b, "momentum_decay", c.momentumDecay());
            }
            case RAdam c -> {
                b.append("radam");
                key(b, "lr", c.lr());
                key(b, "beta1", c.beta1());
                key(b, "beta2", c.beta2());
                key(b, "eps", c.eps());
            }
            case Adamax c -> {
                b.append("adamax");
                key(b, "lr", c.lr());
                key(b, "beta1", c.beta1());
                key(b, "beta2", c.beta2());
                key(b, "eps", c.eps());
            }
            case AdaDelta c -> {
                b.append("adadelta");
                key(b, "lr", c.lr());
                key(b, "rho", c.rho());
                key(b, "eps", c.eps());
            }
            case Lion c -> {
                b.append("lion");
                key(b, "lr", c.lr());
                key(b, "beta1", c.beta1());
                key(b, "beta2", c.beta2());
                key(b, "weight_decay", c.weightDecay());
                coupled = "coupled_weight_decay";
            }
            default -> throw new IllegalArgumentException("not one of descent's optimizers: " + config.getClass().getName());
        }
        Options o = config.options();
        if (o.weightDecay() != 0) {
            key(b, coupled, o.weightDecay());
        }
        if (o.maximize()) {
            key(b, "maximize", true);
        }
        if (o.clipNorm() != Double.POSITIVE_INFINITY) {
            key(b, "clip_norm", o.clipNorm());
        }
        if (o.clipValue() != Double.POSITIVE_INFINITY) {
            key(b, "clip_value", o.clipValue());
        }
        return b.toString();
    }

    /** Appends {@code :key=value} (the first) or {@code ,key=value}. */
    private static void key(StringBuilder b, String key, Object value) {
        b.append(b.indexOf(":") < 0 ? ':' : ',').append(key).append('=').append(value);
    }

    private static OptimizerConfig build(Spec s) {
        OptimizerConfig c = switch (s.name) {
            case "sgd", "momentum", "nesterov" -> {
                double mu0 = s.name.equals("sgd") ? 0 : 0.9;
                double lr = s.real("lr", 0.01);
                double mu = s.real("momentum", mu0);
                double damp = s.real("dampening", 0);
                boolean nesterov = s.bool("nesterov", s.name.equals("nesterov"));
                yield new Sgd(lr, mu, damp, nesterov, Options.NONE);
            }
            case "adagrad" -> new AdaGrad(s.real("lr", 0.01), s.real("lr_decay", 0),
                    s.real("initial_accumulator_value", 0), s.real("eps", 1e-10), Options.NONE);
            case "rmsprop" -> new RmsProp(s.real("lr", 0.01), s.real("alpha", 0.99), s.real("eps", 1e-8),
                    s.real("momentum", 0), s.bool("centered", false), s.bool("bias_correction", false), Options.NONE);
            case "adam" -> new Adam(s.real("lr", 1e-3), s.real("beta1", 0.9), s.real("beta2", 0.999),
                    s.real("eps", 1e-8), s.bool("amsgrad", false), Options.NONE);
            case "adamw" -> new AdamW(s.real("lr", 1e-3), s.real("beta1", 0.9), s.real("beta2", 0.999),
                    s.real("eps", 1e-8), s.real("weight_decay", 0.01), s.bool("amsgrad", false), Options.NONE);
            case "nadam" -> new NAdam(s.real("lr", 2e-3), s.real("beta1", 0.9), s.real("beta2", 0.999),
                    s.real("eps", 1e-8), s.real("momentum_decay", 4e-3), Options.NONE);
            case "radam" -> new RAdam(s.real("lr", 1e-3), s.real("beta1", 0.9), s.real("beta2", 0.999),
                    s.real("eps", 1e-8), Options.NONE);
            case "adamax" -> new Adamax(s.real("lr", 2e-3), s.real("beta1", 0.9), s.real("beta2", 0.999),
                    s.real("eps", 1e-8), Options.NONE);
            case "adadelta" -> new AdaDelta(s.real("lr", 1.0), s.real("rho", 0.9), s.real("eps", 1e-6), Options.NONE);
            case "lion" -> new Lion(s.real("lr", 1e-4), s.real("beta1", 0.9), s.real("beta2", 0.99),
                    s.real("weight_decay", 0), Options.NONE);
            default -> throw new IllegalStateException(s.name);
        };
        boolean decoupled = s.name.equals("adamw") || s.name.equals("lion");
        double wd = decoupled ? s.real("coupled_weight_decay", 0) : s.real("weight_decay", 0);
        Options o = new Options(wd, s.bool("maximize", false), s.real("clip_norm", Double.POSITIVE_INFINITY),
                s.real("clip_value", Double.POSITIVE_INFINITY));
        return c.withOptions(o);
    }

    /** A value that does not parse: its message is complete. */
    private static final class BadValue extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message);
        }
    }

    /** The key=value pairs of one spec, and the keys its optimizer asked for. */
    private static final class Spec {
        final String text;
        final String name;
        final Map<String, String> values = new LinkedHashMap<>();
        final Set<String> valid = new LinkedHashSet<>();

        Spec(String text, String name, String pairs) {
            this.text = text;
            this.name = name;
            if (pairs.isBlank()) {
                if (text.contains(":")) {
                    throw new IllegalArgumentException("empty parameter list after ':' in '" + text
                            + "'; write name or name:key=value,...");
                }
                return;
            }
            for (String pair : pairs.split(",", -1)) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair.strip() : pair.substring(0, eq).strip();
                String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
                if (eq < 0 || key.isEmpty() || value.isEmpty()) {
                    throw new IllegalArgumentException("expected key=value but got '" + pair.strip() + "' in '" + text
                            + "'");
                }
                if (values.put(key, value) != null) {
                    throw new IllegalArgumentException("key '" + key + "' given twice in '" + text + "'");
                }
            }
        }

        double real(String key, double defaultValue) {
            valid.add(key);
            String v = values.get(key);
            if (v == null) {
                return defaultValue;
            }
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new BadValue("bad value '" + v + "' for " + key + " in '" + text + "': expected a number");
            }
        }

        boolean bool(String key, boolean defaultValue) {
            valid.add(key);
            String v = values.get(key);
            if (v == null) {
                return defaultValue;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new BadValue("bad value '" + v + "' for " + key + " in '" + text
                        + "': expected true or false");
            };
        }

        void rejectUnknown() {
            List<String> unknown = new ArrayList<>();
            Set<String> keys = allKeys();
            for (String k : values.keySet()) {
                if (!keys.contains(k)) {
                    unknown.add(k);
                }
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown key" + (unknown.size() > 1 ? "s " : " ")
                        + String.join(", ", unknown) + " for " + name + " in '" + text + "'; valid keys: "
                        + String.join(", ", allKeys()));
            }
        }

        /** Every key this optimizer reads (the common ones are asked for after the specific ones). */
        private Set<String> allKeys() {
            Set<String> all = new LinkedHashSet<>(valid);
            all.add(name.equals("adamw") || name.equals("lion") ? "coupled_weight_decay" : "weight_decay");
            all.add("maximize");
            all.add("clip_norm");
            all.add("clip_value");
            return all;
        }
    }
}
