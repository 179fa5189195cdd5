package dev.descent.minimize;

/**
 * Called by {@link Minimize#run(Objective, double[], Method, Settings, Callback)} at the start and
 * after every iteration, with the same row the trace would record; returning {@code true} stops
 * the run with {@link Status#STOPPED_BY_CALLBACK} (a convergence test that fires at the same
 * iterate takes precedence). Like scipy's and Optim.jl's {@code callback}.
 *
 * <pre>{@code
 * Result r = Minimize.run(f, x0, Method.named("lbfgs"), Settings.DEFAULTS,
 *         it -> it.f() < 1e-3);   // stop as soon as f is below 1e-3
 * }</pre>
 */
@FunctionalInterface
public interface Callback {

    /** A callback that never stops the run. */
    Callback NONE = it -> false;

    /**
     * Sees one iterate and decides whether to stop.
     *
     * @param iterate the state after iteration {@code iterate.iter()}; its {@code x} is always
     *     present here and is the minimizer's own array when the trace does not copy it: read it
     *     during the call, do not modify it, and copy it to keep it
     * @return true to stop the run now
     */
    boolean stop(Iterate iterate);
}
