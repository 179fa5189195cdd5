/**
 * Deterministic minimization of smooth functions in double precision, in the style of
 * gonum/optimize and Optim.jl: a minimizer is a direction rule plus a line search, driven by one
 * generic loop.
 *
 * <p>A tour:
 * <ul>
 *   <li>{@link dev.descent.minimize.Objective}: f(x) and ∇f(x), optionally the Hessian or
 *       Hessian-vector products;
 *   <li>{@link dev.descent.minimize.Method}: the configuration — {@code GradientDescent},
 *       {@code Newton} (modified Cholesky, Nocedal–Wright Alg. 3.3), {@code Bfgs}, {@code Lbfgs}
 *       (two-loop recursion), {@code NewtonCg} (truncated CG), {@code ConjugateGradient}
 *       (Polak–Ribière+, Hager–Zhang), and {@code FirstOrder} (any first-order optimizer with a
 *       schedule, for a fixed budget); {@code Method.named("lbfgs")} gives the defaults;
 *   <li>{@link dev.descent.minimize.LineSearch}: {@link dev.descent.minimize.Armijo} backtracking
 *       or {@link dev.descent.minimize.MoreThuente} (strong Wolfe);
 *   <li>{@link dev.descent.minimize.Settings}: tolerances and limits;
 *   <li>{@link dev.descent.minimize.Minimize#run}: the loop, returning a
 *       {@link dev.descent.minimize.Result} with a {@link dev.descent.minimize.Status}, counters,
 *       and an optional trace of {@link dev.descent.minimize.Iterate}s;
 *   <li>{@link dev.descent.minimize.LbfgsMemory}: the L-BFGS pair memory and two-loop recursion,
 *       for a driver of one's own (the tour's mini-batch L-BFGS uses it).
 * </ul>
 * Numerical trouble is a status, never an exception from inside the loop.
 */
package dev.descent.minimize;
