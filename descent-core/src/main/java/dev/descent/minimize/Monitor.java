package dev.descent.minimize;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-iteration bookkeeping that every run shares: the trace row, the caller's
 * {@link Callback}, and the one stopping test ({@link Stopping}), in that order. One per run.
 */
final class Monitor {
    final Settings settings;
    final long startNanos = System.nanoTime();
    final List<Iterate> trace;
    private final Callback callback;
    private final boolean traceX;

    Monitor(Settings settings, Callback callback, int n) {
        this.settings = settings;
        this.callback = callback == null ? Callback.NONE : callback;
        this.trace = settings.trace() ? new ArrayList<>() : List.of();
        this.traceX = settings.traceX() || n <= 10;
    }

    /**
     * Records iterate k and decides whether to stop there.
     *
     * @param relGrad ‖∇f‖₂ / max(1, ‖x‖₂), or +∞ when relGradTol is off
     * @return the status to stop with, or null to go on
     */
    Status check(int k, double[] x, double f, double gInf, double relGrad, double step, long fEvals, Result.Measures m) {
        boolean stop = false;
        if (settings.trace() || callback != Callback.NONE) {
            Iterate row = new Iterate(k, f, gInf, step, fEvals, settings.trace() && traceX ? x.clone() : null);
            if (settings.trace()) {
                trace.add(row);
            }
            if (callback != Callback.NONE) {
                stop = callback.stop(row.x() != null ? row : new Iterate(k, f, gInf, step, fEvals, x));
            }
        }
        Status s = Stopping.location(settings, gInf, relGrad, m);
        if (s == null && stop) {
            s = Status.STOPPED_BY_CALLBACK;
        }
        return s != null ? s : Stopping.limits(settings, k, fEvals, startNanos);
    }

    /** Seconds since the run started. */
    double seconds() {
        return (System.nanoTime() - startNanos) * 1e-9;
    }

    /** Whether relGradTol is on, so that the relative gradient must be computed. */
    boolean wantsRelativeGradient() {
        return settings.relGradTol() > 0;
    }
}
