package dev.descent.cli;

import dev.descent.linalg.Gemm;
import dev.descent.linalg.Vec;
import dev.descent.minimize.Iterate;
import dev.descent.minimize.Method;
import dev.descent.minimize.Minimize;
import dev.descent.minimize.Result;
import dev.descent.minimize.Settings;
import dev.descent.minimize.TimedObjective;
import dev.descent.nn.Evaluation;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.stochastic.L2;
import dev.descent.train.History;
import dev.descent.train.ModelNetwork;
import dev.descent.train.ModelObjective;
import dev.descent.train.TrainConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code train --optimizer lbfgs|newton-cg}: one full-batch minimization of the training
 * objective (mean loss + L2) with the minimizer's defaults, one iteration per step:
 * {@code --epochs} bounds the objective evaluations (each a pass over the training set),
 * {@code --steps} the iterations. The passes reported count the evaluations plus newton-cg's
 * Hessian-vector products (each about a pass; they are not bounded by {@code --epochs}). The
 * metrics have one row per iteration, timed by {@link TimedObjective}; the evaluation on the
 * held-out set runs once, at the end.
 *
 * @param o the command's options, checked
 * @param d the data
 * @param ms the model, checked against the data
 * @param cfg the budget: {@code epochs()} bounds the evaluations, {@code maxSteps()} the iterations (0: no bound)
 * @param mw the metrics file, or null
 * @param out standard output
 */
record FullBatchRun(TrainCommand o, TrainData d, ModelSpec ms, TrainConfig cfg, TrainMetrics mw, PrintWriter out) {

    /**
     * Minimizes and prints the outcome.
     *
     * @return the exit status, 0
     */
    Integer run() {
        String name = o.optimizerName();
        // rows per forward pass: at least 4096 (more with a larger --batch), at most the training set
        Model m = ms.build(o.seed(), Math.min(Math.max(o.batch, 4096), d.train().n()));
        Gemm.setThreads(o.threads);
        String backend = Gemm.describe();
        L2 penalty = L2.weights(m, o.l2);
        long maxPasses = cfg.epochs();
        long iterations = cfg.maxSteps();
        ModelObjective f = new ModelObjective(m, d.train(), penalty);
        double[] x0 = f.initialPoint();
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, maxPasses > 0 ? maxPasses + 2 : 1_000_000);
        TimedObjective timed = new TimedObjective(f, Math.min(cap, 1_000_000) - 1);
        Settings settings = Settings.DEFAULTS.withTrace(true).withMaxEvaluations(maxPasses > 0 ? maxPasses : Long.MAX_VALUE)
                .withMaxIterations(iterations > 0 ? (int) Math.min(Integer.MAX_VALUE, iterations) : Integer.MAX_VALUE);
        boolean json = o.json();
        if (!json) {
            out.printf(Locale.ROOT, "%s on %s: %d training rows, %d held out; full-batch %s, l2 %s, seed %d, %s%n",
                    m, d.name(), d.train().n(), d.test().n(), name, TrainReport.fmt(penalty.lambda()), o.seed(), backend);
            out.flush();
        }
        Result r = Minimize.run(timed, x0, Method.named(name), settings);
        double seconds = timed.seconds();
        Vec.toFloat(r.x(), m.params());
        List<History.Record> rows = new ArrayList<>();
        for (Iterate it : r.trace()) {
            double t = timed.secondsAt(it.fEvals());
            rows.add(new History.Record(it.iter(), it.fEvals(), Double.NaN, Double.NaN, Double.NaN, it.step(), t, it.f(),
                    it.fEvals(), d.train().n(), t));
        }
        if (mw != null) {
            mw.finish(rows);
        }
        ModelNetwork net = new ModelNetwork(m);
        Evaluation tr = net.evaluate(d.train());
        Evaluation te = net.evaluate(d.test());
        String status = r.status().name().toLowerCase(Locale.ROOT);
        long passes = timed.evaluations() + timed.hessianVectorProducts();
        String message = name + " stopped: " + status + " after " + r.iterations() + " iterations and " + passes + " passes";
        if (json) {
            TrainJson j = new TrainJson().put("status", "completed").put("message", message).put("minimizerStatus", status)
                    .put("epochs", timed.evaluations()).put("steps", r.iterations());
            TrainReport.scores(j, tr, te, d).put("divergenceEvents", 0);
            out.println(TrainReport.setup(j, o, backend, m.toString(), name, d).put("objective", r.f()).put("passes", passes)
                    .put("trainSeconds", seconds).put("l2", penalty.lambda()));
        } else {
            out.println(message);
            TrainReport.printScores(out, tr, te);
            out.printf(Locale.ROOT, "objective %.6f (%s), %d passes, %.3f s of training%n", r.f(), TrainReport.objective(penalty.lambda()),
                    passes, seconds);
        }
        out.flush();
        return 0;
    }
}
