package dev.descent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code descent} command. Usage errors exit with status 2 and one line on standard error;
 * a failure while running exits with status 1 and one line naming the problem (set
 * {@code DESCENT_DEBUG=1} for the stack trace).
 */
@Command(
        name = "descent",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Optimization for neural networks and smooth functions, from cs231n lecture 7.",
        subcommands = {CommandLine.HelpCommand.class, BenchCommand.class, MinimizeCommand.class, ScheduleCommand.class, TrainCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status, without exiting (for tests). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line with descent's error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler(Main::runError);
        return cl;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("descent: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    private static int runError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof IllegalArgumentException) {
            // a bad value that only the library could judge (a spec, a file's contents): a usage error
            err.println("descent: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("descent: " + message);
        if (System.getenv("DESCENT_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** Prints the version, the Java runtime and the matrix-multiply backend. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "descent " + version(),
                "java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
                "matrix multiply: " + dev.descent.linalg.Gemm.describe(),
            };
        }
    }

    /** The project version baked into the jar at build time. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
