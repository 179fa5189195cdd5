/**
 * The one tokenizer and registry behind descent's {@code name:key=value,...} mini-languages:
 * optimizer specs ({@code adam:lr=1e-3,beta2=0.99}), schedule specs
 * ({@code warmup:steps=100+cosine:steps=1000}), model specs ({@code mlp:256,128:tanh}) and problem
 * specs ({@code quadratic:kappa=1e4}).
 *
 * <p>{@link dev.descent.spec.Token} is a fragment of a spec that knows its column; every error is
 * {@link dev.descent.spec.Token#error} in one format, quoting the fragment, its column and the spec
 * (shortened when long). {@link dev.descent.spec.Pairs} reads {@code key=value} lists with typed,
 * checked values. {@link dev.descent.spec.Registry} holds named {@link dev.descent.spec.Entry}s with
 * typed keys ({@link dev.descent.spec.Param}), the single source of names, keys, defaults, help and
 * the text form of configurations.
 *
 * <p>One case rule everywhere: names, keys and words are case-insensitive and are printed in lower
 * case.
 */
package dev.descent.spec;
