package dev.descent.optim;

import dev.descent.spec.Entry;
import dev.descent.spec.Param;
import dev.descent.spec.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The spec keys the optimizer records share (with one help text each), and the entry builder that
 * appends the shared {@link Options} keys to a record's own.
 */
final class Keys {

    private Keys() {}

    static <C> Param<C> lr(Function<C, Double> getter) {
        return Param.real("lr", getter, "learning rate, finite, ≥ 0");
    }

    static <C> Param<C> beta1(Function<C, Double> getter) {
        return Param.real("beta1", getter, "decay of the first moment m, in [0, 1)");
    }

    static <C> Param<C> beta2(Function<C, Double> getter) {
        return Param.real("beta2", getter, "decay of the second moment v, in [0, 1)");
    }

    static <C> Param<C> eps(Function<C, Double> getter) {
        return Param.real("eps", getter, "ε added to the denominator, finite, > 0");
    }

    /**
     * The keys the Adam family shares, lr, beta1, beta2 and eps, followed by the record's own.
     *
     * @param own the record's further keys
     * @return the keys, in that order
     */
    @SafeVarargs
    static <C> List<Param<C>> adamFamily(Function<C, Double> lr, Function<C, Double> beta1, Function<C, Double> beta2,
            Function<C, Double> eps, Param<C>... own) {
        List<Param<C>> keys = new ArrayList<>(List.of(lr(lr), beta1(beta1), beta2(beta2), eps(eps)));
        keys.addAll(List.of(own));
        return List.copyOf(keys);
    }

    static <C> Param<C> decoupledDecay(Function<C, Double> getter) {
        return Param.real("weight_decay", getter, "decoupled weight decay λ (θ ← θ(1 − lr·λ)), finite, ≥ 0");
    }

    /**
     * The key of the coupled weight decay of {@link Options} for a configuration: {@code
     * coupled_weight_decay} where the record's own {@code weight_decay} is decoupled, else
     * {@code weight_decay} (read from its entry's keys).
     */
    static String coupledDecayKey(OptimizerConfig c) {
        return Optimizers.REGISTRY.entryFor(c).keys().contains(COUPLED) ? COUPLED : "weight_decay";
    }

    private static final String COUPLED = "coupled_weight_decay";

    /**
     * An optimizer's entry: its own keys, then the shared options ({@code weight_decay} or, where the
     * record has a decoupled {@code weight_decay}, {@code coupled_weight_decay}; {@code maximize},
     * {@code clip_norm}, {@code clip_value}), which specs print only when set.
     */
    static <C extends OptimizerConfig> Entry<C> entry(String name, Class<C> type, C defaults, String summary,
            List<Param<C>> own, BiFunction<Values, Options, C> build) {
        boolean decoupled = own.stream().anyMatch(p -> p.key().equals("weight_decay"));
        String wd = decoupled ? COUPLED : "weight_decay";
        List<Param<C>> params = new ArrayList<>(own);
        params.add(Param.<C>real(wd, c -> c.options().weightDecay(),
                "coupled (L2) weight decay λ, g ← g + λθ, finite, ≥ 0").whenSet());
        params.add(Param.<C>bool("maximize", c -> c.options().maximize(), "ascend instead of descend").whenSet());
        params.add(Param.<C>real("clip_norm", c -> c.options().clipNorm(),
                "clip the gradient's global norm to this, finite, > 0 (off when absent)").whenSet());
        params.add(Param.<C>real("clip_value", c -> c.options().clipValue(),
                "clip each gradient entry to ±this, finite, > 0 (off when absent)").whenSet());
        return Entry.of(name, type, defaults, summary, params, v -> build.apply(v, options(v, wd)));
    }

    private static Options options(Values v, String wd) {
        try {
            return new Options(v.real(wd), v.bool("maximize"), v.real("clip_norm"), v.real("clip_value"));
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(m.startsWith("weight_decay") ? wd + m.substring("weight_decay".length()) : m);
        }
    }
}
