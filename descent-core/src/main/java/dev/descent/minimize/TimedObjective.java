package dev.descent.minimize;

import java.util.Optional;

/**
 * An {@link Objective} that records the wall-clock time at which each evaluation finished, so
 * that a minimizer's trace (which counts evaluations, {@link Iterate#fEvals()}) can be drawn
 * against seconds: loss against time for a full-batch run. It also counts the evaluations and
 * the exact Hessian-vector products, each about one pass over the data for a model objective.
 *
 * <p>The clock starts when the wrapper is created. Every evaluation goes through
 * {@link #evaluate} (f alone too: {@link #value} is the interface's default, which evaluates the
 * gradient), so each one is counted and timed. The Hessian, when the wrapped objective has one,
 * is passed through uncounted. Not thread-safe: one minimization at a time.
 *
 * <pre>{@code
 * TimedObjective timed = new TimedObjective(f, 1000);
 * Result r = Minimize.run(timed, x0, Method.named("lbfgs"), Settings.DEFAULTS.withTrace(true));
 * for (Iterate it : r.trace()) {
 *     System.out.println(timed.secondsAt(it.fEvals()) + " s: f = " + it.f());
 * }
 * }</pre>
 */
public final class TimedObjective implements Objective {

    private final Objective f;
    private final double[] clock;
    private final long start = System.nanoTime();
    private long evaluations;
    private long products;

    /**
     * Wraps {@code f}, keeping the times of its first {@code capacity} evaluations.
     *
     * @param f the objective evaluated
     * @param capacity how many evaluation times to keep, ≥ 1 (at most 2³¹ − 9); later
     *     evaluations are counted but not timed, and {@link #secondsAt} answers them with the last
     *     time kept
     * @throws IllegalArgumentException when {@code capacity} is out of range
     */
    public TimedObjective(Objective f, int capacity) {
        if (capacity < 1 || capacity > Integer.MAX_VALUE - 9) {
            throw new IllegalArgumentException("capacity must be in [1, 2^31 - 9], got " + capacity);
        }
        this.f = f;
        this.clock = new double[capacity + 1];
    }

    @Override
    public int dimension() {
        return f.dimension();
    }

    /** Evaluates the wrapped objective, then counts the evaluation and records its end time. */
    @Override
    public double evaluate(double[] x, double[] grad) {
        double v = f.evaluate(x, grad);
        evaluations++;
        if (evaluations < clock.length) {
            clock[(int) evaluations] = (System.nanoTime() - start) * 1e-9;
        }
        return v;
    }

    /** The wrapped objective's Hessian, not counted. */
    @Override
    public Optional<Hessian> hessian() {
        return f.hessian();
    }

    /** The wrapped objective's Hessian-vector product, each call counted in {@link #hessianVectorProducts()}. */
    @Override
    public Optional<HessianVector> hessianVector() {
        return f.hessianVector().map(h -> (x, v, hv) -> {
            h.evaluate(x, v, hv);
            products++;
        });
    }

    /**
     * The evaluations so far.
     *
     * @return the number of calls to {@link #evaluate} (and {@link #value})
     */
    public long evaluations() {
        return evaluations;
    }

    /**
     * The Hessian-vector products so far.
     *
     * @return the number of products computed through {@link #hessianVector()}
     */
    public long hessianVectorProducts() {
        return products;
    }

    /**
     * The seconds from creation to the end of evaluation {@code k}.
     *
     * @param k an evaluation count, for example {@link Iterate#fEvals()}; 0 gives 0, and a count
     *     beyond the capacity (or beyond the evaluations so far) gives the last time kept
     * @return seconds, ≥ 0
     * @throws IllegalArgumentException when {@code k < 0}
     */
    public double secondsAt(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("an evaluation count is ≥ 0, got " + k);
        }
        return clock[(int) Math.min(k, Math.min(evaluations, clock.length - 1))];
    }

    /**
     * The seconds since this wrapper was created.
     *
     * @return wall-clock seconds, ≥ 0
     */
    public double seconds() {
        return (System.nanoTime() - start) * 1e-9;
    }
}
