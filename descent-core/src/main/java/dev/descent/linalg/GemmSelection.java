package dev.descent.linalg;

import java.lang.System.Logger.Level;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How {@link Gemm} chooses its backend and explains the choice: which backend, why, and how loudly
 * to say it. Pure functions of what loaded, so the wording is tested without starting JVMs.
 *
 * <p>Levels: the fastest backend (OpenBLAS) or a backend forced by {@code -Ddescent.gemm} is logged
 * at {@code DEBUG} (silent by default); the Vector API kernel chosen because OpenBLAS is simply not
 * a dependency at {@code INFO}; anything that a user most likely did not intend (OpenBLAS present
 * but unable to load, or the scalar loops) at {@code WARNING}. Every message names the fix.
 */
final class GemmSelection {

    /** The artifact that brings OpenBLAS and its natives. */
    static final String OPENBLAS_ARTIFACT = "dev.descent:descent-openblas";

    private GemmSelection() {}

    /**
     * The backend in use and the one-line report of the choice.
     *
     * @param backend the backend every call uses
     * @param level how loudly {@link Gemm} logs {@code report}
     * @param report one line: the backend, what it is, and (when not the fastest) why and the fix
     */
    record Choice(GemmBackend backend, Level level, String report) {}

    /**
     * Chooses the backend.
     *
     * @param loaded the backends whose kernels loaded and passed their self-test (SCALAR always)
     * @param unavailable for each other backend, why it is unavailable and how to fix it
     * @param openBlasAbsent OpenBLAS is unavailable only because it is not a dependency at all
     * @param forced the value of {@code -Ddescent.gemm}, or null or blank for an automatic choice
     * @param describe the one-line description of a loaded backend
     * @throws IllegalArgumentException when {@code forced} names no backend
     * @throws IllegalStateException when {@code forced} names an unavailable one, saying why
     */
    static Choice choose(Set<GemmBackend> loaded, Map<GemmBackend, String> unavailable, boolean openBlasAbsent,
                         String forced, java.util.function.Function<GemmBackend, String> describe) {
        if (forced != null && !forced.isBlank()) {
            GemmBackend b = GemmBackend.of(forced);
            if (!loaded.contains(b)) {
                throw new IllegalStateException("descent.gemm=" + forced + " is not available here: " + unavailable.get(b));
            }
            return new Choice(b, Level.DEBUG, "matrix multiply: " + describe.apply(b) + ", forced by -Ddescent.gemm=" + forced.strip());
        }
        if (loaded.contains(GemmBackend.OPENBLAS)) {
            return new Choice(GemmBackend.OPENBLAS, Level.DEBUG, "matrix multiply: " + describe.apply(GemmBackend.OPENBLAS));
        }
        String noBlas = "OpenBLAS is unavailable: " + unavailable.get(GemmBackend.OPENBLAS);
        if (loaded.contains(GemmBackend.VECTOR)) {
            return new Choice(GemmBackend.VECTOR, openBlasAbsent ? Level.INFO : Level.WARNING,
                    "matrix multiply: " + describe.apply(GemmBackend.VECTOR)
                            + " (about 0.8x OpenBLAS's speed), because " + noBlas);
        }
        return new Choice(GemmBackend.SCALAR, Level.WARNING,
                "matrix multiply: " + describe.apply(GemmBackend.SCALAR)
                        + " (about 1/15 of OpenBLAS's speed), because " + noBlas
                        + "; and the Vector API kernel is unavailable: " + unavailable.get(GemmBackend.VECTOR));
    }

    /**
     * Whether OpenBLAS failed only because its classes are not there: not a dependency (class
     * path), or on the module path and not found there either.
     */
    static boolean absent(Throwable t, boolean namedModule, boolean observable) {
        return classesMissing(t) && !(namedModule && observable);
    }

    /**
     * Why OpenBLAS could not be used, with the fix, in one clause.
     *
     * @param t what constructing the OpenBLAS kernel threw
     * @param namedModule descent-core runs as the named module {@code dev.descent.core}
     * @param observable bytedeco's {@code org.bytedeco.openblas} is on the module path (resolved or not)
     * @param resolved {@code org.bytedeco.openblas} is in the boot layer
     * @param platform the JavaCPP platform name of this machine, for example {@code linux-x86_64}
     */
    static String openBlasProblem(Throwable t, boolean namedModule, boolean observable, boolean resolved, String platform) {
        String natives = "org.bytedeco.openblas." + platform.replace('-', '.') + ",org.bytedeco.javacpp." + platform.replace('-', '.');
        if (classesMissing(t)) {
            if (namedModule && observable && !resolved) {
                return "module org.bytedeco.openblas is on the module path but not resolved: add --add-modules "
                        + natives + " (or ALL-MODULE-PATH) to the java command";
            }
            return "its classes are not on the " + (namedModule ? "module" : "class") + " path: add the dependency "
                    + OPENBLAS_ARTIFACT;
        }
        if (root(t) instanceof IllegalCallerException) {
            return "native access is denied (" + reason(t) + "): run java with --enable-native-access="
                    + (namedModule ? "dev.descent.core,org.bytedeco.javacpp" : "ALL-UNNAMED");
        }
        if (root(t) instanceof UnsatisfiedLinkError) {
            return "its natives for " + platform + " did not load (" + reason(t) + "): "
                    + (namedModule ? "on the module path add --add-modules " + natives + "; " : "")
                    + OPENBLAS_ARTIFACT + " brings them for linux-x86_64, linux-arm64, macosx-x86_64, macosx-arm64 and "
                    + "windows-x86_64 (another platform: -Djavacpp.platform=NAME when building)";
        }
        return reason(t);
    }

    /** Why the Vector API kernel is unavailable when its module is missing. */
    static String vectorModuleMissing() {
        return "module jdk.incubator.vector is not present: run java with --add-modules jdk.incubator.vector";
    }

    /** Whether {@code name} is on the module path given by {@code modulePath} (the jdk.module.path property). */
    static boolean onModulePath(String modulePath, String name) {
        if (modulePath == null || modulePath.isBlank()) {
            return false;
        }
        try {
            Path[] entries = Arrays.stream(modulePath.split(java.io.File.pathSeparator))
                    .filter(s -> !s.isBlank()).map(Path::of).toArray(Path[]::new);
            return ModuleFinder.of(entries).find(name).isPresent();
        } catch (RuntimeException e) { // a broken module path is java's to report, not ours
            return false;
        }
    }

    /**
     * The JavaCPP platform name (as in bytedeco's classifiers) of {@code os.name} and {@code os.arch}:
     * {@code linux-x86_64}, {@code macosx-arm64}, {@code windows-x86_64}, ...
     */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String o = os.startsWith("mac") || os.startsWith("darwin") ? "macosx"
                : os.startsWith("windows") ? "windows" : os.startsWith("linux") ? "linux" : os.replaceAll("\\W", "");
        String a = osArch.toLowerCase(Locale.ROOT);
        String arch = switch (a) {
            case "amd64", "x86_64", "x86-64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            default -> a;
        };
        return o + "-" + arch;
    }

    /** The root cause as "SimpleName: first line of its message". */
    static String reason(Throwable t) {
        Throwable root = root(t);
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    private static Throwable root(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static boolean classesMissing(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if ((c instanceof NoClassDefFoundError || c instanceof ClassNotFoundException)
                    && String.valueOf(c.getMessage()).replace('/', '.').contains("org.bytedeco")) {
                return true;
            }
        }
        return false;
    }
}
