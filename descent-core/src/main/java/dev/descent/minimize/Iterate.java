package dev.descent.minimize;

/**
 * One row of a minimizer's trace, and what a {@link Callback} sees: the state after iteration
 * {@code iter} (row 0 is the start).
 *
 * @param iter the iteration, 0 for the starting point
 * @param f f(xₖ)
 * @param gradNorm ‖∇f(xₖ)‖∞
 * @param step the accepted line-search step α (0 on row 0), or the learning rate for
 *     first-order optimizers
 * @param fEvals objective evaluations so far
 * @param x xₖ (a copy in a trace), or {@code null} in a trace row when not recorded (n &gt; 10
 *     and {@link Settings#traceX()} off)
 */
public record Iterate(int iter, double f, double gradNorm, double step, long fEvals, double[] x) {}
