package dev.descent.cli.tour;

import dev.descent.cli.report.Contours;
import dev.descent.cli.report.Fmt;
import dev.descent.cli.report.Section;
import dev.descent.cli.report.Series;
import dev.descent.cli.report.XYChart;
import dev.descent.cli.report.Chart;
import dev.descent.minimize.Iterate;
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Objective;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.problems.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 3: first- against second-order methods on three 2-D functions, drawn over their
 * contour lines, plus one step of the linear (first-order Taylor) model against the quadratic
 * model along the steepest-descent direction at Rosenbrock's starting point.
 */
final class TrajectoryExperiment implements Experiment {

    /** A 2-D function with its plotting window and the first-order learning rates used on it. */
    record Landscape(String name, Objective f, double[] x0, double[] xStar, double[] window, Map<String, String> firstOrder) {}

    static final List<String> SECOND_ORDER = List.of("newton", "bfgs", "lbfgs");

    static List<Landscape> landscapes() {
        Map<String, String> rosen = firstOrder("sgd:lr=1e-3", "momentum:lr=1e-3", "nesterov:lr=1e-3", "adagrad:lr=0.5",
                "rmsprop:lr=1e-2", "adam:lr=0.05");
        Map<String, String> beale = firstOrder("sgd:lr=0.01", "momentum:lr=0.01", "nesterov:lr=0.01", "adagrad:lr=0.5",
                "rmsprop:lr=0.01", "adam:lr=0.05");
        Map<String, String> quad = firstOrder("sgd:lr=0.18", "momentum:lr=0.02", "nesterov:lr=0.02", "adagrad:lr=1",
                "rmsprop:lr=0.05", "adam:lr=0.3");
        return List.of(
                new Landscape("Rosenbrock", Problems.named("rosenbrock").objective(), new double[] {-1.2, 1},
                        new double[] {1, 1}, new double[] {-2, 2, -1, 3}, rosen),
                new Landscape("Beale", Problems.named("beale").objective(), new double[] {1, 1},
                        new double[] {3, 0.5}, new double[] {-1, 4, -1.5, 2}, beale),
                // ½(x − 1)ᵀ diag(1, κ) (x − 1): the catalogue's quadratic with its axes unrotated, minimum at (1, 1)
                new Landscape("ill-conditioned quadratic (κ = 10)", Problems.named("quadratic:kappa=10,rotate=false", 2).objective(),
                        new double[] {-8, 3.5}, new double[] {1, 1}, new double[] {-9, 11, -3, 5}, quad));
    }

    /**
     * The six first-order methods raced on a landscape, by their legend labels in legend order,
     * each with its optimizer spec (the learning rates are tuned per landscape).
     */
    private static Map<String, String> firstOrder(String gd, String momentum, String nesterov, String adaGrad,
            String rmsProp, String adam) {
        Map<String, String> specs = new LinkedHashMap<>();
        specs.put("GD", gd);
        specs.put("momentum", momentum);
        specs.put("Nesterov", nesterov);
        specs.put("AdaGrad", adaGrad);
        specs.put("RMSProp", rmsProp);
        specs.put("Adam", adam);
        return specs;
    }

    @Override
    public String label() {
        return "1st vs 2nd order";
    }

    @Override
    public String id() {
        return "order";
    }

    @Override
    public String title() {
        return "First against second order";
    }

    @Override
    public String teaches() {
        return "First-order methods follow the gradient, a linear model of f, and need a step size; Newton-type methods"
                + " fit a quadratic model and jump to its minimum, which pays off where the function is curved or"
                + " badly scaled.";
    }

