package dev.descent.cli;

import dev.descent.linalg.Gemm;
import dev.descent.nn.Evaluation;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import dev.descent.schedule.ScheduleSpec;
import dev.descent.stochastic.L2;
import dev.descent.stochastic.ModelSample;
import dev.descent.stochastic.QuasiNewtonStats;
import dev.descent.stochastic.SampledConfig;
import dev.descent.stochastic.SampledMethod;
import dev.descent.stochastic.StochasticMethods;
import dev.descent.train.Checkpoint;
import dev.descent.train.History;
import dev.descent.train.LrFinder;
import dev.descent.train.LrFinderResult;
import dev.descent.train.LrSweep;
import dev.descent.train.ModelNetwork;
import dev.descent.train.Network;
import dev.descent.train.PenalizedNetwork;
import dev.descent.train.ThreadedNetwork;
import dev.descent.train.TrainConfig;
import dev.descent.train.TrainResult;
import dev.descent.train.TrainStatus;
import dev.descent.train.Trainer;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train} with a first-order optimizer or a sampled quasi-Newton method: builds the model
 * on its threads ({@link ThreadedNetwork}), the optimizer or method with its learning rate
 * ({@code --lr}, or {@code --lr auto} through {@link LrSweep}) and schedule, runs the
 * {@link Trainer} (or resumes it), and prints the outcome.
 *
 * @param o the command's options, checked
 * @param d the data
 * @param ms the model, checked against the data
 * @param cfg the training budget and rules
 * @param mw the metrics file, or null
 * @param out standard output
 */
record MiniBatchRun(TrainCommand o, TrainData d, ModelSpec ms, TrainConfig cfg, TrainMetrics mw, PrintWriter out) {

    /**
     * Trains (or resumes) and prints the outcome.
     *
     * @param resumed the checkpoint to resume from, or null for a new run
     * @return the exit status: 0, or {@link Main#EXIT_DIVERGED} when the run diverged
     * @throws Exception when reading the data or writing a checkpoint fails
     */
    Integer run(Checkpoint resumed) throws Exception {
        boolean sampled = StochasticMethods.isSampled(o.optimizer);
        int rowsMax = Math.min(o.batch, d.train().n());
        // data-parallel replicas for first-order optimizers; the sampled methods evaluate one model on matrix-multiply threads
        ThreadedNetwork tn = ThreadedNetwork.build(ms, o.seed(), rowsMax, sampled ? 1 : o.threads);
        try (tn) {
            if (sampled) {
                Gemm.setThreads(o.threads);
            }
            return train(tn, sampled, rowsMax, resumed);
        }
    }

    private Integer train(ThreadedNetwork tn, boolean sampled, int rowsMax, Checkpoint resumed) throws Exception {
        Model m = tn.model();
        ModelNetwork net = new ModelNetwork(m);
        String backend = tn.describe();
        L2 penalty = L2.weights(m, o.l2);
        ModelSample sample = new ModelSample(m, d.train(), penalty);
        SampledConfig qn = sampled ? StochasticMethods.parse(o.optimizer) : null;
        Network trained = o.l2 > 0 && !sampled ? new PenalizedNetwork(tn.network(), penalty) : tn.network();
        OptimizerConfig oc = sampled ? null : Optimizers.parse(o.optimizer);
        if (!sampled) {
            OptionRules.refuseTwice(o.optimizer, "--optimizer", "lr", "--lr", o.lr);
        }
        String lrFound = null;
        if (o.lr != null && o.lr.strip().equalsIgnoreCase("auto")) {
            // the range test on the freshly initialized model, which it leaves as it was (so a resume finds the same lr)
            LrFinderResult found = LrSweep.run(m, oc, d.train(), rowsMax, o.seed(), LrFinder.defaults());
            oc = oc.withLr(found.suggestion());
            lrFound = String.format(Locale.ROOT, "lr auto: lr-find chose %s (valley; steepest %s, minimum/10 %s; %d of 100 steps)",
                    fmt(found.suggestion()), fmt(found.suggestion(LrFinderResult.Method.STEEPEST)),
                    fmt(found.suggestion(LrFinderResult.Method.MINIMUM)), found.size());
        } else if (o.lr != null) {
            double v;
            try {
                v = Double.parseDouble(o.lr.strip());
            } catch (NumberFormatException bad) {
                throw new IllegalArgumentException("--lr must be a number or auto, got '" + o.lr + "'");
            }
            if (sampled) {
                qn = qn.withLr(v);
            } else {
                oc = oc.withLr(v);
            }
        }
        double lr0 = sampled ? qn.lr() : oc.lr();
        String sched = o.schedule == null ? "const" : o.schedule.strip();
        SampledMethod method = sampled ? qn.create(sample, rowsMax, o.seed()) : null;
        Trainer trainer;
        if (sampled) {
            trainer = new Trainer(cfg, trained, method, ScheduleSpec.parse(sched, lr0));
        } else if (sched.startsWith("plateau")) {
            Optimizer opt = oc.create(m.paramCount());
            trainer = new Trainer(cfg, trained, opt, ScheduleSpec.parsePlateau(sched).create(lr0));
        } else {
            Optimizer opt = oc.create(m.paramCount());
            trainer = new Trainer(cfg, trained, opt, ScheduleSpec.parse(sched, lr0));
        }
        String optLabel = sampled ? StochasticMethods.spec(qn) : Optimizers.spec(oc);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("args", o.savedArgs);
        meta.put("model", m.toString());
        meta.put("optimizer", sampled ? optLabel : oc.toString());
        meta.put("optimizerSpec", optLabel);
        trainer.trackObjective(() -> sample.objective(m.params()));
        if (o.checkpoint != null) {
            trainer.checkpointTo(o.checkpoint, meta);
        }
        boolean json = o.json();
        if (lrFound != null) {
            // human output on stdout; with --json stdout holds only the JSON object, so the choice goes to stderr
            PrintWriter where = json ? o.spec.commandLine().getErr() : out;
            where.println(lrFound);
            where.flush();
        }
        if (!json) {
            out.printf(Locale.ROOT, "%s on %s: %d training rows, %d held out as val (%s); %s, lr %s, batch %d, seed %d, %d thread(s), %s%n",
                    m, d.name(), d.train().n(), d.test().n(), d.heldOut(), optLabel, fmt(lr0), o.batch, o.seed(), o.threads, backend);
            out.flush();
        }
        TrainResult r;
        try (TrainProgress listener = new TrainProgress(json ? null : out, mw, o.progress.bar(), d.train().n(), cfg, sampled)) {
            r = resumed == null ? trainer.fit(d.train(), d.test(), listener) : trainer.resume(resumed, d.train(), d.test(), listener);
        }
        if (mw != null) {
            mw.finish(r.history());
        }
        Evaluation tr = net.evaluate(d.train());
        Evaluation te = net.evaluate(d.test());
        print(r, tr, te, sample.objective(m.params()), backend, m.toString(), optLabel, method);
        return r.status() == TrainStatus.DIVERGED ? Main.EXIT_DIVERGED : 0;
    }

