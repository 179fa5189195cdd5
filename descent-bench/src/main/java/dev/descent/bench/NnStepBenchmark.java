package dev.descent.bench;

import dev.descent.linalg.Gemm;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step's computation of the network: a 784-256-128-10 ReLU MLP with softmax
 * cross-entropy at batch 128 (Fashion-MNIST shapes), {@link Model#forwardBackward} alone and
 * followed by a fused SGD-momentum update over the flat buffer. The GEMM backend is chosen as in
 * production; force one with {@code -jvmArgsAppend -Ddescent.gemm=vector}.
 *
 * <p>Run: {@code java -jar descent-bench/target/benchmarks.jar NnStep}. 469 steps make one
 * epoch of 60,000 images.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
public class NnStepBenchmark extends NativeGemmBench {

    @Param({"mlp:256,128"})
    String spec;

    @Param({"128"})
    int batch;

    /** OpenBLAS threads ({@link Gemm#setThreads}); the Java kernels ignore it. */
    @Param({"1"})
    int threads;

    Model model;
    float[] x;
    int[] labels;
    float[] velocity;

    @Setup
    public void setup() {
        Gemm.setThreads(threads);
        model = ModelSpec.parse(spec, 784, 10).build(1, batch);
        SplittableRandom r = new SplittableRandom(2);
        x = new float[batch * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = r.nextInt(10);
        }
        velocity = new float[model.paramCount()];
        System.err.println("GEMM: " + Gemm.describe());
    }

    @Benchmark
    public double forwardBackward() {
        return model.forwardBackward(x, labels, batch);
    }

    /** forwardBackward plus torch-style SGD with momentum 0.9, lr 0.01: v ← μv + g, θ ← θ − lr·v. */
    @Benchmark
    public double sgdMomentumStep() {
        double l = model.forwardBackward(x, labels, batch);
        float[] w = model.params();
        float[] g = model.grads();
        float[] v = velocity;
        for (int i = 0; i < w.length; i++) {
            float vi = 0.9f * v[i] + g[i];
            v[i] = vi;
            w[i] -= 0.01f * vi;
        }
        return l;
    }
}
