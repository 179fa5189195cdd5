package dev.descent.cli.tour;

import dev.descent.cli.report.Section;

/**
 * One experiment of the tour: it runs, then describes what it measured as a report
 * {@link Section}. Experiments are independent of each other (their own models, data order and
 * seeds), so the tour may run them in parallel with identical results.
 *
 * <p>An experiment has no number of its own: its section number is its position in
 * {@link Tour#experiments()} (1-based), handed to it as {@link TourContext#section()}. Adding a
 * section is writing the experiment class and adding it to that list; the command's
 * {@code --sections} range, its help text and the progress bars follow.
 */
public interface Experiment {

    /** The anchor id of the section: letters, digits and '-'. */
    String id();

    /** The section heading: the question the experiment answers. */
    String title();

    /** A short name (at most 20 characters) for the progress bar and {@code descent tour --help}. */
    String label();

    /** The lecture's claim or question this experiment tests, as a short paragraph. */
    String teaches();

    /** Whether its numbers include wall-clock timings (such experiments run alone, not in parallel). */
    default boolean timed() {
        return false;
    }

    /**
     * Runs the experiment and returns its section (charts, takeaway, command, seed).
     *
     * @param ctx the tour's settings for this section: {@link TourContext#section()} is its
     *     number, {@link TourContext#sectionSeed()} its seed, {@link TourContext#command()} the
     *     command that reproduces it
     * @param progress where to report how far it got
     */
    Section run(TourContext ctx, Progress progress) throws Exception;
}
