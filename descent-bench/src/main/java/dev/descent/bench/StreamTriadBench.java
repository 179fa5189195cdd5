package dev.descent.bench;

import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the STREAM triad a ← b + s·c on float32 arrays of N elements (12 bytes per element counted,
 * the STREAM way), the bandwidth reference for {@link OptimizerStepBench}.
 */
@Warmup(iterations = 4, time = 1)
public class StreamTriadBench extends MemoryBoundBench {

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
