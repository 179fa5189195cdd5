package dev.descent.bench;

import dev.descent.linalg.Gemm;
import dev.descent.linalg.GemmBackend;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SGEMM per backend on square n×n products and on the MLP's three layer-1 shapes
 * (forward x·Wᵀ 128×256×784, weight gradient dyᵀ·x 256×784×128). GFLOPS = 2mnk / time.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GemmBenchmark extends NativeGemmBench {

    @Param({"openblas", "vector"})
    String backend;

    /** "square512", "fwd" (128×256×784, B transposed), "dw" (256×784×128, A transposed). */
    @Param({"square512", "fwd", "dw"})
    String shape;

    GemmBackend b;
    boolean ta;
    boolean tb;
    int m;
    int n;
    int k;
    float[] a;
    float[] bm;
    float[] c;

    @Setup
    public void setup() {
        b = GemmBackend.of(backend);
        switch (shape) {
            case "square512" -> { m = 512; n = 512; k = 512; }
            case "fwd" -> { m = 128; n = 256; k = 784; tb = true; }
            case "dw" -> { m = 256; n = 784; k = 128; ta = true; }
            default -> throw new IllegalArgumentException(shape);
        }
        SplittableRandom r = new SplittableRandom(1);
        a = new float[m * k];
        bm = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < bm.length; i++) {
            bm[i] = (float) r.nextDouble();
        }
    }

    @Benchmark
    public float[] sgemm() {
        Gemm.sgemm(b, ta, tb, m, n, k, 1f, a, 0, ta ? m : k, bm, 0, tb ? k : n, 0f, c, 0, n);
        return c;
    }
}
