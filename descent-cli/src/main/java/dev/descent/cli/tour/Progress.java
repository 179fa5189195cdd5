package dev.descent.cli.tour;

/**
 * Where an experiment reports how far it got: {@code total} units of work, advanced by
 * {@link #step}. The CLI draws one progress bar per experiment from it; tests pass
 * {@link #NONE}.
 */
public interface Progress {

    /**
     * Sets the amount of work.
     *
     * @param units the total, in the experiment's own units (runs, epochs, iterations)
     */
    void total(long units);

    /**
     * Advances the work done.
     *
     * @param units how much was done since the last call
     */
    void step(long units);

    /** Says that the experiment finished. */
    default void done() {}

    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void total(long units) {}

        @Override
        public void step(long units) {}
    };
}
