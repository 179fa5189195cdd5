package dev.descent.cli.tour;

import dev.descent.data.Split;
import java.util.function.Supplier;

/**
 * What every experiment of the tour shares: the seed, the size of the run, the data and the
 * command line that reproduces it.
 *
 * @param seed the seed every experiment derives its randomness from
 * @param quick whether this is the short run ({@code --quick}): fewer epochs and smaller sizes
 * @param dataName {@code embedded} or {@code fashion-mnist}
 * @param data the normalized Fashion-MNIST split (loaded once, read-only, shared)
 * @param commandBase the command that reproduces the whole tour, e.g. {@code descent tour --seed 1}
 */
public record TourContext(long seed, boolean quick, String dataName, Supplier<Split> data, String commandBase) {

    /** {@code full} in a normal run, {@code quick} in a quick one. */
    public <T> T pick(T full, T quickValue) {
        return quick ? quickValue : full;
    }

    /** {@code full} in a normal run, {@code quickValue} in a quick one. */
    public int pick(int full, int quickValue) {
        return quick ? quickValue : full;
    }

    /** The command that reproduces section {@code n} alone. */
    public String command(int n) {
        return commandBase + " --sections " + n;
    }

    /** A seed for one experiment, derived from the tour's seed and the experiment's number. */
    public long seedFor(int experiment) {
        return seed * 1_000_003L + experiment;
    }
}
