package dev.descent.cli.tour;

import dev.descent.data.Split;
import java.util.function.Supplier;

/**
 * What every experiment of the tour shares: the seed, the size of the run, the data and the
 * command line that reproduces it; and, for one experiment, its section number.
 *
 * @param seed the tour's seed ({@code --seed}), from which every experiment derives its own
 * @param quick whether this is the short run ({@code --quick}): fewer epochs and smaller sizes
 * @param dataName {@code embedded} or {@code fashion-mnist}
 * @param data the normalized Fashion-MNIST split (loaded once, read-only, shared)
 * @param commandBase the command that reproduces the whole tour, e.g. {@code descent tour --seed 1}
 * @param section the number of the section being run, 1-based (its position in
 *     {@link Tour#experiments()}); 0 in the context of the whole tour
 */
public record TourContext(long seed, boolean quick, String dataName, Supplier<Split> data, String commandBase, int section) {

    /** Validates the section number. */
    public TourContext {
        if (section < 0) {
            throw new IllegalArgumentException("section must be ≥ 0, got " + section);
        }
    }

    /**
     * The context of the whole tour (no section yet).
     *
     * @param seed the tour's seed
     * @param quick whether this is the short run
     * @param dataName {@code embedded} or {@code fashion-mnist}
     * @param data the normalized split
     * @param commandBase the command that reproduces the whole tour
     */
    public TourContext(long seed, boolean quick, String dataName, Supplier<Split> data, String commandBase) {
        this(seed, quick, dataName, data, commandBase, 0);
    }

    /**
     * This context for section {@code n}.
     *
     * @param n the section number, 1-based
     * @return a copy whose {@link #section()} is n
     */
    public TourContext forSection(int n) {
        return new TourContext(seed, quick, dataName, data, commandBase, n);
    }

    /**
     * One of two values by the size of the run.
     *
     * @param <T> the type of the values
     * @param full the value in a normal run
     * @param quickValue the value in a quick one
     * @return {@code full} or {@code quickValue}
     */
    public <T> T pick(T full, T quickValue) {
        return quick ? quickValue : full;
    }

    /**
     * One of two numbers by the size of the run.
     *
     * @param full the number in a normal run
     * @param quickValue the number in a quick one
     * @return {@code full} or {@code quickValue}
     */
    public int pick(int full, int quickValue) {
        return quick ? quickValue : full;
    }

    /**
     * The command that reproduces section {@code n} alone.
     *
     * @param n the section number
     * @return the tour's command with {@code --sections n}
     */
    public String command(int n) {
        return commandBase + " --sections " + n;
    }

    /**
     * The command that reproduces this context's section alone.
     *
     * @return the tour's command with {@code --sections} and this section's number
     */
    public String command() {
        return command(section);
    }

    /**
     * A seed for one experiment, derived from the tour's seed and the section number: seed ×
     * 1000003 + n (1000003 is a prime, so two sections or two tour seeds never share a seed).
     *
     * @param n the section number
     * @return the section's seed
     */
    public long seedFor(int n) {
        return seed * 1_000_003L + n;
    }

    /**
     * The seed of this context's section.
     *
     * @return {@link #seedFor} of {@link #section()}
     */
    public long sectionSeed() {
        return seedFor(section);
    }
}
