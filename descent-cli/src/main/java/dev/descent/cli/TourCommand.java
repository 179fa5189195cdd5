package dev.descent.cli;

import dev.descent.cli.report.Json;
import dev.descent.cli.report.Report;
import dev.descent.cli.report.Section;
import dev.descent.cli.tour.Progress;
import dev.descent.cli.tour.Tour;
import dev.descent.cli.tour.TourContext;
import dev.descent.cli.tour.TourData;
import dev.descent.data.FashionMnist;
import dev.descent.data.Split;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code descent tour}: runs the lecture's seven experiments for real and writes one
 * self-contained HTML report ({@code DIR/index.html}) and every plotted number
 * ({@code DIR/results.json}). Progress bars go to standard error; the path of the report is
 * printed on standard output (or one JSON object with {@code --json}).
 */
@Command(
        name = "tour",
        mixinStandardHelpOptions = true,
        description = "Run cs231n lecture 7's optimization experiments and write an HTML report with their charts.",
        footer = {"", "--json prints one object {report, results, seconds, seed, sectionsRun, notRun}: the paths of index.html "
                + "and results.json, the run's seconds, and the sections run and not run."},
        modelTransformer = TourCommand.SectionList.class)
public final class TourCommand implements Callable<Integer> {

    /** Created by picocli, which then sets the options. */
    public TourCommand() {}

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for index.html and results.json (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("descent-report");

    @Option(names = "--data", paramLabel = "DATA", description = "embedded (in the jar, default) or fashion-mnist (the full set).")
    String data = "embedded";

    @Option(names = "--data-dir", paramLabel = "DIR", description = DataOptions.DATA_DIR_HELP)
    Path dataDir;

    @Option(names = "--quick", description = "A short run (about 15 s on 2 cores): fewer epochs, smaller sizes.")
    boolean quick;

    @Mixin
    SeedOption seedOption;

    @Option(names = "--sections", paramLabel = "N", split = ",", description = "Run only these sections (numbers as listed above), e.g. 3,4.")
    List<Integer> sections = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "T", description = "Experiments run at once (default: ${DEFAULT-VALUE}, the cores).")
    int threads = Math.min(2, Runtime.getRuntime().availableProcessors());

    @Mixin
    ProgressOption progress;

