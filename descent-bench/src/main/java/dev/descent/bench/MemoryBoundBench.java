package dev.descent.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The memory-bound passes over N float32 elements that are compared with each other: a fused
 * optimizer step ({@link OptimizerStepBench}) against the STREAM triad ({@link StreamTriadBench}),
 * its bandwidth reference. They share N, the time unit, the measurement and the fork (the Vector
 * API module), so that their times per op divide into bytes per second on equal terms; each sets its
 * own warm-up. JMH inherits these annotations and the {@code n} parameter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public abstract class MemoryBoundBench {

    /** The number of float32 elements (parameters, or triad elements). */
    @Param({"1000000", "10000000"})
    public int n;
}
