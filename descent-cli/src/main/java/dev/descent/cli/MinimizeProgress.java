package dev.descent.cli;

import dev.descent.minimize.Callback;
import dev.descent.minimize.Iterate;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of {@code descent minimize}, rendered from the minimizer's per-iteration
 * {@link Callback} (it never stops the run): on a terminal a bar over the iteration limit; otherwise
 * a line per iteration on standard error, at most one every {@code interval} seconds, so that a
 * slow run (Newton at n = 5000: seconds per iteration) is never silent and a fast one prints
 * nothing. Both carry an estimate of the time left: at the pace so far, the iterations that
 * ‖∇f‖∞ needs to reach the gradient tolerance if it keeps falling at its last rate, and the
 * bound the iteration limit sets.
 */
final class MinimizeProgress implements Callback, AutoCloseable {

    /** The least seconds between two lines: one per iteration for slow runs, none for runs under a second. */
    static final double INTERVAL = 1.0;

    private final PrintWriter err;
    private final String method;
    private final int maxIterations;
    private final double gradTol;
    private final double interval;
    private final ProgressBar bar;
    private final long start = System.nanoTime();
    private double lastLine;
    private double lastGrad = Double.NaN;

    /**
     * @param err standard error, for the lines
     * @param bar whether to draw a bar (on System.err) instead of the lines
     * @param method the method's name, as typed
     * @param maxIterations the iteration limit, ≥ 1
     * @param gradTol the tolerance on ‖∇f‖∞ (0: none, no estimate from it)
     * @param interval the least seconds between two lines, ≥ 0
     */
    MinimizeProgress(PrintWriter err, boolean bar, String method, int maxIterations, double gradTol, double interval) {
        this.err = err;
        this.method = method;
        this.maxIterations = maxIterations;
        this.gradTol = gradTol;
        this.interval = interval;
        this.bar = bar ? new ProgressBarBuilder().setTaskName(method).setInitialMax(maxIterations).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).hideEta().setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
    }

    /** Shows iterate {@code it}; never stops the run. */
    @Override
    public boolean stop(Iterate it) {
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (bar != null) {
            bar.stepTo(it.iter());
            // short enough to follow the bar on an 80-column line: the gradient norm and the estimate (f is in the summary)
            bar.setExtraMessage(String.format(Locale.ROOT, "|g| %.1e%s", it.gradNorm(), it.iter() == 0 ? "" : ", " + shortEstimate(it, seconds)));
        } else if (it.iter() > 0 && seconds - lastLine >= interval) {
            lastLine = seconds;
            err.printf(Locale.ROOT, "descent minimize: %s iteration %d: f %.6e, |g| %.3e, %s elapsed; %s%n", method, it.iter(), it.f(),
                    it.gradNorm(), duration(seconds), estimate(it, seconds));
            err.flush();
        }
        lastGrad = it.gradNorm();
        return false;
    }

    /** The pace, the time left if ‖∇f‖ keeps its last rate, and the bound from the iteration limit. */
    private String estimate(Iterate it, double seconds) {
        double perIteration = seconds / it.iter();
        StringBuilder b = new StringBuilder(duration(perIteration)).append(" per iteration");
        double more = iterationsToTolerance(it);
        if (more >= 0) {
            b.append(String.format(Locale.ROOT, ", about %s more if |g| keeps falling at its last rate", duration(more * perIteration)));
        }
        long left = (long) maxIterations - it.iter();
        if (left > 0) {
            b.append(String.format(Locale.ROOT, ", at most %s more (iteration limit %d)", duration(left * perIteration), maxIterations));
        }
        return b.toString();
    }

    /** The same, short enough to follow a bar on one line: {@code 1.3 s/it, ~26 s left, ≤ 3.6 h}. */
    private String shortEstimate(Iterate it, double seconds) {
        double perIteration = seconds / it.iter();
        double more = iterationsToTolerance(it);
        long left = (long) maxIterations - it.iter();
        return duration(perIteration) + "/it" + (more >= 0 ? ", ~" + duration(more * perIteration) + " left" : "")
                + (left > 0 ? ", ≤ " + duration(left * perIteration) : "");
    }

    /**
     * The iterations until ‖∇f‖∞ reaches the gradient tolerance if it keeps falling by the factor
     * of the last iteration, or −1 when it did not fall, there is no tolerance, or the answer is
     * beyond the iteration limit.
     */
    private double iterationsToTolerance(Iterate it) {
        double rate = lastGrad / it.gradNorm();
        if (gradTol > 0 && it.gradNorm() > gradTol && rate > 1 && Double.isFinite(rate)) {
            double more = Math.ceil(Math.log(it.gradNorm() / gradTol) / Math.log(rate));
            return more + it.iter() < maxIterations ? more : -1;
        }
        return -1;
    }

    /** Seconds as 8.3 ms, 350 ms, 1.3 s, 12 s, 3.4 min or 2.1 h. */
    static String duration(double seconds) {
        if (seconds < 0.01) {
            return String.format(Locale.ROOT, "%.1f ms", seconds * 1e3);
        } else if (seconds < 1) {
            return String.format(Locale.ROOT, "%.0f ms", seconds * 1e3);
        } else if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        } else if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        } else if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    /** Removes the bar. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
