/**
 * Standard test problems with known minima, for racing and checking minimizers.
 *
 * <p>A tour:
 * <ul>
 *   <li>{@link dev.descent.problems.Problems} is the catalogue: {@code Problems.named("wood")},
 *       {@code Problems.named("extended-rosenbrock", 1000)},
 *       {@code Problems.named("quadratic:kappa=1e6", 100)}; {@code Problems.names()} lists them.</li>
 *   <li>{@link dev.descent.problems.Problem} is what a lookup returns: the
 *       {@link dev.descent.minimize.Objective}, the standard starting point x0, the known minimum
 *       value f*, the minimizer x* where it is unique, other minima the reference reports, and a
 *       note citing the reference.</li>
 *   <li>{@link dev.descent.problems.LeastSquares} is implemented by the sum-of-squares problems
 *       (most of Moré, Garbow and Hillstrom 1981): residuals and Jacobian, with f = Σrᵢ²,
 *       ∇f = 2Jᵀr; the exact Hessian adds the residual curvature, written by hand for each
 *       problem.</li>
 *   <li>{@link dev.descent.problems.LogisticRegression} is an L2-regularized logistic regression
 *       objective over your own design matrix and labels.</li>
 * </ul>
 *
 * <p>Each Moré–Garbow–Hillstrom problem lives in its own package-private class named after the
 * problem, whose Javadoc gives the paper's number, residuals, x0 and f*. The Osborne 2 data, the
 * Gulf function's reading and the defaults m of problems 11 and 32 were compared with the public
 * funconstrain R package (jlmelville/funconstrain); every f* the paper reports is reproduced by a
 * textbook Levenberg–Marquardt in the tests, so a mistyped formula or datum shows up there.
 *
 * <p>What the problems share is written once, in package-private bases: {@code SumOfSquares}
 * forms f, ∇f and ∇²f from a problem's residuals, Jacobian and residual curvature;
 * {@code BlockSeparable} loops over the independent blocks of the extended Rosenbrock and Powell
 * functions; {@code DiscretizedOnUnitInterval} holds the grid of problems 28 and 29; and
 * {@code ExactSecondOrder} turns a Hessian and a Hessian-vector writer into the
 * {@link dev.descent.minimize.Objective} capabilities.
 */
package dev.descent.problems;
