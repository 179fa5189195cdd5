package dev.descent.cli;

import dev.descent.problems.ScalingBench;
import dev.descent.cli.report.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code descent bench scaling}: time per iteration against N for Newton, BFGS and L-BFGS on the
 * extended Rosenbrock family, with fitted log–log slopes (see {@link ScalingBench}).
 */
@Command(
        name = "scaling",
        mixinStandardHelpOptions = true,
        description = {
            "Time per iteration against N for Newton, BFGS and L-BFGS, with fitted log-log slopes.",
            "The lecture's claim: O(N^3) for Newton, O(N^2) for BFGS, O(mN) for L-BFGS."
        })
public final class BenchScalingCommand implements Callable<Integer> {

    /** Created by picocli, which then sets the options. */
    public BenchScalingCommand() {}

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--methods", split = ",", defaultValue = "newton,bfgs,lbfgs", paramLabel = "M,...",
            description = "Methods to time (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--dims", split = ",", defaultValue = "50,100,200,400,800,1600", paramLabel = "N,...",
            description = "Dimensions, even (default: ${DEFAULT-VALUE}).")
    int[] dims;

    @Option(names = "--iterations", defaultValue = "5", paramLabel = "K",
            description = "Iterations per run (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--repeats", defaultValue = "3", paramLabel = "R",
            description = "Least runs per point (more until 0.3 s are spent); the median is kept (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Mixin
    JsonOption jsonOption;

    @Override
    public Integer call() {
        if (iterations < 1 || repeats < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--iterations and --repeats must be >= 1, got " + iterations + " and " + repeats);
        }
        for (String name : methods) { // every name checked before the first method runs
            if (dev.descent.minimize.Method.named(name.strip()) instanceof dev.descent.minimize.Method.FirstOrder) {
                throw new IllegalArgumentException("bench scaling times line-search methods; '" + name + "' is a first-order optimizer");
            }
        }
        // one method at a time (each is measured on its own), with a line on standard error after each: seconds of silence otherwise
        List<ScalingBench.Point> points = new java.util.ArrayList<>();
        Map<String, Double> slopes = new java.util.LinkedHashMap<>();
        Map<String, Double> tails = new java.util.LinkedHashMap<>();
        for (String name : methods) {
            long t0 = System.nanoTime();
            ScalingBench.Report one = ScalingBench.run(List.of(name), dims, iterations, repeats);
            points.addAll(one.points());
            slopes.putAll(one.slopes());
            tails.putAll(one.tailSlopes());
            if (!jsonOption.json) {
                spec.commandLine().getErr().printf(Locale.ROOT, "descent bench scaling: %s timed at %d sizes in %.1f s%n", name.strip(),
                        dims.length, (System.nanoTime() - t0) * 1e-9);
                spec.commandLine().getErr().flush();
            }
        }
        ScalingBench.Report r = new ScalingBench.Report(points, slopes, tails);
        PrintWriter out = spec.commandLine().getOut();
        if (jsonOption.json) {
            out.println(json(r, iterations, repeats));
        } else {
            out.printf(Locale.ROOT, "%s, %d iterations per run, median of >= %d runs (until 0.3 s); ms per iteration%n",
                    ScalingBench.PROBLEM, iterations, repeats);
            out.printf(Locale.ROOT, "%-10s %8s %12s %12s %12s %6s%n", "method", "N", "ms/iter", "min", "max", "runs");
            for (ScalingBench.Point p : r.points()) {
                out.printf(Locale.ROOT, "%-10s %8d %12.4f %12.4f %12.4f %6d%n", p.method(), p.n(),
                        p.secondsPerIteration() * 1e3, p.minSeconds() * 1e3, p.maxSeconds() * 1e3, p.runs());
            }
            out.println();
            out.println("fitted slope of log(time per iteration) on log N (claim: newton 3, bfgs 2, lbfgs 1):");
            for (Map.Entry<String, Double> e : r.slopes().entrySet()) {
                out.printf(Locale.ROOT, "  %-10s all dims %.2f   three largest dims %.2f%n", e.getKey(), e.getValue(),
                        r.tailSlopes().get(e.getKey()));
            }
        }
        out.flush();
        return 0;
    }

    static String json(ScalingBench.Report r, int iterations, int repeats) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("problem", ScalingBench.PROBLEM);
        o.put("iterations", iterations);
        o.put("repeats", repeats);
        List<Map<String, Object>> points = new ArrayList<>();
        for (ScalingBench.Point p : r.points()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", p.method());
            m.put("n", p.n());
            m.put("secondsPerIteration", p.secondsPerIteration());
            m.put("minSeconds", p.minSeconds());
            m.put("maxSeconds", p.maxSeconds());
            m.put("iterations", p.iterations());
            m.put("runs", p.runs());
            points.add(m);
        }
        o.put("points", points);
        o.put("slopes", r.slopes());
        o.put("tailSlopes", r.tailSlopes());
        return Json.write(o);
    }
}
