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

    /**
     * The anchor id of the section.
     *
     * @return letters, digits and '-'
     */
    String id();

    /**
     * The section heading: the question the experiment answers.
     *
     * @return the heading
     */
    String title();

    /**
     * A short name for the progress bar and {@code descent tour --help}.
     *
     * @return at most 20 characters
     */
    String label();

    /**
     * The lecture's claim or question this experiment tests.
     *
     * @return a short paragraph
     */
    String teaches();

    /**
     * Whether its numbers include wall-clock timings (such experiments run alone, not in parallel).
     *
     * @return true for timed experiments; false by default
     */
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
     * @return the section: charts, takeaway, command and seed
     * @throws Exception when the experiment fails (the tour reports it as not run)
     */
    Section run(TourContext ctx, Progress progress) throws Exception;
}
