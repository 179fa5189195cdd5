package dev.descent.cli;

import dev.descent.cli.report.Json;
import dev.descent.io.OutputFile;
import dev.descent.minimize.Callback;
import dev.descent.minimize.Iterate;
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.problems.Problem;
import dev.descent.problems.Problems;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code descent minimize}: runs one method on one catalogue problem and prints the
 * {@link Result} summary, or one JSON object with {@code --json}. While it runs,
 * {@link MinimizeProgress} shows the iterations on standard error.
 */
@Command(
        name = "minimize",
        mixinStandardHelpOptions = true,
        description = {
            "Minimize a test problem with a second-order, quasi-Newton or first-order method.",
            "Methods: gd newton bfgs lbfgs newton-cg cg cg-hz, and the first-order optimizers (see --method)."
        })
public final class MinimizeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--problem", required = true, paramLabel = "NAME",
            description = "Test problem, e.g. rosenbrock, mgh:5, beale, quadratic:kappa=1000.")
    String problem;

    @Option(names = "--dim", paramLabel = "N", description = "Dimension (for problems that take one).")
    Integer dim;

    @Option(names = "--x0", split = ",", paramLabel = "a,b,...", hideParamSyntax = true, description = "Starting point (default: the problem's standard one).")
    double[] x0;

    @Option(names = "--method", required = true, paramLabel = "METHOD", completionCandidates = OptimizerNames.class,
            description = "gd, newton, bfgs, lbfgs, newton-cg, cg, cg-hz, or an optimizer NAME[:KEY=VALUE,...] with NAME one of ${COMPLETION-CANDIDATES}.")
    String method;

    @Mixin
    FirstOrderOptions firstOrder;

    @Mixin
    MinimizerOptions minimizer;

    @Option(names = "--trace", paramLabel = "FILE.csv", description = "Write the per-iteration trace as CSV (atomically).")
    Path trace;

    @Mixin
    JsonOption jsonOption;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() {
        Method m = method();
        // sizes are checked before the problem or the method allocates anything
        int n = dim != null ? dim : Problems.defaultDimension(problem);
        if (dim != null && dim < 1) {
            throw new IllegalArgumentException("--dim must be ≥ 1, got " + dim);
        }
        Limits.fits("--dim " + n, n, Double.BYTES, 8, "give a smaller --dim");
        if (m instanceof Method.Newton || m instanceof Method.Bfgs) {
            Limits.fits(String.format(Locale.ROOT, "--method %s at n = %d (an n × n matrix)", methodName(), n), (double) n * n,
                    Double.BYTES, 2, "use lbfgs or newton-cg, which need memory in proportion to n");
        }
        if (m instanceof Method.Lbfgs l) {
            Limits.fits(String.format(Locale.ROOT, "--memory %d at n = %d", l.memory(), n), 2.0 * l.memory() * n, Double.BYTES, 1,
                    "give a smaller --memory (3 to 20 is usual)");
        }
        if (x0 != null) {
            for (int i = 0; i < x0.length; i++) {
                if (!Double.isFinite(x0[i])) {
                    throw new IllegalArgumentException("--x0: value " + (i + 1) + " is " + x0[i] + "; give finite numbers");
                }
            }
        }
        Problem p = dim == null ? Problems.named(problem) : Problems.named(problem, dim);
        double[] start = p.x0();
        if (x0 != null) {
            if (x0.length != p.dimension()) {
                throw new IllegalArgumentException("--x0 has " + x0.length + " values but problem '" + p.name()
                        + "' has dimension " + p.dimension() + "; give " + p.dimension() + " values or use --dim");
            }
            start = x0.clone();
        }
        if (m instanceof Method.Newton && p.objective().hessian().isEmpty()) {
            throw new IllegalArgumentException("problem '" + p.name()
                    + "' has no analytic Hessian, so newton cannot run on it; use --method newton-cg");
        }
        if (trace != null) {
            OutputFile.check(trace, "--trace", "trace.csv"); // before the run, which may be long
        }
        Settings s = minimizer.settings(Settings.DEFAULTS.withTrace(trace != null));
        if ((m instanceof Method.Newton || m instanceof Method.Bfgs) && n >= 2000) {
            // a long wait with nothing to show: say what it costs before it starts
            PrintWriter err = spec.commandLine().getErr();
            err.printf(Locale.ROOT, "descent: %s at n = %d %s an n × n matrix at each iteration (about %.1e flops each),"
                    + " up to %d iterations; lbfgs or newton-cg cost O(n) memory per iteration%n", methodName(), n,
                    m instanceof Method.Newton ? "factors" : "updates", m instanceof Method.Newton ? n * (double) n * n / 3 : 2.0 * n * n,
                    s.maxIterations());
            err.flush();
        }
        Result r;
        // progress on standard error: a bar on a terminal, else a line per iteration for runs that take seconds per iteration
        try (MinimizeProgress shown = progress.noProgress ? null : new MinimizeProgress(spec.commandLine().getErr(), progress.bar(),
                methodName(), s.maxIterations(), s.gradTol(), MinimizeProgress.INTERVAL)) {
            r = Minimize.run(p.objective(), start, m, s, shown == null ? Callback.NONE : shown);
        }
        if (trace != null) {
            writeTrace(trace, r);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (jsonOption.json) {
            out.println(json(r, p, methodName()));
        } else {
            out.printf(Locale.ROOT, "problem %s (n = %d)%s%n%n", p.name(), p.dimension(),
                    p.hasFStar() ? ", known minimum f* = " + p.fStar() : "");
            out.print(r);
        }
        out.flush();
        // a run that blew up (f or its gradient NaN or infinite) has its own status, as a diverged training run
        return r.status() == dev.descent.minimize.Status.NON_FINITE ? Main.EXIT_DIVERGED : 0;
    }

    /** Builds the method from --method and the options that refine it, rejecting ones that do not apply. */
    Method method() {
        Method m = Method.named(method.strip());
        if (m instanceof Method.FirstOrder) {
            minimizer.refine(m, method); // refuses --memory and --line-search
            return firstOrder.method(method);
        }
        firstOrder.refuseFor(method);
        return minimizer.refine(m, method);
    }

    /** The method as the user named it, without a spec's parameters (momentum, not its optimizer sgd). */
    private String methodName() {
        String m = method.strip();
        return m.contains(":") ? m.substring(0, m.indexOf(':')) : m;
    }

    static String json(Result r, Problem p, String methodName) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("method", methodName);
        j.put("problem", p.name());
        j.put("dim", p.dimension());
        j.put("status", r.status().name());
        j.put("converged", r.converged());
        j.put("iterations", r.iterations());
        j.put("fEvals", r.stats().fEvals());
        j.put("gEvals", r.stats().gEvals());
        j.put("hEvals", r.stats().hEvals());
        j.put("hvEvals", r.stats().hvEvals());
        j.put("f", r.f());
        j.put("gradNorm", r.gradNorm());
        j.put("seconds", r.stats().seconds());
        if (r.x().length <= 10) {
            j.put("x", r.x());
        }
        return Json.write(j);
    }

    /** iter,f,gradNorm,lr,fEvals[,x0,x1,...]; written by {@link OutputFile}'s rules. */
    static void writeTrace(Path file, Result r) {
        int n = r.x().length;
        boolean withX = !r.trace().isEmpty() && r.trace().getFirst().x() != null;
        StringBuilder b = new StringBuilder("iter,f,gradNorm,lr,fEvals");
        if (withX) {
            for (int i = 0; i < n; i++) {
                b.append(",x").append(i);
            }
        }
        b.append('\n');
        for (Iterate it : r.trace()) {
            b.append(it.iter()).append(',').append(it.f()).append(',').append(it.gradNorm()).append(',')
                    .append(it.step()).append(',').append(it.fEvals());
            if (withX) {
                for (double v : it.x()) {
                    b.append(',').append(v);
                }
            }
            b.append('\n');
        }
        try {
            OutputFile.writeString(file, b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write --trace " + file + ": " + OutputFile.reason(e), e);
        }
    }
}
