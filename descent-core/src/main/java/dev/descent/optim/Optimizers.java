package dev.descent.optim;

import dev.descent.spec.Entry;
import dev.descent.spec.Registry;
import dev.descent.spec.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimizers by name, and their text form {@code name[:key=value,...]}, for example
 * {@code adam:lr=1e-3,beta2=0.99} or {@code sgd:lr=0.1,momentum=0.9,nesterov=true}.
 *
 * <p>Everything here is derived from the records' spec entries, the one source of names, keys,
 * defaults and help ({@link #usage()} lists them): {@code sgd, momentum, nesterov, adagrad, rmsprop,
 * adam, adamw, nadam, radam, adamax, adadelta, lion}, where {@code momentum} and {@code nesterov}
 * are SGD presets with μ = 0.9. Keys are PyTorch's argument names and, on every optimizer,
 * {@code weight_decay, maximize, clip_norm, clip_value}; {@code weight_decay} is decoupled for
 * {@code adamw} and {@code lion}, which take coupled decay as {@code coupled_weight_decay}. Unset
 * keys take PyTorch's defaults (SGD's learning rate defaults to 0.01).
 *
 * <p>Names, keys and the words {@code true}/{@code false} are case-insensitive; values must be
 * finite numbers. Errors quote the wrong fragment and its column
 * ({@link dev.descent.spec.SpecException}). {@link #spec} writes a configuration back in this form,
 * under the preset name it matches ({@code momentum} stays {@code momentum}), with every key of the
 * optimizer and the shared options that are set, so that {@code parse(spec(c)).equals(c)}.
 */
public final class Optimizers {

    /** Every optimizer's entry, in the order {@link #names()} lists them. */
    static final Registry<OptimizerConfig> REGISTRY = Registry.of("optimizer", List.of(
            Sgd.SGD, Sgd.MOMENTUM, Sgd.NESTEROV, AdaGrad.ENTRY, RmsProp.ENTRY, Adam.ENTRY, AdamW.ENTRY, NAdam.ENTRY,
            RAdam.ENTRY, Adamax.ENTRY, AdaDelta.ENTRY, Lion.ENTRY));

    private Optimizers() {}

    /**
     * Which update kernels this JVM uses: the Vector API ones (when the {@code jdk.incubator.vector}
     * module is present) or the scalar fallback. Both give bit-identical results.
     *
     * @return a one-line description
     */
    public static String kernels() {
        return Kernels.describe();
    }

    /**
     * The registry itself, for code that handles specs of several kinds alike (help texts, a flag
     * that also takes methods of another registry: {@link Registry#accepts}).
     *
     * @return the optimizer registry
     */
    public static Registry<OptimizerConfig> registry() {
        return REGISTRY;
    }

    /** {@return the names {@link #named} and {@link #parse} accept, in order} */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * Every optimizer's entry: name, keys with their defaults and help, one-line summary. Help texts
     * and completion lists are derived from these.
     *
     * @return the entries, in the order of {@link #names()}
     */
    public static List<Entry<? extends OptimizerConfig>> entries() {
        return REGISTRY.entries();
    }

    /**
     * Help text derived from the entries: one line per optimizer, {@code name[:key=default,...]
     * summary}, then one line naming the keys every optimizer shares.
     *
     * @return the lines
     */
    public static List<String> usage() {
        List<String> lines = new ArrayList<>(REGISTRY.usage());
        List<String> decoupled = new ArrayList<>();
        for (Entry<? extends OptimizerConfig> e : REGISTRY.entries()) {
            if (e.keys().contains("coupled_weight_decay")) {
                decoupled.add(e.name());
            }
        }
        lines.add("every optimizer also takes weight_decay (coupled; coupled_weight_decay for "
                + String.join(", ", decoupled) + ", whose weight_decay is decoupled), maximize, clip_norm, clip_value");
        return lines;
    }

    /**
     * The optimizer with this name and its defaults.
     *
     * @param name a name of {@link #names()}, in any case
     * @return the configuration
     * @throws IllegalArgumentException for an unknown name or a spec with keys
     */
    public static OptimizerConfig named(String name) {
        Token t = Token.of("optimizer", name);
        if (t.indexOf(':') >= 0) {
            throw t.error("a spec, not a name; use Optimizers.parse for specs");
        }
        return REGISTRY.parse(name);
    }

    /**
     * Parses {@code name[:key=value,...]}.
     *
     * @param spec the spec
     * @return the configuration
     * @throws dev.descent.spec.SpecException quoting the bad fragment and its column, and listing the
     *     valid names or keys
     */
    public static OptimizerConfig parse(String spec) {
        return REGISTRY.parse(spec);
    }

    /**
     * The text form of a configuration, which {@link #parse} reads back to an equal record: the
     * name of the entry it matches ({@code nesterov} for SGD with Nesterov momentum, {@code momentum}
     * for SGD with momentum), every key of the optimizer, then the shared options that are set.
     *
     * @param config the configuration
     * @return the spec
     */
    public static String spec(OptimizerConfig config) {
        Check.notNull("config", config);
        return REGISTRY.spec(config);
    }

    /** The family name of a configuration: the first entry of its record. */
    static String family(OptimizerConfig config) {
        for (Entry<? extends OptimizerConfig> e : REGISTRY.entries()) {
            if (e.type() == config.getClass()) {
                return e.name();
            }
        }
        throw new IllegalStateException("no entry for " + config.getClass().getSimpleName());
    }
}
