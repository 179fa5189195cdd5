package dev.descent.cli.tour;

import dev.descent.cli.report.Section;

/**
 * One experiment of the tour: it runs, then describes what it measured as a report
 * {@link Section}. Experiments are independent of each other (their own models, data order and
 * seeds), so the tour may run them in parallel with identical results.
 */
public interface Experiment {

    /** The section number in the report, 1-based. */
    int number();

    /** The anchor id of the section. */
    String id();

    /** The section heading. */
    String title();

    /** One sentence on the lecture's question this experiment answers. */
    String teaches();

    /** Whether its numbers include wall-clock timings (such experiments run alone, not in parallel). */
    default boolean timed() {
        return false;
    }

    /** Runs the experiment and returns its section (charts, takeaway, command, seed). */
    Section run(TourContext ctx, Progress progress) throws Exception;
}
