package dev.descent.cli;

import dev.descent.cli.report.Fmt;
import dev.descent.cli.report.Json;
import dev.descent.cli.report.LrFinderChart;
import dev.descent.cli.report.SvgRenderer;
import dev.descent.data.Dataset;
import dev.descent.io.OutputFile;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import dev.descent.train.LrFinder;
import dev.descent.train.LrFinderResult;
import dev.descent.train.LrSweep;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code descent lr-find}: the learning-rate range test ({@link LrFinder}) on a model, a data set
 * and an optimizer. Prints the suggested learning rate (the valley by default); {@code --plot}
 * writes the chart as SVG; {@code --json} prints {@code {suggestedLr, suggest, lrs, losses, ...}}
 * where {@code losses} is the smoothed loss.
 */
@Command(
        name = "lr-find",
        mixinStandardHelpOptions = true,
        description = {
            "Learning-rate range test (Smith 2015): grow the lr exponentially over one short run and suggest one.",
            "Stops early once the smoothed loss exceeds 4x its best; the model is left as it was."
        },
        footer = {"", "--json prints one object {suggestedLr, suggest, lrs, losses, rawLosses, valley, steepest, minimumOver10, "
                + "stoppedEarly, steps}: losses smoothed, rawLosses as measured."})
public final class LrFindCommand implements Callable<Integer> {

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--model", paramLabel = "SPEC", required = true, description = "softmax, mlp:64, mlp:256,128, ... (see descent train --help).")
    String model;

    @Option(names = "--optimizer", paramLabel = "SPEC", required = true, completionCandidates = OptimizerNames.class,
            description = "NAME[:KEY=VALUE,...], NAME one of ${COMPLETION-CANDIDATES}")
    String optimizer;

    @Option(names = "--start", paramLabel = "LR", description = "First learning rate (default: 1e-7).")
    double start = 1e-7;

    @Option(names = "--end", paramLabel = "LR", description = "Last learning rate (default: 10).")
    double end = 10;

    @Option(names = "--steps", paramLabel = "N", description = "Mini-batches in the sweep (default: ${DEFAULT-VALUE}).")
    int steps = 100;

    @Option(names = "--batch", paramLabel = "B", description = "Mini-batch size, as in train (default: ${DEFAULT-VALUE}).")
    int batch = 128;

    @Mixin
    SeedOption seedOption;

    @Option(names = "--suggest", paramLabel = "RULE", description = "How to pick the suggested lr: valley (default), steepest or minimum"
            + " (the minimum's lr / 10).")
    String suggest = "valley";

    @Option(names = "--plot", paramLabel = "FILE.svg", description = "Also write the loss-against-lr chart as SVG.")
    Path plot;

    @Mixin
    JsonOption jsonOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LrFinderResult.Method m;
        LrFinder finder;
        try {
            m = LrFinderResult.Method.parse(suggest);
            finder = new LrFinder(start, end, steps, 0.98, 4);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (batch < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch must be ≥ 1, got " + batch);
        }
        dataOptions.checkValues();
        dataOptions.refuseFlagsThatDoNotApply();
        if (plot != null && !plot.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plot writes SVG: give a file name ending in .svg, got " + plot);
        }
        Path plotDir = plot == null ? null : plot.toAbsolutePath().getParent();
        if (plotDir != null && !java.nio.file.Files.isDirectory(plotDir)) {
            // checked before the sweep, not after it
            throw new CommandLine.ParameterException(spec.commandLine(), "--plot: the directory " + plotDir + " does not exist");
        }
        if (plot != null) {
            OutputFile.check(plot, "--plot", "lr-find.svg");
        }
        if (plot != null) {
            OutputFile.requireNotInput(plot, "--plot", dataOptions.csv(), "--data");
        }
        // the same data, model and sweep as train --lr auto: the same seed and batch give the same suggestion
        long seed = seedOption.seed;
        Dataset train = dataOptions.load(seed).train();
        OptimizerConfig cfg = Optimizers.parse(optimizer);
        ModelSpec ms = ModelSpec.parse(model, train.d(), train.classes());
        Limits.model(ms, model);
        int rows = Math.min(batch, train.n());
        Model net = ms.build(seed, rows);
        LrFinderResult r = LrSweep.run(net, cfg, train, rows, seed, finder);
        double lr = r.suggestion(m);
        if (plot != null) {
            String svg = SvgRenderer.render(LrFinderChart.of("lr-find", "LR range test: " + model + ", " + Optimizers.spec(cfg) + ", " + dataOptions.data, r,
                    4 * Math.log(train.classes())));
            OutputFile.writeString(plot, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (jsonOption.json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("suggestedLr", lr);
            o.put("suggest", m.cliName());
            o.put("lrs", r.lrs());
            o.put("losses", r.smoothed());
            o.put("rawLosses", r.losses());
            o.put("valley", r.suggestion(LrFinderResult.Method.VALLEY));
            o.put("steepest", r.suggestion(LrFinderResult.Method.STEEPEST));
            o.put("minimumOver10", r.suggestion(LrFinderResult.Method.MINIMUM));
            o.put("stoppedEarly", r.stoppedEarly());
            o.put("steps", r.size());
            if (plot != null) {
                o.put("plot", plot.toAbsolutePath().toString());
            }
            out.println(Json.write(o));
        } else {
            out.printf("suggested lr: %s (%s)%n", Fmt.sig(lr, 3), m.cliName());
            out.printf("  valley %s · steepest %s · minimum/10 %s%n", Fmt.num(r.suggestion(LrFinderResult.Method.VALLEY)),
                    Fmt.num(r.suggestion(LrFinderResult.Method.STEEPEST)), Fmt.num(r.suggestion(LrFinderResult.Method.MINIMUM)));
            out.printf("  swept %d of %d steps from %s to %s%s%n", r.size(), steps, Fmt.num(start), Fmt.num(r.lrs()[r.size() - 1]),
                    r.stoppedEarly() ? " (stopped: the smoothed loss passed 4× its best)" : "");
            if (plot != null) {
                out.println("  chart: " + plot.toAbsolutePath());
            }
        }
        out.flush();
        return 0;
    }
}
