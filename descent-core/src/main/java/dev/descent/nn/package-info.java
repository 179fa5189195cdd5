/**
 * Neural networks as flat float32 arrays: {@link dev.descent.nn.Layer}s (forward/backward pairs
 * over row-major batches), fused {@link dev.descent.nn.Loss}es, and the {@link dev.descent.nn.Model}
 * that owns one contiguous parameter buffer and its gradient twin.
 *
 * <p>A tour: {@link dev.descent.nn.ModelSpec#parse} turns {@code "mlp:256,128"} into a spec and
 * {@link dev.descent.nn.ModelSpec#build(long)} into a seeded model;
 * {@link dev.descent.nn.Model#forwardBackward} is a training step's computation,
 * {@link dev.descent.nn.Model#loss}/{@link dev.descent.nn.Model#accuracy} evaluate,
 * {@link dev.descent.nn.Model#lossAndGradient} and {@link dev.descent.nn.Model#hessianVector}
 * bridge to the deterministic minimizers, and {@link dev.descent.nn.Model#parameterRanges()}
 * gives optimizer parameter groups. Matrix products run through {@link dev.descent.linalg.Gemm}.
 */
package dev.descent.nn;
