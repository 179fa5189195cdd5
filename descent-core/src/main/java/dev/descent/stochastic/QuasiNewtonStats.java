package dev.descent.stochastic;

/**
 * What the stabilisers of a stochastic quasi-Newton run did.
 *
 * @param pairsAccepted curvature pairs stored as measured (yᵀs &gt; ε·sᵀBs)
 * @param pairsDamped pairs stored after Powell damping y ← θy + (1−θ)Bs
 * @param pairsSkipped pairs not stored (too little or negative curvature, non-finite)
 * @param lineSearchBacktracks halvings of the step in the stochastic Armijo search
 * @param lineSearchFailures iterations whose line search found no decrease (no step, no pair,
 *     memory cleared)
 * @param resets memory clears because the direction was not a descent direction or not finite
 * @param batchIncreases times the progressive-batching test grew the sample
 * @param stepsUndone steps that SQN's guard undid (its batch loss gave back too much of the
 *     progress; {@link Sqn}), after which every step searches; 0 for the other methods
 */
public record QuasiNewtonStats(long pairsAccepted, long pairsDamped, long pairsSkipped, long lineSearchBacktracks,
        long lineSearchFailures, long resets, long batchIncreases, long stepsUndone) {}
