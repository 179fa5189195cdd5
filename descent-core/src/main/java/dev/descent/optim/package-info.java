/**
 * First-order optimizers over one flat float32 parameter buffer (the llm.c layout).
 *
 * <p>A configuration is an immutable record ({@link dev.descent.optim.Sgd},
 * {@link dev.descent.optim.AdaGrad}, {@link dev.descent.optim.RmsProp},
 * {@link dev.descent.optim.Adam}, {@link dev.descent.optim.AdamW}, {@link dev.descent.optim.NAdam},
 * {@link dev.descent.optim.RAdam}, {@link dev.descent.optim.Adamax},
 * {@link dev.descent.optim.AdaDelta}, {@link dev.descent.optim.Lion}) that validates its
 * hyperparameters; {@link dev.descent.optim.OptimizerConfig#create(int)} makes the mutable
 * {@link dev.descent.optim.Optimizer} state (moments, step count), whose {@code step} is one fused
 * pass over the arrays that allocates nothing. Every optimizer shares
 * {@link dev.descent.optim.Options} (coupled weight decay, maximize, clipping by norm and by value)
 * and {@link dev.descent.optim.ParamGroups} (ranges with their own lr and weight-decay multipliers).
 * {@link dev.descent.optim.Optimizers} parses the text form {@code adam:lr=1e-3,beta2=0.99} and
 * writes it back; names, keys, defaults and help are derived from the spec entry each record
 * declares (the one source of truth), and {@link dev.descent.optim.OptimizerConfig} is sealed over
 * the records. Clipping by global norm is defined once, in {@link dev.descent.optim.Clip}.
 *
 * <p>Conventions are PyTorch 1.13's (ε outside the square root, PyTorch's momentum form, AdamW's
 * decay multiplied by lr) and the tests compare 50-step trajectories with PyTorch's.
 */
package dev.descent.optim;
