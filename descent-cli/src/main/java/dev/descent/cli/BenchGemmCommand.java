package dev.descent.cli;

import dev.descent.cli.report.Json;
import dev.descent.linalg.Gemm;
import dev.descent.linalg.GemmBackend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code descent bench gemm}: single-precision matrix-multiply throughput of every available
 * backend on square n×n products, GFLOPS = 2n³/seconds, median and range over repetitions.
 */
@Command(
        name = "gemm",
        mixinStandardHelpOptions = true,
        description = "SGEMM GFLOPS (C = A·B, square n×n, float32) for each available backend: "
                + "openblas, vector, scalar.")
public final class BenchGemmCommand implements Runnable {

    /** Created by picocli, which then sets the options. */
    public BenchGemmCommand() {}

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--size", paramLabel = "N", description = "Matrix size n (default: ${DEFAULT-VALUE}).",
            defaultValue = "512")
    int size;

    @Option(names = "--reps", paramLabel = "R", description = "Measurements per backend (default: ${DEFAULT-VALUE}).",
            defaultValue = "5")
    int reps;

    @Option(names = "--min-time", paramLabel = "SECONDS",
            description = "Each measurement repeats the product for at least this long, after a warm-up 5 times as long (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.2")
    double minTime;

    @Option(names = "--threads", paramLabel = "T",
            description = "OpenBLAS threads (default: ${DEFAULT-VALUE}); the Java kernels use one.",
            defaultValue = "1")
    int threads;

    @Option(names = "--backend", paramLabel = "NAME", split = ",",
            description = "Only these backends (openblas, vector, scalar; default: all available).")
    List<String> backends;

    @Mixin
    JsonOption jsonOption;

    /** One backend's figures. */
    record Figure(GemmBackend backend, double median, double min, double max, String description) {}

    @Override
    public void run() {
        if (size < 1 || size > 8192) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--size must be in [1, 8192], got " + size);
        }
        if (reps < 1 || reps > 1000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reps must be in [1, 1000], got " + reps);
        }
        if (!(minTime > 0 && minTime <= 60)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--min-time must be in (0, 60] seconds, got " + minTime);
        }
        Limits.threads("--threads", threads, spec.commandLine().getErr()); // one range and one warning for --threads in every command
        List<GemmBackend> chosen = new ArrayList<>();
        if (backends == null || backends.isEmpty()) {
            chosen.addAll(Gemm.available());
        } else {
            for (String b : backends) {
                GemmBackend g = GemmBackend.of(b);
                if (!Gemm.available().contains(g)) {
                    throw new IllegalArgumentException(Gemm.describe(g));
                }
                chosen.add(g);
            }
        }
        int before = Gemm.threads();
        Gemm.setThreads(threads);
        List<Figure> figures = new ArrayList<>();
        try {
            for (GemmBackend b : chosen) {
                if (!jsonOption.json) { // a line per stage on standard error: seconds of silence otherwise
                    spec.commandLine().getErr().println("descent bench gemm: measuring " + b.name().toLowerCase(Locale.ROOT) + " ...");
                    spec.commandLine().getErr().flush();
                }
                figures.add(measure(b));
            }
        } finally {
            Gemm.setThreads(before);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (jsonOption.json) {
            out.println(toJson(figures));
        } else {
            out.printf(Locale.ROOT, "SGEMM %d×%d×%d float32, row-major; median GFLOPS of %d measurements (range)%n",
                    size, size, size, reps);
            for (Figure f : figures) {
                out.printf(Locale.ROOT, "  %-9s %8.1f  (%.1f–%.1f)  %s%n", f.backend().id(), f.median(), f.min(), f.max(),
                        f.description());
            }
            out.printf("in use: %s%n", Gemm.describe());
        }
        out.flush();
    }

    /** The warm-up per backend, in multiples of {@code --min-time}. */
    static final double WARM_UP_FACTOR = 5;

    private Figure measure(GemmBackend b) {
        int n = size;
        SplittableRandom r = new SplittableRandom(1);
        float[] a = new float[n * n];
        float[] bm = new float[n * n];
        float[] c = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble();
            bm[i] = (float) r.nextDouble();
        }
        double flops = 2.0 * n * n * n;
        // warm-up: compile the Java kernels, fault in the buffers; 5 × --min-time (1 s by default), since
        // the Vector API kernel runs ~100× slower until C2 has compiled it (0.2 s left it unwarmed at n = 64)
        long warmEnd = System.nanoTime() + (long) (WARM_UP_FACTOR * minTime * 1e9);
        do {
            Gemm.sgemm(b, false, false, n, n, n, 1f, a, 0, n, bm, 0, n, 0f, c, 0, n);
        } while (System.nanoTime() < warmEnd);
        double[] rates = new double[reps];
        long iters = 1;
        for (int rep = 0; rep < reps; rep++) {
            while (true) {
                long t0 = System.nanoTime();
                for (long i = 0; i < iters; i++) {
                    Gemm.sgemm(b, false, false, n, n, n, 1f, a, 0, n, bm, 0, n, 0f, c, 0, n);
                }
                double dt = (System.nanoTime() - t0) * 1e-9;
                if (dt >= minTime) {
                    rates[rep] = flops * iters / dt * 1e-9;
                    break;
                }
                iters = Math.max(iters * 2, (long) (iters * minTime / Math.max(dt, 1e-9)) + 1);
            }
        }
        double[] s = rates.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return new Figure(b, median, s[0], s[s.length - 1], Gemm.describe(b));
    }

    private String toJson(List<Figure> figures) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("size", size);
        o.put("reps", reps);
        o.put("threads", threads);
        o.put("inUse", Gemm.backend().id());
        List<Map<String, Object>> backends = new ArrayList<>();
        for (Figure f : figures) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("name", f.backend().id());
            b.put("gflopsMedian", f.median());
            b.put("gflopsMin", f.min());
            b.put("gflopsMax", f.max());
            b.put("description", f.description());
            backends.add(b);
        }
        o.put("backends", backends);
        return Json.write(o);
    }
}
