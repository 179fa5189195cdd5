package dev.descent.cli;

import dev.descent.cli.report.Json;
import dev.descent.schedule.Schedule;
import dev.descent.schedule.ScheduleSpec;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code descent schedule SPEC}: prints the learning rate a schedule spec gives at steps 0, K,
 * 2K, ... up to N (and N itself), so that a spec can be checked before a run. With
 * {@code --json}: one object {@code {"spec", "lr0", "steps": [...], "lrs": [...]}}. A malformed
 * spec exits with status 2 and the parser's one-line message.
 */
@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = {"Print the learning rate of a schedule spec at steps 0..STEP, to check it before training.", ""},
        footer = {"", "--json prints one object {spec, lr0, steps, lrs}.", "", "Schedule specs:", ScheduleSpec.GRAMMAR})
public final class ScheduleCommand implements Runnable {

    /** Created by picocli, which then sets the options. */
    public ScheduleCommand() {}

    /** The most rows printed; more is a mistake (use a larger --every). */
    static final long MAX_ROWS = 1_000_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The schedule, for example warmup:steps=100+cosine:steps=1000,min=1e-5.")
    String spec;

    @Option(names = "--lr", paramLabel = "LR0",
            description = "The base learning rate (the optimizer's lr) for parts without lr=; default 1, so the output is the factor applied to it.")
    double lr0 = 1.0;

    @Option(names = "--until", paramLabel = "STEP", description = "The last step printed (default ${DEFAULT-VALUE}). (In train and"
            + " lr-find, --steps is a number of optimizer steps to run; here nothing runs.)")
    long steps = 100;

    @Option(names = "--every", paramLabel = "K",
            description = "Print every K-th step (default: STEP/20 rounded up, about 20 rows).")
    Long every;

    @Mixin
    JsonOption jsonOption;

    @Override
    public void run() {
        if (steps < 0) {
            throw new CommandLine.ParameterException(command.commandLine(), "--until must be ≥ 0, got " + steps);
        }
        long k = every != null ? every : Math.max(1, steps / 20 + (steps % 20 == 0 ? 0 : 1));
        if (k < 1) {
            throw new CommandLine.ParameterException(command.commandLine(), "--every must be ≥ 1, got " + k);
        }
        if (steps / k > MAX_ROWS - 2) {
            throw new CommandLine.ParameterException(command.commandLine(), "--until " + steps + " --every " + k
                    + " would print more than " + MAX_ROWS + " rows; use a larger --every");
        }
        if (!Double.isFinite(lr0) || lr0 < 0) {
            throw new CommandLine.ParameterException(command.commandLine(), "--lr must be a finite number ≥ 0, got " + lr0);
        }
        Schedule schedule = ScheduleSpec.parse(spec, lr0);
        int rows = (int) (steps / k + 1 + (steps % k == 0 ? 0 : 1));
        long[] ts = new long[rows];
        double[] lrs = new double[rows];
        for (int i = 0; i < rows; i++) {
            ts[i] = i > steps / k ? steps : (long) i * k; // i·k ≤ steps: no overflow
            lrs[i] = schedule.at(ts[i]);
        }
        PrintWriter out = command.commandLine().getOut();
        if (jsonOption.json) {
            out.println(json(spec, lr0, ts, lrs));
        } else {
            out.println("schedule " + spec + "   (lr0 = " + num(lr0) + ")");
            out.printf(Locale.ROOT, "%12s  %s%n", "step", "lr");
            for (int i = 0; i < rows; i++) {
                out.printf(Locale.ROOT, "%12d  %s%n", ts[i], num(lrs[i]));
            }
        }
        out.flush();
    }

    /** A rate for people: 7 significant digits, trailing zeros dropped. */
    static String num(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.7g", v);
        if (s.contains("e")) {
            String[] p = s.split("e");
            return strip(p[0]) + "e" + Integer.parseInt(p[1]);
        }
        return strip(s);
    }

    private static String strip(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String json(String spec, double lr0, long[] steps, double[] lrs) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("spec", spec);
        o.put("lr0", lr0);
        o.put("steps", steps);
        o.put("lrs", lrs);
        return Json.write(o);
    }
}
