/**
 * Deterministic minimization of smooth functions in double precision, in the style of
 * gonum/optimize and Optim.jl: a minimizer is a direction rule plus a line search, driven by one
 * generic loop, and every method stops by the same tests.
 *
 * <p>A tour:
 * <ul>
 *   <li>{@link dev.descent.minimize.Objective}: f(x) and ∇f(x) ({@code Objective.of(n, (x, g) -> f)}
 *       for a lambda); second derivatives are capabilities given by one function each
 *       ({@code withHessian}, {@code withHessianVector});
 *   <li>{@link dev.descent.minimize.Method}: the configuration — {@code GradientDescent},
 *       {@code Newton} (modified Cholesky, Nocedal–Wright Alg. 3.3), {@code Bfgs}, {@code Lbfgs}
 *       (two-loop recursion), {@code NewtonCg} (truncated CG), {@code ConjugateGradient}
 *       (Polak–Ribière+, Hager–Zhang), and {@code FirstOrder} (any first-order optimizer with a
 *       schedule, iterating in double); {@code Method.named("lbfgs")} gives the defaults;
 *   <li>{@link dev.descent.minimize.LineSearch}: {@link dev.descent.minimize.Armijo} backtracking
 *       or {@link dev.descent.minimize.MoreThuente} (strong Wolfe);
 *   <li>{@link dev.descent.minimize.Settings}: tolerances and limits, the one set of stopping
 *       tests;
 *   <li>{@link dev.descent.minimize.Minimize#run}: the loop, with an optional
 *       {@link dev.descent.minimize.Callback} that sees every iterate and may stop the run;
 *   <li>{@link dev.descent.minimize.Result}: location, statistics and a
 *       {@link dev.descent.minimize.Status} of one of three kinds (converged, stopped, failed),
 *       the last convergence measures and an optional trace of
 *       {@link dev.descent.minimize.Iterate}s; its {@code toString()} reads like Optim.jl's;
 *   <li>{@link dev.descent.minimize.LbfgsMemory}: the L-BFGS pair memory and two-loop recursion,
 *       for a driver of one's own (the tour's mini-batch L-BFGS uses it).
 * </ul>
 * Numerical trouble is a status, never an exception from inside the loop.
 */
package dev.descent.minimize;
