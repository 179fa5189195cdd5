package dev.descent.stochastic;

import dev.descent.spec.Param;
import java.util.List;
import java.util.function.Function;

/**
 * The spec keys the stochastic quasi-Newton records share, each with its one help text: the
 * learning rate, the curvature memory and the multi-batch L-BFGS keys that progressive batching
 * reuses.
 */
final class Keys {

    private Keys() {}

    static <C extends SampledConfig> Param<C> lr(String help) {
        return Param.real("lr", C::lr, help);
    }

    static <C> Param<C> memory(Function<C, Integer> getter) {
        return Param.whole("memory", c -> (long) getter.apply(c), "curvature pairs m, ≥ 1");
    }

    /** overlap, memory, damping, c1, backtracks, search of {@link MultiBatchLbfgs}, read from a record through {@code mb}. */
    static <C> List<Param<C>> multiBatch(Function<C, MultiBatchLbfgs> mb) {
        return List.of(
                Param.real("overlap", c -> mb.apply(c).overlap(), "overlap fraction r of consecutive samples, in (0, 0.5], or 1 (full overlap)"),
                memory(c -> mb.apply(c).memory()),
                Param.real("damping", c -> mb.apply(c).damping(), "ε of the pair test yᵀs ≥ ε·sᵀBs and Powell damping, in [0, 1); 0 skips instead"),
                Param.real("c1", c -> mb.apply(c).c1(), "Armijo constant c₁, in (0, 1)"),
                Param.whole("backtracks", c -> (long) mb.apply(c).backtracks(), "most halvings of the step per line search, ≥ 0"),
                Param.word("search", c -> mb.apply(c).search().word(),
                        "where the Armijo test runs: batch (a forward pass over the sample per trial) or overlap (on the next sample's overlap, free when the step is accepted)",
                        "batch", "overlap"));
    }

    /** A whole-number key's value as an int, or an error naming the key. */
    static int toInt(String key, long v) {
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be ≤ " + Integer.MAX_VALUE + ", got " + v);
        }
        return (int) v;
    }
}
