package dev.descent.spark;

import dev.descent.data.FashionMnist;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A parsed {@code --data} text: which reader, and its argument (a path, a directory or the
 * {@code key=value} list of the synthetic generator). The one place that knows the source
 * grammar, so that {@link SparkData#check} (before Spark starts) and {@link SparkData#load} agree.
 *
 * @param kind the reader
 * @param arg the reader's argument: a path (libsvm, CSV, Parquet), a directory or "" (Fashion-MNIST),
 *     the whole source text (synthetic)
 * @param text the source text as given, for reports
 */
record DataSource(Kind kind, String arg, String text) {

    /** The readers. */
    enum Kind { SYNTHETIC, FASHION_MNIST, LIBSVM, CSV, PARQUET }

    private static final String GRAMMAR = "use synthetic:rows=N,features=D,classes=K,seed=S, libsvm:PATH, csv:PATH,"
            + " parquet:PATH or fashion-mnist[:DIR]";

    /**
     * Parses a source text: a {@code kind:} prefix, or a path whose extension names the format
     * ({@code .libsvm}, {@code .svm}, {@code .txt}, {@code .csv}, {@code .parquet}).
     *
     * @param source the text
     * @return the parsed source
     * @throws IllegalArgumentException for an unknown source, naming the forms that exist
     */
    static DataSource parse(String source) {
        String s = source.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("synthetic:") || lower.equals("synthetic")) {
            return new DataSource(Kind.SYNTHETIC, s, s);
        }
        if (lower.equals("fashion-mnist") || lower.startsWith("fashion-mnist:")) {
            return new DataSource(Kind.FASHION_MNIST, lower.equals("fashion-mnist") ? "" : s.substring(14).strip(), s);
        }
        for (Kind k : new Kind[] {Kind.LIBSVM, Kind.CSV, Kind.PARQUET}) {
            String prefix = k.name().toLowerCase(Locale.ROOT) + ":";
            if (lower.startsWith(prefix)) {
                return new DataSource(k, s.substring(prefix.length()), s);
            }
        }
        if (lower.endsWith(".libsvm") || lower.endsWith(".svm") || lower.endsWith(".txt")) {
            return new DataSource(Kind.LIBSVM, s, s);
        }
        if (lower.endsWith(".csv")) {
            return new DataSource(Kind.CSV, s, s);
        }
        if (lower.endsWith(".parquet")) {
            return new DataSource(Kind.PARQUET, s, s);
        }
        throw new IllegalArgumentException("unknown data source '" + source + "': " + GRAMMAR);
    }

    /**
     * Checks what can be checked without Spark: the synthetic parameters, that the Fashion-MNIST
     * files are found, that a local path exists.
     *
     * @return the path of a file source ({@link #requirePath}), else {@link #arg()}
     * @throws IllegalArgumentException naming the problem and the fix
     */
    String check() {
        return switch (kind) {
            case SYNTHETIC -> {
                SyntheticData.parse(arg);
                yield arg;
            }
            case FASHION_MNIST -> FashionMnist.locate(arg.isBlank() ? null : Path.of(arg)).toString();
            case LIBSVM, CSV, PARQUET -> requirePath(arg);
        };
    }

    /** A path that exists when it is local ({@code file:} or no scheme); other schemes are checked by Spark. */
    static String requirePath(String path) {
        String p = path.strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("--data names no path: give a file, e.g. libsvm:data/train.libsvm");
        }
        URI uri;
        try {
            uri = URI.create(p.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null ? null : uri.getScheme();
        if (scheme == null || scheme.equals("file")) {
            Path local = scheme == null ? Path.of(p) : Path.of(uri);
            if (!Files.exists(local)) {
                throw new IllegalArgumentException("no such file: " + p + " (--data): check the path");
            }
        }
        return p;
    }
}
