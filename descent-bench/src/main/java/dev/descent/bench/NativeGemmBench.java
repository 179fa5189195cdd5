package dev.descent.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmarks whose time is mostly matrix multiply ({@link GemmBenchmark}, {@link NnStepBenchmark}):
 * average time per op in one fork that can load every GEMM backend, the Vector API module and
 * OpenBLAS's native access ({@code --enable-native-access=ALL-UNNAMED}). JMH inherits these
 * annotations; each benchmark sets its own time unit, warm-up and measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public abstract class NativeGemmBench {}
