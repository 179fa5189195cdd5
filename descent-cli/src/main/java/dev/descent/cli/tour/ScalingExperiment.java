package dev.descent.cli.tour;

import dev.descent.cli.report.Fmt;
import dev.descent.cli.report.Section;
import dev.descent.cli.report.Series;
import dev.descent.cli.report.XYChart;
import dev.descent.problems.ScalingBench;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 4: measured seconds per iteration of Newton (dense Hessian, Cholesky: O(N³)), BFGS
 * (dense inverse-Hessian update: O(N²)) and L-BFGS (two-loop recursion, m = 10: O(mN)) on the
 * extended Rosenbrock function for growing N, on log–log axes, with the fitted slopes and the
 * reference lines anchored at each method's largest measurement. The measurement is
 * {@link ScalingBench}'s (the one behind {@code descent bench scaling}). Timed: it runs alone.
 */
final class ScalingExperiment implements Experiment {

    @Override
    public String label() {
        return "cost vs N";
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
        return "Newton's step solves an N×N system (O(N³)), BFGS updates an N×N matrix (O(N²)), L-BFGS keeps only the"
                + " last m pairs of vectors, each a step and the gradient change it caused (m = 10 here), and so costs O(mN):"
                + " this is why full second-order methods stop at a few thousand parameters.";
    }

    @Override
    public boolean timed() {
        return true;
    }

    @Override
    public Section run(TourContext ctx, Progress progress) {
        long t0 = System.nanoTime();
        // every method runs the sizes up to Newton's largest, so that all three can be compared at one N;
        // the cheaper methods then go further
        int[] newtonN = ctx.quick() ? new int[] {100, 200, 400} : new int[] {50, 100, 200, 400, 800, 1200};
        int[] bfgsN = ctx.quick() ? new int[] {100, 200, 400, 800} : new int[] {50, 100, 200, 400, 800, 1200, 2400};
        int[] lbfgsN = ctx.quick() ? new int[] {100, 200, 400, 800, 3200, 12800}
                : new int[] {50, 100, 200, 400, 800, 1200, 3200, 12800, 51200, 204800};
        double perPoint = ctx.pick(ScalingBench.DEFAULT_MIN_SECONDS, 0.1);
        progress.total(3);
        ScalingBench.Report rn = ScalingBench.run(List.of("newton"), newtonN, 4, 3, perPoint);
        progress.step(1);
        ScalingBench.Report rb = ScalingBench.run(List.of("bfgs"), bfgsN, 10, 3, perPoint);
        progress.step(1);
        ScalingBench.Report rl = ScalingBench.run(List.of("lbfgs"), lbfgsN, 20, 3, perPoint);
        progress.step(1);
        double[] newton = times(rn);
        double[] bfgs = times(rb);
        double[] lbfgs = times(rl);
        double sNewton = rn.tailSlopes().get("newton");
        double sBfgs = rb.tailSlopes().get("bfgs");
        double sLbfgs = rl.tailSlopes().get("lbfgs");

        XYChart chart = XYChart.builder("cost-n", "Seconds per iteration, extended Rosenbrock", "N (variables)", "seconds per iteration (median)")
                .logX()
                .logY()
                .add(new Series("Newton (slope " + Fmt.sig(sNewton, 2) + ")", toD(newtonN), newton, Series.Style.LINE_MARKERS))
                .add(new Series("BFGS (slope " + Fmt.sig(sBfgs, 2) + ")", toD(bfgsN), bfgs, Series.Style.LINE_MARKERS))
                .add(new Series("L-BFGS m=10 (slope " + Fmt.sig(sLbfgs, 2) + ")", toD(lbfgsN), lbfgs, Series.Style.LINE_MARKERS))
                .add(reference("O(N³)", newtonN, newton, 3).withColour(0))
                .add(reference("O(N²)", bfgsN, bfgs, 2).withColour(1))
                .add(reference("O(mN)", lbfgsN, lbfgs, 1).withColour(2))
                .build();
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("problem", "extended-rosenbrock");
        numbers.put("slopes", Map.of("newton", sNewton, "bfgs", sBfgs, "lbfgs", sLbfgs));
        numbers.put("slopeFit", "least squares on log–log over each method's three largest N (ScalingBench tail slopes)");
        numbers.put("allSizeSlopes", Map.of("newton", rn.slopes().get("newton"), "bfgs", rb.slopes().get("bfgs"), "lbfgs", rl.slopes().get("lbfgs")));
        int ln = newtonN.length - 1;
        int lb = bfgsN.length - 1;
        int common = newtonN[ln]; // the largest N all three ran
        double bAtCommon = bfgs[java.util.Arrays.binarySearch(bfgsN, common)];
        double lAtCommon = lbfgs[java.util.Arrays.binarySearch(lbfgsN, common)];
        numbers.put("commonN", common);
        numbers.put("secondsPerIterationAtCommonN", Map.of("newton", newton[ln], "bfgs", bAtCommon, "lbfgs", lAtCommon));
        String takeaway = "The fitted log–log slopes are " + Fmt.sig(sNewton, 2) + " for Newton, " + Fmt.sig(sBfgs, 2) + " for BFGS and "
                + Fmt.sig(sLbfgs, 2) + " for L-BFGS, against 3, 2 and 1 in theory (fitted over each method's three largest N; small N is dominated by fixed costs). "
                + "At N = " + common + ", the largest size all three ran, an iteration took " + Fmt.seconds(newton[ln]) + " with Newton, "
                + Fmt.seconds(bAtCommon) + " with BFGS and " + Fmt.seconds(lAtCommon) + " with L-BFGS; BFGS went on to N = " + bfgsN[lb]
                + " (" + Fmt.seconds(bfgs[lb]) + " per iteration) and L-BFGS to N = " + lbfgsN[lbfgsN.length - 1]
                + " (" + Fmt.seconds(lbfgs[lbfgs.length - 1]) + ").";
        return new Section(ctx.section(), id(), title(), teaches(), List.of(chart), null, takeaway,
                ctx.command(),
                ctx.sectionSeed(), (System.nanoTime() - t0) * 1e-9, null, numbers)
                .withReading("Both axes are logarithmic, so a cost growing like N^k is a straight line of slope k; the dashed lines"
                        + " are exact N³, N² and N slopes through each method's largest measurement. Each point is the median time"
                        + " per iteration over repeated runs on the extended Rosenbrock function, on a machine shared with other"
                        + " work.");
    }

    private static double[] times(ScalingBench.Report r) {
        double[] t = new double[r.points().size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = r.points().get(i).secondsPerIteration();
        }
        return t;
    }

    private static Series reference(String name, int[] ns, double[] t, int power) {
        int last = ns.length - 1;
        double[] x = {ns[0], ns[last]};
        double[] y = {t[last] * Math.pow((double) ns[0] / ns[last], power), t[last]};
        return new Series(name, x, y, Series.Style.DASHED);
    }

    private static double[] toD(int[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

}
