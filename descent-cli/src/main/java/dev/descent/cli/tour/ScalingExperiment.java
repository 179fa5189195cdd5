package dev.descent.cli.tour;

import dev.descent.cli.report.Fmt;
import dev.descent.cli.report.Section;
import dev.descent.cli.report.Series;
import dev.descent.cli.report.XYChart;
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.problems.Problem;
import dev.descent.problems.Problems;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 4: measured seconds per iteration of Newton (dense Hessian, Cholesky: O(N³)), BFGS
 * (dense inverse-Hessian update: O(N²)) and L-BFGS (two-loop recursion, m = 10: O(mN)) on the
 * extended Rosenbrock function for growing N, on log–log axes, with the fitted slopes and the
 * reference lines anchored at each method's largest measurement. Timed: it runs alone.
 */
final class ScalingExperiment implements Experiment {

    @Override
    public int number() {
        return 4;
    }

    @Override
    public String id() {
        return "cost";
    }

    @Override
    public String title() {
        return "Cost per iteration against N";
    }

    @Override
    public String teaches() {
        return "Newton's step solves an N×N system (O(N³)), BFGS updates an N×N matrix (O(N²)), L-BFGS keeps m vector"
                + " pairs (O(mN)): this is why full second-order methods stop at a few thousand parameters.";
    }

    @Override
    public boolean timed() {
        return true;
    }

    @Override
    public Section run(TourContext ctx, Progress progress) {
        long t0 = System.nanoTime();
        int[] newtonN = ctx.quick() ? new int[] {50, 100, 200, 400} : new int[] {50, 100, 200, 400, 800, 1200};
        int[] bfgsN = ctx.quick() ? new int[] {50, 100, 200, 400, 800} : new int[] {50, 100, 200, 400, 800, 1600, 2400};
        int[] lbfgsN = ctx.quick() ? new int[] {50, 200, 800, 3200, 12800} : new int[] {50, 200, 800, 3200, 12800, 51200, 204800};
        progress.total(newtonN.length + bfgsN.length + lbfgsN.length + 3);
        // warm up the JIT on each method so the first sizes are not compile time
        for (String m : List.of("newton", "bfgs", "lbfgs")) {
            perIteration(m, 100, 40);
            progress.step(1);
        }
        double[] newton = measure("newton", newtonN, 4, progress);
        double[] bfgs = measure("bfgs", bfgsN, 10, progress);
        double[] lbfgs = measure("lbfgs", lbfgsN, 20, progress);
        double sNewton = Slopes.logLog(upper(newtonN), upper(newtonN, newton));
        double sBfgs = Slopes.logLog(upper(bfgsN), upper(bfgsN, bfgs));
        double sLbfgs = Slopes.logLog(upper(lbfgsN), upper(lbfgsN, lbfgs));

        XYChart chart = XYChart.builder("cost-n", "CPU seconds per iteration, extended Rosenbrock", "N (variables)", "CPU seconds per iteration")
                .logX()
                .logY()
                .add(new Series("Newton (slope " + Fmt.sig(sNewton, 2) + ")", toD(newtonN), newton, Series.Style.LINE_MARKERS))
                .add(new Series("BFGS (slope " + Fmt.sig(sBfgs, 2) + ")", toD(bfgsN), bfgs, Series.Style.LINE_MARKERS))
                .add(new Series("L-BFGS m=10 (slope " + Fmt.sig(sLbfgs, 2) + ")", toD(lbfgsN), lbfgs, Series.Style.LINE_MARKERS))
                .add(reference("O(N³)", newtonN, newton, 3))
                .add(reference("O(N²)", bfgsN, bfgs, 2))
                .add(reference("O(mN)", lbfgsN, lbfgs, 1))
                .build();
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("problem", "extended-rosenbrock");
        numbers.put("slopes", Map.of("newton", sNewton, "bfgs", sBfgs, "lbfgs", sLbfgs));
        numbers.put("slopeFit", "least squares on log–log over the upper half of each method's sizes");
        int ln = newtonN.length - 1;
        int lb = bfgsN.length - 1;
        String takeaway = "The fitted log–log slopes are " + Fmt.sig(sNewton, 2) + " for Newton, " + Fmt.sig(sBfgs, 2) + " for BFGS and "
                + Fmt.sig(sLbfgs, 2) + " for L-BFGS, against 3, 2 and 1 in theory (small N is dominated by fixed costs). "
                + "At N = " + newtonN[ln] + " a Newton iteration took " + Fmt.seconds(newton[ln]) + ", at N = " + bfgsN[lb]
                + " a BFGS iteration " + Fmt.seconds(bfgs[lb]) + ", while L-BFGS handled N = " + lbfgsN[lbfgsN.length - 1]
                + " in " + Fmt.seconds(lbfgs[lbfgs.length - 1]) + " per iteration.";
        return new Section(number(), id(), title(), teaches(), List.of(chart), null, takeaway,
                ctx.command(number()),
                ctx.seedFor(number()), (System.nanoTime() - t0) * 1e-9, null, numbers);
    }

    private static double[] measure(String method, int[] ns, int iterations, Progress progress) {
        double[] out = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            // the median of three runs, each of a few iterations from the standard start
            double[] r = {perIteration(method, ns[i], iterations), perIteration(method, ns[i], iterations),
                perIteration(method, ns[i], iterations)};
            Arrays.sort(r);
            out[i] = r[1];
            progress.step(1);
        }
        return out;
    }

    /**
     * CPU seconds of this thread per iteration, over {@code iterations} iterations of
     * {@code method} at size n. Thread CPU time, not wall time: the machine is shared, and a busy
     * neighbour must not bend the slopes.
     */
    static double perIteration(String method, int n, int iterations) {
        Problem p = Problems.named("extended-rosenbrock", n);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        Result r = Minimize.run(p.objective(), p.x0(), Method.named(method), Settings.DEFAULTS.withMaxIterations(iterations).withGradTol(0));
        long c1 = mx.getCurrentThreadCpuTime();
        return (c1 - c0) * 1e-9 / Math.max(1, r.iterations());
    }

    private static Series reference(String name, int[] ns, double[] t, int power) {
        int last = ns.length - 1;
        double[] x = {ns[0], ns[last]};
        double[] y = {t[last] * Math.pow((double) ns[0] / ns[last], power), t[last]};
        return new Series(name, x, y, Series.Style.DASHED);
    }

    private static double[] upper(int[] ns) {
        return Arrays.copyOfRange(toD(ns), ns.length / 2, ns.length);
    }

    private static double[] upper(int[] ns, double[] t) {
        return Arrays.copyOfRange(t, ns.length / 2, ns.length);
    }

    private static double[] toD(int[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

}