    @Override
    public Section run(TourContext ctx, Progress progress) {
        long t0 = System.nanoTime();
        int firstOrderIters = ctx.pick(2000, 500);
        List<Landscape> all = landscapes();
        progress.total(all.size() * 9L + 1);
        List<Chart> charts = new ArrayList<>();
        Map<String, Object> numbers = new LinkedHashMap<>();
        StringBuilder lines = new StringBuilder();
        int slot = 0;
        String[] fastestPerProblem = new String[all.size()];
        for (Landscape l : all) {
            double[] w = l.window();
            int grid = 70;
            double[] xs = new double[grid];
            double[] ys = new double[grid];
            double[][] f = new double[grid][grid];
            double[] g = new double[2];
            for (int i = 0; i < grid; i++) {
                xs[i] = w[0] + (w[1] - w[0]) * i / (grid - 1);
                ys[i] = w[2] + (w[3] - w[2]) * i / (grid - 1);
            }
            for (int j = 0; j < grid; j++) {
                for (int i = 0; i < grid; i++) {
                    f[j][i] = l.f().evaluate(new double[] {xs[i], ys[j]}, g);
                }
            }
            double[][] seg = Contours.segments(xs, ys, f, Contours.geometricLevels(f, 14));
            String chartId = "order-" + (++slot);
            XYChart.Builder b = XYChart.builder(chartId, l.name(), "x₁", "x₂")
                    .xRange(w[0], w[1])
                    .yRange(w[2], w[3])
                    .add(new Series("contours", seg[0], seg[1], Series.Style.CONTOUR));
            Map<String, Object> runs = new LinkedHashMap<>();
            String best = null;
            int bestIters = Integer.MAX_VALUE;
            List<String> names = new ArrayList<>(l.firstOrder().keySet());
            names.addAll(List.of("Newton", "BFGS", "L-BFGS"));
            for (String name : names) {
                Method m = l.firstOrder().containsKey(name)
                        ? Method.named(l.firstOrder().get(name))
                        : Method.named(switch (name) {
                            case "Newton" -> "newton";
                            case "BFGS" -> "bfgs";
                            default -> "lbfgs";
                        });
                int budget = l.firstOrder().containsKey(name) ? firstOrderIters : 200;
                Result r = Minimize.run(l.f(), l.x0(), m, Settings.DEFAULTS.withTrace(true).withMaxIterations(budget).withGradTol(1e-6));
                List<Iterate> trace = r.trace();
                int stride = Math.max(1, trace.size() / 150);
                int count = (trace.size() + stride - 1) / stride + 1;
                double[] px = new double[count];
                double[] py = new double[count];
                int k = 0;
                for (int i = 0; i < trace.size(); i += stride) {
                    px[k] = trace.get(i).x()[0];
                    py[k++] = trace.get(i).x()[1];
                }
                Iterate last = trace.get(trace.size() - 1);
                px[k] = last.x()[0];
                py[k++] = last.x()[1];
                String label = l.firstOrder().containsKey(name) ? name + " (lr " + lrOf(l.firstOrder().get(name)) + ")" : name;
                b.add(look(name, new Series(label, java.util.Arrays.copyOf(px, k), java.util.Arrays.copyOf(py, k),
                        l.firstOrder().containsKey(name) ? Series.Style.LINE : Series.Style.LINE_MARKERS)));
                double dist = Math.hypot(r.x()[0] - l.xStar()[0], r.x()[1] - l.xStar()[1]);
                int reached = firstWithin(trace, l.xStar(), 1e-3);
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("method", m.name());
                run.put("spec", l.firstOrder().getOrDefault(name, name.toLowerCase(java.util.Locale.ROOT)));
                run.put("iterations", r.iterations());
                run.put("fEvals", r.stats().fEvals());
                run.put("finalF", r.f());
                run.put("distanceToMinimum", dist);
                run.put("iterationsToWithin1e-3", reached < 0 ? null : reached);
                run.put("status", r.status().name());
                runs.put(name, run);
                if (reached >= 0 && reached < bestIters) {
                    bestIters = reached;
                    best = name;
                }
                progress.step(1);
            }
            fastestPerProblem[slot - 1] = best;
            numbers.put(l.name(), runs);
            charts.add(b.build());
            lines.append(l.name()).append(": ").append(best == null ? "no method" : best + " (" + bestIters + (bestIters == 1 ? " iteration)" : " iterations)"))
                    .append("; ");
        }
        // the linear against the quadratic model at Rosenbrock's x0, along −∇f
        Landscape rosen = all.get(0);
        charts.add(modelPanel(rosen, numbers));
        progress.step(1);

        Map<String, Object> rosenRuns = castMap(numbers.get("Rosenbrock"));
        Integer gdIters = (Integer) castMap(rosenRuns.get("GD")).get("iterationsToWithin1e-3");
        Integer newtonIters = (Integer) castMap(rosenRuns.get("Newton")).get("iterationsToWithin1e-3");
        double gdDist = (Double) castMap(rosenRuns.get("GD")).get("distanceToMinimum");
        String takeaway = "Fastest to get within 1e-3 of the minimum — " + lines.toString().replaceAll("; $", ".")
                + " On Rosenbrock Newton needed " + (newtonIters == null ? "more than 200" : newtonIters) + " iterations while GD "
                + (gdIters == null ? "was still " + Fmt.num(gdDist) + " away after " + firstOrderIters + " steps" : "needed " + gdIters)
                + ".";
        numbers.put("firstOrderSteps", firstOrderIters);
        numbers.put("secondOrder", "Moré–Thuente line search, at most 200 iterations, gradient tolerance 1e-6");
        return new Section(ctx.section(), id(), title(), teaches(), charts, null, takeaway,
                ctx.command(), ctx.sectionSeed(),
                (System.nanoTime() - t0) * 1e-9, null, numbers)
                .withReading("All trajectories on a panel start at the same point x₀ and join the iterates in order; grey lines are contours"
                        + " of f. First-order methods (solid, dashed, dotted and dash-dot lines) take " + firstOrderIters + " steps at"
                        + " the learning rate shown; second-order methods carry a marker at every iterate (Newton ■, BFGS ▲,"
                        + " L-BFGS ◆). κ (kappa) is the condition number, the ratio of the largest to the smallest curvature: the"
                        + " quadratic's Hessian is diag(1, 10), so its valley is √10 ≈ 3.2 times narrower across than along.");
    }

