/**
 * Neural networks as flat float32 arrays: {@link dev.descent.nn.Layer}s (forward/backward pairs
 * over row-major batches), fused {@link dev.descent.nn.Loss}es, and the {@link dev.descent.nn.Model}
 * that owns one contiguous parameter buffer and its gradient twin.
 *
 * <p>A tour: {@link dev.descent.nn.ModelSpec#parse} turns {@code "mlp:256,128"} into a spec and
 * {@link dev.descent.nn.ModelSpec#build(long)} into a seeded model, or
 * {@link dev.descent.nn.Model#builder(int)} assembles one layer by layer
 * ({@link dev.descent.nn.ModelBuilder}); {@link dev.descent.nn.Model#forwardBackward} is a
 * training step's computation, {@link dev.descent.nn.Model#evaluate} scores a set (an
 * {@link dev.descent.nn.Evaluation}: loss, and accuracy for classification),
 * {@link dev.descent.nn.Model#save}/{@link dev.descent.nn.Model#load} keep a model for inference,
 * and {@link dev.descent.nn.Model#parameterRanges()} gives optimizer parameter groups. Layers with
 * state besides parameters ({@link dev.descent.nn.BatchNorm1d}, {@link dev.descent.nn.Dropout})
 * are {@link dev.descent.nn.StatefulLayer}s and export their own state
 * ({@link dev.descent.nn.ModelState}). The full-batch objective that the deterministic
 * minimizers train, with Hessian-vector products ({@link dev.descent.nn.SoftmaxHessian} exact
 * for softmax regression), is {@code dev.descent.train.ModelObjective}. Matrix products run
 * through {@link dev.descent.linalg.Gemm}.
 */
package dev.descent.nn;
