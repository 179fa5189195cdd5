package dev.descent.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the STREAM triad a ← b + s·c on float32 arrays of N elements (12 bytes per element counted,
 * the STREAM way), the bandwidth reference for {@link OptimizerStepBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class StreamTriadBench {

    @Param({"1000000", "10000000"})
    public int n;

    float[] a;
    float[] b;
    float[] c;

    @Setup(Level.Trial)
    public void setUp() {
        a = new float[n];
        b = new float[n];
        c = new float[n];
        Arrays.fill(b, 1f);
        Arrays.fill(c, 2f);
    }

    @Benchmark
    public float triad() {
        for (int i = 0; i < n; i++) {
            a[i] = b[i] + 0.5f * c[i];
        }
        return a[0];
    }
}
