package dev.descent.bench;

import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH: one fused optimizer step over N float32 parameters with the Vector API kernels; compare
 * with {@link StreamTriadBench} on the same N. Divide the time per op by N for ns/param. Run:
 * {@code java --add-modules jdk.incubator.vector -jar descent-bench/target/benchmarks.jar 'OptimizerStep|StreamTriad'}
 *
 * <p>The {@code optimizer} parameter takes any spec ({@code -p optimizer=adam:amsgrad=true}); its
 * default values are three representative rules (12, 20 and 28 bytes per parameter). Every
 * registered optimizer, read from the registry so that a new one needs no edit here:
 * {@code java --add-modules jdk.incubator.vector -cp descent-bench/target/benchmarks.jar dev.descent.bench.OptimizerStepBench}
 * (extra arguments are passed to JMH's command line, for example {@code -p n=10000000}).
 */
@Warmup(iterations = 6, time = 2)
public class OptimizerStepBench extends MemoryBoundBench {

    /** An optimizer spec; {@link #main} runs every registered name. */
    @Param({"sgd", "lion", "adam"})
    public String optimizer;

    float[] theta;
    float[] grad;
    Optimizer opt;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        theta = new float[n];
        grad = new float[n];
        for (int i = 0; i < n; i++) {
            theta[i] = (float) r.nextGaussian();
            grad[i] = (float) (1e-2 * r.nextGaussian());
        }
        OptimizerConfig config = Optimizers.parse(optimizer);
        opt = config.create(n);
    }

    @Benchmark
    public float step() {
        opt.step(theta, grad, 1e-5);
        return theta[0];
    }

    /**
     * Runs this benchmark for every optimizer name of the registry.
     *
     * @param args JMH command-line options, such as {@code -p n=10000000 -f 1}
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        Options cli = new CommandLineOptions(args);
        Options all = new OptionsBuilder().parent(cli).include(OptimizerStepBench.class.getName())
                .param("optimizer", Optimizers.names().toArray(String[]::new)).build();
        new Runner(all).run();
    }
}
