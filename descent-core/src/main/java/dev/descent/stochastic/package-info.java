/**
 * Stochastic quasi-Newton methods: L-BFGS that works on mini-batches.
 *
 * <p>Plain L-BFGS on mini-batches forms its curvature pairs from gradients of two different
 * batches and diverges or stalls. The methods here fix that in the three published ways:
 * <ul>
 *   <li>{@link dev.descent.stochastic.MultiBatchLbfgs} ({@code mb-lbfgs}): overlapping samples, so
 *       each pair uses the same examples at both points (Berahas, Nocedal and Takáč 2016);
 *   <li>{@link dev.descent.stochastic.ProgressiveBatchLbfgs} ({@code pb-lbfgs}): the same with a
 *       sample that grows by the augmented inner-product test (Bollapragada et al. 2018);
 *   <li>{@link dev.descent.stochastic.Sqn} ({@code sqn}): pairs from averaged iterates and
 *       Hessian-vector products on a separate sample (Byrd, Hansen, Nocedal and Singer 2016),
 *       with the bounded H₀ and damping of SdLBFGS (Wang, Ma, Goldfarb and Liu 2017).
 * </ul>
 * They evaluate a {@link dev.descent.stochastic.SampledObjective} (rows → loss and gradient,
 * loss alone, Hessian-vector product); {@link dev.descent.stochastic.ModelSample} is a model and
 * its training set with the {@link dev.descent.stochastic.L2} penalty. A configuration is an
 * immutable validated record ({@link dev.descent.stochastic.SampledConfig}); its state
 * ({@link dev.descent.stochastic.SampledMethod}) exports and imports everything, curvature memory
 * included, so checkpoints resume bit-identically. {@code train.Trainer} drives them like the
 * first-order optimizers; {@link dev.descent.stochastic.StochasticMethods} is the spec registry
 * (names, keys, defaults and help derived from the records).
 * The curvature memory and two-loop recursion are {@code minimize.LbfgsMemory}'s.
 */
package dev.descent.stochastic;