    @Mixin
    JsonOption jsonOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!data.equals("embedded") && !data.equals("fashion-mnist")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--data must be " + TourData.CHOICES + ", got '" + data + "'");
        }
        Limits.threads("--threads", threads, spec.commandLine().getErr());
        // the report's files, checked before a minute of work (a file in the way, a read-only directory)
        dev.descent.io.OutputFile.check(out.resolve(dev.descent.cli.report.Report.HTML), "--out", "index.html");
        dev.descent.io.OutputFile.check(out.resolve(dev.descent.cli.report.Report.JSON), "--out", "results.json");
        if (data.equals("fashion-mnist")) {
            FashionMnist.locate(dataDir); // missing files: a usage error naming how to get them, before any section runs
        }
        Set<Integer> only = new LinkedHashSet<>(sections);
        int count = Tour.experiments().size();
        for (int s : only) {
            if (s < 1 || s > count) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--sections takes numbers 1 to " + count + ", got " + s);
            }
        }
        String command = command();
        Split[] loaded = new Split[1];
        java.util.function.Supplier<Split> split = () -> {
            synchronized (loaded) {
                if (loaded[0] == null) {
                    loaded[0] = TourData.load(data, dataDir);
                }
                return loaded[0];
            }
        };
        TourContext ctx = new TourContext(seedOption.seed, quick, data, split, command);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("command", command);
        meta.put("seed", seedOption.seed);
        meta.put("data", data.equals("embedded") ? "embedded Fashion-MNIST subset (6000 train / 1000 test)" : "Fashion-MNIST");
        meta.put("run", quick ? "quick" : "full");
        meta.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.put("descent", Main.version());
        meta.put("java", Runtime.version().toString());
        meta.put("cores", Runtime.getRuntime().availableProcessors());
        boolean quiet = progress.noProgress || jsonOption.json;
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        // on a terminal a bar per section; otherwise (a log, CI) a line when each section starts and ends
        Report r = Tour.run(ctx, only, threads, quiet ? n -> Progress.NONE : progress.bar() ? TourCommand::bar : n -> lines(n, err), meta);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        meta.put("seconds", Math.round(seconds * 10) / 10.0);
        r = new Report(r.title(), meta, r.sections());
        Path html = r.write(out);
        List<Integer> ran = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (Section s : r.sections()) {
            if (s.ran()) {
                ran.add(s.number());
            } else {
                notRun.add(s.number() + ". " + s.title() + ": " + s.notRun());
            }
        }
        var o = spec.commandLine().getOut();
        if (jsonOption.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("report", html.toAbsolutePath().toString());
            m.put("results", out.resolve(Report.JSON).toAbsolutePath().toString());
            m.put("seconds", seconds);
            m.put("seed", seedOption.seed);
            m.put("sectionsRun", ran.stream().mapToInt(Integer::intValue).toArray());
            m.put("notRun", notRun);
            o.println(Json.write(m));
        } else {
            o.printf("descent tour: %d of %d sections in %.1f s (seed %d, %s data)%n", ran.size(), r.sections().size(), seconds, seedOption.seed, data);
            for (String s : notRun) {
                o.println("  not run: " + s);
            }
            o.println("report: " + html.toAbsolutePath());
            o.println("numbers: " + out.resolve(Report.JSON).toAbsolutePath());
        }
        o.flush();
        return 0;
    }

    private String command() {
        StringBuilder b = new StringBuilder("descent tour");
        if (!data.equals("embedded")) {
            b.append(" --data ").append(data);
        }
        if (quick) {
            b.append(" --quick");
        }
        b.append(" --seed ").append(seedOption.seed);
        return b.toString();
    }

    /** Adds the numbered list of sections, from {@link Tour#experiments()}, to the help text. */
    static final class SectionList implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec spec) {
            spec.usageMessage().description(spec.usageMessage().description()[0], "Sections: " + Tour.sectionList() + ".");
            return spec;
        }
    }

    /** Progress as two lines on {@code err}: when section {@code n} starts and when it ends, with its time. */
    private static Progress lines(int n, PrintWriter err) {
        return new Progress() {
            private long start;

            @Override
            public synchronized void total(long units) {
                if (start == 0) {
                    start = System.nanoTime();
                    err.println("descent tour: section " + n + " (" + Tour.experiments().get(n - 1).label() + ") started");
                    err.flush();
                }
            }

            @Override
            public void step(long units) {}

            @Override
            public synchronized void done() {
                err.printf(java.util.Locale.ROOT, "descent tour: section %d (%s) done in %.1f s%n", n, Tour.experiments().get(n - 1).label(),
                        start == 0 ? 0 : (System.nanoTime() - start) * 1e-9);
                err.flush();
            }
        };
    }

    /** A progress bar on standard error for section {@code n}. */
    private static Progress bar(int n) {
        return new Progress() {
            private ProgressBar bar;

            private synchronized ProgressBar bar() {
                if (bar == null) {
                    bar = new ProgressBarBuilder().setTaskName(String.format("%-22s", n + " " + Tour.experiments().get(n - 1).label())).setInitialMax(1)
                            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).hideEta()
                            .build(); // the default console consumer: standard error, one line per bar on a terminal
                }
                return bar;
            }

            @Override
            public void total(long units) {
                bar().maxHint(units);
            }

            @Override
            public void step(long units) {
                bar().stepBy(units);
            }

            @Override
            public synchronized void done() {
                if (bar != null) {
                    bar.stepTo(bar.getMax());
                    bar.close();
                }
            }
        };
    }

}