    /** The outcome, as text or one JSON object. */
    private void print(TrainResult r, Evaluation tr, Evaluation te, double objective, String backend, String model, String optLabel,
            SampledMethod method) {
        History h = r.history();
        if (o.json()) {
            TrainJson j = new TrainJson().put("status", r.status().name().toLowerCase(Locale.ROOT)).put("message", r.message())
                    .put("epochs", r.epochs()).put("steps", r.steps());
            TrainReport.scores(j, tr, te, d).put("epochSecondsMedian", h.epochSecondsMedian()).put("epochSeconds", h.epochSeconds())
                    .put("samplesPerSecond", r.samplesPerSecond()).put("divergenceEvents", h.events().size());
            TrainReport.setup(j, o, backend, model, optLabel, d)
                    .put("objective", objective).put("passes", r.passes()).put("trainSeconds", r.trainSeconds()).put("l2", o.l2);
            if (r.stats() != null) {
                TrainReport.stats(j, r.stats()).put("batch", method.batch());
            }
            out.println(j);
        } else {
            for (History.Event ev : h.events()) {
                out.printf(Locale.ROOT, "divergence at step %d (%s, loss %s): rolled back to step %d, lr ×%s%n",
                        ev.step(), ev.cause().name().toLowerCase(Locale.ROOT).replace('_', '-'), fmt(ev.loss()), ev.rolledBackTo(), fmt(ev.lrScale()));
            }
            out.println(r.message());
            TrainReport.printScores(out, tr, te);
            out.printf(Locale.ROOT, "median epoch %.3f s, %.0f samples/s%n", h.epochSecondsMedian(), r.samplesPerSecond());
            out.printf(Locale.ROOT, "objective %.6f (%s), %.2f passes, %.3f s of training%n", objective, TrainReport.objective(o.l2),
                    r.passes(), r.trainSeconds());
            if (r.stats() != null) {
                QuasiNewtonStats q = r.stats();
                out.printf(Locale.ROOT, "pairs: %d accepted, %d damped, %d skipped; line search: %d backtracks, %d failures;"
                        + " %d resets%s; batch %d%s%n", q.pairsAccepted(), q.pairsDamped(), q.pairsSkipped(), q.lineSearchBacktracks(),
                        q.lineSearchFailures(), q.resets(), q.stepsUndone() > 0 ? ", " + q.stepsUndone() + " step undone by the guard" : "",
                        method.batch(), q.batchIncreases() > 0 ? " (grew " + q.batchIncreases() + " times)" : "");
            }
        }
        out.flush();
    }

    private static String fmt(double v) {
        return TrainReport.fmt(v);
    }
}
