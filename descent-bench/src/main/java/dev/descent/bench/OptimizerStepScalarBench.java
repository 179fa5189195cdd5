package dev.descent.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * The same steps with the scalar fallback kernels ({@code -Ddescent.simd=false}), to compare with
 * {@link OptimizerStepBench}'s Vector API kernels.
 */
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Ddescent.simd=false"})
public class OptimizerStepScalarBench extends OptimizerStepBench {}
