package dev.descent.stochastic;

import dev.descent.spec.Entry;
import dev.descent.spec.Registry;
import java.util.List;

/**
 * The stochastic quasi-Newton methods by name, and their text form {@code name[:key=value,...]} as
 * the command line writes them: {@code mb-lbfgs:overlap=0.25,memory=10,damping=0.2},
 * {@code pb-lbfgs:theta=0.9,test=norm}, {@code sqn:every=20,hessian_batch=4096}.
 *
 * <p>Everything here is derived from the records' spec entries, the one source of names, keys,
 * defaults and help ({@link #usage()} lists them): {@code mb-lbfgs} ({@link MultiBatchLbfgs}),
 * {@code pb-lbfgs} ({@link ProgressiveBatchLbfgs}), {@code sqn} ({@link Sqn}) and the negative
 * control {@code naive-lbfgs} ({@link NaiveLbfgs}). Names, keys and words are case-insensitive;
 * errors quote the wrong fragment and its column in the format every spec of descent uses
 * ({@link dev.descent.spec.SpecException}, an {@link IllegalArgumentException}). {@link #spec}
 * writes a configuration back with every key, so that {@code parse(spec(c)).equals(c)}.
 */
public final class StochasticMethods {

    /** Every method's entry, in the order {@link #names()} lists them. */
    private static final Registry<SampledConfig> REGISTRY = Registry.of("optimizer",
            List.of(MultiBatchLbfgs.ENTRY, ProgressiveBatchLbfgs.ENTRY, Sqn.ENTRY, NaiveLbfgs.ENTRY));

    private StochasticMethods() {}

    /**
     * The registry itself, for code that handles specs of several kinds alike (help texts, a flag
     * that also takes first-order optimizers: {@link Registry#accepts}).
     *
     * @return the registry of the sampled methods
     */
    public static Registry<SampledConfig> registry() {
        return REGISTRY;
    }

    /** {@return the method names: mb-lbfgs, pb-lbfgs, sqn, naive-lbfgs} */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * Every method's entry: name, keys with their defaults and help, one-line summary.
     *
     * @return the entries, in the order of {@link #names()}
     */
    public static List<Entry<? extends SampledConfig>> entries() {
        return REGISTRY.entries();
    }

    /**
     * Help text derived from the entries: one line per method, {@code name[:key=default,...]  summary}.
     *
     * @return the lines
     */
    public static List<String> usage() {
        return REGISTRY.usage();
    }

    /**
     * Whether {@code spec}'s name (before any ':') is one of {@link #names()}, in any case.
     *
     * @param spec a spec such as {@code sqn:every=10}, possibly null or malformed
     * @return true for a stochastic quasi-Newton method
     */
    public static boolean isSampled(String spec) {
        return REGISTRY.accepts(spec);
    }

    /**
     * Parses {@code name[:key=value,...]}; keys not given take the record's defaults.
     *
     * @param spec the text
     * @return the validated configuration
     * @throws dev.descent.spec.SpecException quoting the bad fragment and its column, and listing
     *     the valid names, keys, words or the valid range
     */
    public static SampledConfig parse(String spec) {
        return REGISTRY.parse(spec);
    }

    /**
     * The text form of a configuration, which {@link #parse} reads back to an equal record.
     *
     * @param c the configuration
     * @return its spec with every key
     */
    public static String spec(SampledConfig c) {
        return REGISTRY.spec(c);
    }
}
