package dev.descent.cli.tour;

import dev.descent.cli.report.Report;
import dev.descent.cli.report.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs the lecture's experiments and assembles the report. Untimed experiments run in parallel
 * on up to {@code threads} threads; each is self-contained (its own model, data order and seed),
 * so the results do not depend on the scheduling. Experiments whose numbers include wall-clock
 * timings ({@link Experiment#timed()}) run afterwards, one at a time, on a quiet machine. An
 * experiment that fails is reported as not run, with the error, instead of aborting the tour.
 */
public final class Tour {

    private Tour() {}

    /**
     * The experiments in report order: the one list of the tour's sections. Section n is the
     * n-th entry; {@code descent tour}'s {@code --sections} range, help text and progress bars
     * are derived from it.
     *
     * @return the experiments, section 1 first
     */
    public static List<Experiment> experiments() {
        return List.of(new LearningRateExperiment(), new DecayExperiment(), new TrajectoryExperiment(),
                new ScalingExperiment(), new BatchExperiment(), new DefaultsExperiment(), new LrRangeExperiment());
    }

    /**
     * The sections by number and label, for help texts.
     *
     * @return for example "1 learning rate, 2 decay, ..."
     */
    public static String sectionList() {
        List<Experiment> all = experiments();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(i + 1).append(' ').append(all.get(i).label());
        }
        return b.toString();
    }

    /**
     * Runs {@code only} (section numbers; empty = all) of {@link #experiments()}.
     *
     * @param ctx the shared settings and data
     * @param only the section numbers to run; the others are reported as skipped
     * @param threads the number of experiments to run at once, ≥ 1
     * @param progress a progress sink per experiment (by section number, 1-based)
     * @param meta the report header (command, seed, data, versions, ...)
     * @return the report, one section per experiment
     * @throws InterruptedException when interrupted while waiting for the experiments
     */
    public static Report run(TourContext ctx, Set<Integer> only, int threads, IntFunction<Progress> progress, Map<String, Object> meta)
            throws InterruptedException {
        return run(experiments(), ctx, only, threads, progress, meta);
    }

    /**
     * Runs {@code only} (section numbers; empty = all) of {@code all}, numbering the sections by
     * their position in it (1-based).
     *
     * @param all the experiments in report order
     * @param ctx the shared settings and data
     * @param only the section numbers to run; the others are reported as skipped
     * @param threads the number of experiments to run at once, ≥ 1
     * @param progress a progress sink per experiment (by section number, 1-based)
     * @param meta the report header (command, seed, data, versions, ...)
     * @return the report, one section per experiment
     * @throws InterruptedException when interrupted while waiting for the experiments
     */
    public static Report run(List<Experiment> all, TourContext ctx, Set<Integer> only, int threads, IntFunction<Progress> progress,
            Map<String, Object> meta) throws InterruptedException {
        Section[] sections = new Section[all.size()];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "tour");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Section>> futures = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Experiment e = all.get(i);
                TourContext c = ctx.forSection(i + 1);
                if (!only.isEmpty() && !only.contains(i + 1)) {
                    sections[i] = Section.notRun(i + 1, e.id(), e.title(), e.teaches(), ctx.commandBase(), c.sectionSeed(),
                            "skipped: this run was limited to sections " + only + " (--sections).");
                } else if (!e.timed()) {
                    futures.add(pool.submit(() -> runOne(e, c, progress.apply(c.section()))));
                    slots.add(i);
                }
            }
            for (int k = 0; k < futures.size(); k++) {
                try {
                    sections[slots.get(k)] = futures.get(k).get();
                } catch (java.util.concurrent.ExecutionException ex) {
                    throw new IllegalStateException(ex.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < all.size(); i++) {
            if (sections[i] == null) {
                TourContext c = ctx.forSection(i + 1);
                sections[i] = runOne(all.get(i), c, progress.apply(c.section()));
            }
        }
        return new Report("descent tour: cs231n lecture 7, from real runs", meta, List.of(sections));
    }

    private static Section runOne(Experiment e, TourContext ctx, Progress p) {
        try {
            return e.run(ctx, p);
        } catch (Exception ex) {
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getClass().getSimpleName() + ": " + ex.getMessage();
            return Section.notRun(ctx.section(), e.id(), e.title(), e.teaches(), ctx.commandBase(), ctx.sectionSeed(),
                    "the experiment failed in this run: " + msg);
        } finally {
            p.done();
        }
    }
}