    private static XYChart modelPanel(Landscape l, Map<String, Object> numbers) {
        Objective f = l.f();
        double[] x0 = l.x0();
        double[] g = new double[2];
        double f0 = f.evaluate(x0, g);
        double gn = Math.hypot(g[0], g[1]);
        double[] d = {-g[0] / gn, -g[1] / gn};
        double[] h = new double[4];
        f.hessian().orElseThrow().evaluate(x0, h);
        double curv = d[0] * (h[0] * d[0] + h[1] * d[1]) + d[1] * (h[2] * d[0] + h[3] * d[1]);
        double sStar = gn / curv; // minimum of the quadratic model along d
        int n = 121;
        double sMax = 2.5 * sStar;
        double[] s = new double[n];
        double[] fs = new double[n];
        double[] lin = new double[n];
        double[] quad = new double[n];
        double[] tmp = new double[2];
        for (int i = 0; i < n; i++) {
            s[i] = sMax * i / (n - 1);
            fs[i] = f.evaluate(new double[] {x0[0] + s[i] * d[0], x0[1] + s[i] * d[1]}, tmp);
            lin[i] = f0 - gn * s[i];
            quad[i] = f0 - gn * s[i] + 0.5 * curv * s[i] * s[i];
        }
        double fAtStar = f.evaluate(new double[] {x0[0] + sStar * d[0], x0[1] + sStar * d[1]}, tmp);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("f0", f0);
        m.put("gradNorm", gn);
        m.put("curvatureAlongD", curv);
        m.put("quadraticModelStep", sStar);
        m.put("quadraticModelPrediction", f0 - 0.5 * gn * sStar);
        m.put("fAtQuadraticModelStep", fAtStar);
        numbers.put("modelsAtRosenbrockX0", m);
        double lo = Math.min(0, f0 - 0.5 * gn * sStar) - 1;
        return XYChart.builder("order-models", "One step at Rosenbrock's x₀ along −∇f", "step length s", "f(x₀ − s·∇f/‖∇f‖)")
                .small()
                .yRange(lo, f0 * 1.6 + 1)
                .line("f", s, fs)
                .add(new Series("linear model", s, lin, Series.Style.DASHED))
                .add(new Series("quadratic model", s, quad, Series.Style.DASHED))
                .marker("quadratic model's minimum", sStar)
                .build();
    }

    /**
     * Nine trajectories on one contour plot: colour alone does not tell them apart (GD and Adam are
     * both blue), so first-order methods differ in line pattern and second-order ones carry a
     * marker of their own at each iterate.
     */
    static Series look(String method, Series s) {
        return switch (method) {
            case "Nesterov", "RMSProp" -> s.withDash(Series.Dash.DASHED);
            case "AdaGrad" -> s.withDash(Series.Dash.DOTTED);
            case "Adam" -> s.withDash(Series.Dash.DASH_DOT);
            case "Newton" -> s.withMark(Series.Mark.SQUARE);
            case "BFGS" -> s.withMark(Series.Mark.TRIANGLE);
            case "L-BFGS" -> s.withMark(Series.Mark.DIAMOND);
            default -> s;
        };
    }

    private static int firstWithin(List<Iterate> trace, double[] xStar, double tol) {
        for (Iterate it : trace) {
            if (Math.hypot(it.x()[0] - xStar[0], it.x()[1] - xStar[1]) <= tol) {
                return it.iter();
            }
        }
        return -1;
    }

    static String lrOf(String spec) {
        int i = spec.indexOf("lr=");
        return spec.substring(i + 3).split(",")[0];
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
