package dev.descent.spark;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code descent spark} command ({@code ./descent spark fit ...}, or
 * {@code spark-submit --class dev.descent.spark.SparkMain descent-spark-VERSION.jar fit ...}).
 * Usage errors exit with status 2 and one line; failures while running exit with 1 and one line
 * ({@code DESCENT_DEBUG=1} adds the stack trace).
 */
@Command(name = "descent spark", mixinStandardHelpOptions = true,
        description = "descent's minimizers on Apache Spark, beside MLlib.",
        subcommands = {FitCommand.class, CommandLine.HelpCommand.class})
public final class SparkMain implements Runnable {

    /** Created by picocli. */
    public SparkMain() {}

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args {@code fit ...}, {@code help}, {@code --help} or {@code --version}
     */
    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null && System.getenv("SPARK_ENV_LOADED") == null) {
            // outside spark-submit: Spark's INFO lines would bury the result; warnings still show
            System.setProperty("log4j2.configurationFile", "dev/descent/spark/log4j2-quiet.properties");
        }
        NativeBlas.protectMllib(); // before any Spark or MLlib class loads netlib
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns its exit status, without exiting (for tests).
     *
     * @param args as for {@link #main}
     * @return 0, 1 for a failure while running, 2 for a usage error
     */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The picocli command line with descent's error handling.
     *
     * @return a new command line; its output and error writers may be replaced
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("descent spark: " + sentence(e.getMessage()) + " (see '"
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            Throwable root = rootCause(e);
            if (root instanceof IllegalArgumentException) {
                err.println("descent spark: " + sentence(root.getMessage()) + " (see '"
                        + cmd.getCommandSpec().qualifiedName() + " --help')");
                err.flush();
                return CommandLine.ExitCode.USAGE;
            }
            err.println("descent spark: " + sentence(root.getMessage() == null ? root.toString() : root.getMessage()));
            if (System.getenv("DESCENT_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }

    /**
     * The cause that says what went wrong: Spark wraps an executor's exception in a
     * {@code SparkException} whose message is a task report; the first
     * {@link IllegalArgumentException} in the chain (bad input found while reading) wins, then
     * Spark's own analysis errors (a missing path), then the innermost cause.
     */
    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        Throwable innermost = e;
        while (t != null) {
            if (t instanceof IllegalArgumentException) {
                return t;
            }
            String name = t.getClass().getSimpleName();
            if (name.equals("AnalysisException") && t.getMessage() != null && t.getMessage().contains("PATH_NOT_FOUND")) {
                return new IllegalArgumentException(firstLine(t.getMessage()) + ": check --data");
            }
            innermost = t;
            t = t.getCause() == t ? null : t.getCause();
        }
        return innermost;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "invalid input";
        }
        String m = firstLine(message).strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }
}
