package dev.descent.cli;

import dev.descent.cli.report.Json;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code descent bench step}: the time of one optimizer step on N float32 parameters, as ns per
 * parameter and effective bandwidth, beside a STREAM triad (a ← b + s·c) on arrays of the same
 * size measured in the same run, step and triad interleaved rep by rep.
 */
@Command(
        name = "step",
        mixinStandardHelpOptions = true,
        description = {
            "Time one optimizer step on N float32 parameters beside a STREAM triad.",
            "One thread; the triad a = b + s*c runs on arrays of the same size in the same run.",
            "",
            "Bytes per parameter: theta read and written, g read, and each state array",
            "read and written: sgd 12; momentum, nesterov, adagrad, rmsprop, lion 20;",
            "adam, adamw, nadam, radam, adamax, adadelta 28; 8 more for amsgrad and for",
            "rmsprop's centered and momentum buffers each, 4 more for clip_norm's read",
            "of g. The triad counts 12 per element.",
            ""
        },
        footer = {
            "",
            "SPEC is name[:key=value,...] with PyTorch's argument names, for example",
            "adam:lr=1e-3,beta2=0.99 or sgd:lr=0.1,momentum=0.9,nesterov=true; every",
            "optimizer also takes weight_decay, maximize, clip_norm and clip_value."
        })
public final class BenchStepCommand implements Runnable {

    /** Created by picocli, which then sets the options. */
    public BenchStepCommand() {}

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--optimizer", required = true, paramLabel = "SPEC",
            description = "An optimizer name or spec, e.g. adam or sgd:lr=0.1,momentum=0.9 (names: ${COMPLETION-CANDIDATES}).",
            completionCandidates = Names.class)
    String optimizer;

    @Option(names = "--params", paramLabel = "N", defaultValue = "10000000",
            description = "Number of float32 parameters (default ${DEFAULT-VALUE}).")
    int params;

    @Option(names = "--reps", paramLabel = "R", defaultValue = "20",
            description = "Timed repetitions of step and triad, after at least as many warm-up ones (default ${DEFAULT-VALUE}).")
    int reps;

    @Mixin
    JsonOption jsonOption;

    /** The optimizer names, for --help. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Optimizers.names().iterator();
        }
    }

    /** The figures of one run: medians and ranges in ns per element. */
    record Result(String optimizer, int params, int bytesPerParam, int reps, double[] stepNs, double[] triadNs) {

        double nsPerParam() {
            return median(stepNs);
        }

        double gbPerSec() {
            return bytesPerParam / nsPerParam();
        }

        double streamGbPerSec() {
            return 12 / median(triadNs);
        }

        double ratioToStream() {
            return gbPerSec() / streamGbPerSec();
        }
    }

    @Override
    public void run() {
        if (params < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--params must be ≥ 1, got " + params);
        }
        if (reps < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reps must be ≥ 1, got " + reps);
        }
        OptimizerConfig config = Optimizers.parse(optimizer);
        // θ, g, up to three state arrays and the triad's arrays, before any of them is allocated
        Limits.fits("--params " + params, params, Float.BYTES, 7, "give a smaller --params");
        Result r = measure(optimizer.strip(), config, params, reps);
        PrintWriter out = spec.commandLine().getOut();
        if (jsonOption.json) {
            out.println(json(r));
        } else {
            human(out, r);
        }
        out.flush();
    }

    static Result measure(String label, OptimizerConfig config, int n, int reps) {
        SplittableRandom random = new SplittableRandom(42);
        float[] theta = new float[n];
        float[] grad = new float[n];
        for (int i = 0; i < n; i++) {
            theta[i] = (float) random.nextGaussian();
            grad[i] = (float) (1e-2 * random.nextGaussian());
        }
        Optimizer opt = config.create(n);
        double lr = Math.min(config.lr(), 1e-4); // keep θ finite over many steps with a fixed gradient
        float[] a = new float[n];
        float[] b = theta.clone();
        float[] c = grad.clone();
        // warm-up: at least as many steps as the JIT needs to compile the kernels on small N
        int warm = Math.max(reps, (int) Math.min(2000, 20_000_000L / n));
        for (int k = 0; k < warm; k++) {
            opt.step(theta, grad, lr);
            triad(a, b, c, 0.5f);
        }
        double[] stepNs = new double[reps];
        double[] triadNs = new double[reps];
        // short arrays: time many repetitions per sample so that each sample lasts about 1 ms
        int inner = (int) Math.max(1, Math.min(100_000, 1_000_000L / n));
        for (int k = 0; k < reps; k++) {
            long t0 = System.nanoTime();
            for (int j = 0; j < inner; j++) {
                opt.step(theta, grad, lr);
            }
            long t1 = System.nanoTime();
            for (int j = 0; j < inner; j++) {
                triad(a, b, c, 0.5f);
            }
            long t2 = System.nanoTime();
            stepNs[k] = (double) (t1 - t0) / inner / n;
            triadNs[k] = (double) (t2 - t1) / inner / n;
        }
        if (!Float.isFinite(theta[n / 2]) || !Float.isFinite(a[n / 2])) {
            throw new IllegalStateException("the benchmark produced non-finite values");
        }
        return new Result(label, n, opt.bytesPerParam(), reps, stepNs, triadNs);
    }

    /** STREAM triad on float32: a ← b + s·c (12 bytes per element). */
    static void triad(float[] a, float[] b, float[] c, float s) {
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + s * c[i];
        }
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    static double min(double[] x) {
        return Arrays.stream(x).min().orElseThrow();
    }

    static double max(double[] x) {
        return Arrays.stream(x).max().orElseThrow();
    }

    private static void human(PrintWriter out, Result r) {
        out.printf(Locale.ROOT, "optimizer step: %s on %,d float32 parameters, one thread, %d reps (median, range)%n",
                r.optimizer(), r.params(), r.reps());
        out.printf(Locale.ROOT, "  step          %7.3f ns/param  (%.3f .. %.3f)   %d bytes/param  -> %6.2f GB/s%n",
                r.nsPerParam(), min(r.stepNs()), max(r.stepNs()), r.bytesPerParam(), r.gbPerSec());
        out.printf(Locale.ROOT, "  STREAM triad  %7.3f ns/elem   (%.3f .. %.3f)   12 bytes/elem   -> %6.2f GB/s%n",
                median(r.triadNs()), min(r.triadNs()), max(r.triadNs()), r.streamGbPerSec());
        out.printf(Locale.ROOT, "  ratio to triad bandwidth: %.2f%n", r.ratioToStream());
        out.printf(Locale.ROOT, "  kernels: %s; java %s; %s%n", Optimizers.kernels(), Runtime.version(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    static String json(Result r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("optimizer", r.optimizer());
        o.put("params", r.params());
        o.put("bytesPerParam", r.bytesPerParam());
        o.put("nsPerParam", r.nsPerParam());
        o.put("gbPerSec", r.gbPerSec());
        o.put("streamGbPerSec", r.streamGbPerSec());
        o.put("ratioToStream", r.ratioToStream());
        o.put("nsPerParamMin", min(r.stepNs()));
        o.put("nsPerParamMax", max(r.stepNs()));
        o.put("reps", r.reps());
        o.put("kernels", Optimizers.kernels());
        return Json.write(o);
    }
}
