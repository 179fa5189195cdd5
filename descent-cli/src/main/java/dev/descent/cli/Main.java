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
        footer = {"", "Start with: descent tour --quick   (about 15 s; open descent-report/index.html)",
            "Every command takes --help; with --json, one JSON object on standard output."},
        subcommands = {TourCommand.class, TrainCommand.class, MinimizeCommand.class, LrFindCommand.class, ScheduleCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /**
     * The exit status of a run that ends diverged ({@code train}) or non-finite ({@code minimize});
     * usage errors exit with 2, failures with 1, Ctrl-C with 130.
     */
    public static final int EXIT_DIVERGED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code descent} with no command: the command list on standard error, and exit status 2 (a usage error). */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        throw new NoCommand();
    }

    /** Thrown by {@link #run} so that {@code descent} alone exits with status 2 after printing the command list. */
    private static final class NoCommand extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoCommand() {
            super(null, null, false, false);
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status, without exiting (for tests). */
    public static int execute(String... args) {
        return guarded(() -> commandLine().execute(args), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs a command and turns running out of heap (an {@link OutOfMemoryError}, which picocli's
     * handlers do not see) into one line with the fix for that command, exit status 1, instead of
     * a stack trace.
     *
     * @param args the command line, to fit the advice to the command
     */
    static int guarded(java.util.function.IntSupplier command, PrintWriter err, String... args) {
        try {
            return command.getAsInt();
        } catch (OutOfMemoryError e) {
            err.println("descent: out of memory (" + e.getMessage() + "); give the JVM more heap, for example"
                    + " DESCENT_JAVA_OPTS=-Xmx8g ./descent ..., or " + memoryAdvice(args));
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
    }

    /** What to make smaller, for the command in {@code args}. */
    static String memoryAdvice(String... args) {
        java.util.List<String> a = java.util.List.of(args);
        String command = a.stream().filter(x -> !x.startsWith("-")).findFirst().orElse("");
        String method = "";
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).startsWith("--method=")) {
                method = a.get(i).substring("--method=".length());
            } else if (a.get(i).equals("--method") && i + 1 < a.size()) {
                method = a.get(i + 1);
            }
        }
        return switch (command) {
            case "minimize" -> method.startsWith("lbfgs") ? "choose a smaller --dim or --memory"
                    : method.startsWith("newton-cg") || method.startsWith("cg") || method.startsWith("gd")
                            ? "choose a smaller --dim"
                            : "choose a smaller --dim or a method that needs memory in proportion to n (lbfgs, newton-cg)";
            case "train", "lr-find" -> "choose a smaller --model or --batch";
            case "bench" -> "choose a smaller --params or --size";
            case "tour" -> "run the quick tour (descent tour --quick) or fewer --threads";
            default -> "choose a smaller problem";
        };
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
        err.println("descent: " + usageMessage(e) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    /** picocli's message, except that a word where a command was expected reads as an unknown command. */
    private static String usageMessage(CommandLine.ParameterException e) {
        CommandLine cmd = e.getCommandLine();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().getFirst().startsWith("-")) {
            String word = u.getUnmatched().getFirst();
            String close = cmd.getSubcommands().keySet().stream().filter(c -> distance(c, word) <= 2).findFirst().orElse(null);
            return "unknown command '" + word + "'; commands: " + String.join(", ", cmd.getSubcommands().keySet())
                    + (close == null ? "" : "; did you mean " + close + "?");
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            // picocli's own suggestions, on the same line: --epoch -> did you mean --epochs?
            java.util.List<String> sug = u.getSuggestions();
            return sentence(e.getMessage()) + "; did you mean " + String.join(" or ", sug.subList(0, Math.min(3, sug.size()))) + "?";
        }
        return sentence(e.getMessage());
    }

    /** The edit distance between two words (for "did you mean"). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static int runError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof NoCommand) {
            return CommandLine.ExitCode.USAGE;
        }
        if (e instanceof IllegalArgumentException) {
            // a bad value that only the library could judge (a spec, a file's contents): a usage error
            err.println("descent: " + sentence(e.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        err.println("descent: " + failure(e));
        if (System.getenv("DESCENT_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** One line for a failure while running; file-system errors, whose message is only a path, say what went wrong. */
    static String failure(Throwable e) {
        // an UncheckedIOException made from its cause alone carries only the cause's toString()
        Throwable c = e instanceof java.io.UncheckedIOException && e.getCause() != null
                && e.getCause().toString().equals(e.getMessage()) ? e.getCause() : e;
        String what = switch (c) {
            case java.nio.file.NoSuchFileException x -> "no such file or directory";
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.nio.file.FileAlreadyExistsException x -> "already exists";
            case java.nio.file.NotDirectoryException x -> "not a directory";
            case java.nio.file.DirectoryNotEmptyException x -> "directory not empty";
            default -> null;
        };
        if (what != null) {
            java.nio.file.FileSystemException f = (java.nio.file.FileSystemException) c;
            return what + ": " + f.getFile() + (f.getReason() == null ? "" : " (" + f.getReason() + ")");
        }
        if (e.getMessage() == null || e instanceof NullPointerException || e instanceof ClassCastException
                || e instanceof ArrayIndexOutOfBoundsException) {
            // a bug of ours, not the user's input: no Java names, but how to report it
            return "internal error; run again with DESCENT_DEBUG=1 for the details and report them";
        }
        return e.getMessage();
    }

    /** A message without its final full stop, so that a hint can follow it on the same line. */
    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "invalid input";
        }
        String m = message.strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
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
