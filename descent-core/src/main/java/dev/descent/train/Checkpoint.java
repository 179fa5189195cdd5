package dev.descent.train;

import dev.descent.data.Batches;
import dev.descent.io.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything needed to continue a run bit-identically: the parameters, the optimizer's state, the
 * network's non-parameter state, the schedule position (the step, plus reduce-on-plateau's state),
 * the data cursor (which, with the seed, fixes the batch order: {@link Batches}), the divergence
 * bookkeeping, the history, and the caller's {@code meta} strings (the CLI keeps its arguments
 * there, so that {@code --resume DIR} needs nothing else).
 *
 * <p>The file ({@value #FILE} in a directory) is described in {@link CheckpointFormat}: magic,
 * version, length, a big-endian body with doubles as raw IEEE bits, and a CRC32. {@link #write} is atomic: a temporary file, fsync, the
 * previous checkpoint kept as {@value #PREVIOUS}, then a rename ({@link OutputFile}); a process
 * killed at any moment leaves a complete checkpoint behind. {@link #read} refuses a file whose magic, length or
 * checksum is wrong with an {@link IllegalArgumentException} that names the file.
 *
 * @param meta caller strings (sorted), for example the command-line arguments of the run
 * @param step optimizer steps taken
 * @param cursor the position of the next mini-batch
 * @param params θ
 * @param optimizerState {@code Optimizer.exportState()}
 * @param networkState {@link Network#exportState()}
 * @param scheduleState {@code ReduceOnPlateau.exportState()}, empty without one
 * @param progress counters and running averages
 * @param history the history up to this point
 */
public record Checkpoint(Map<String, String> meta, long step, Batches.Cursor cursor, float[] params,
        byte[] optimizerState, byte[] networkState, byte[] scheduleState, Progress progress, History history) {

    /** The checkpoint file's name inside a checkpoint directory. */
    public static final String FILE = "checkpoint.bin";
    /** The previous good checkpoint's name, kept when a new one is written. */
    public static final String PREVIOUS = "checkpoint.prev.bin";
    /** Where a corrupt {@value #FILE} is set aside when a new checkpoint is written. */
    public static final String CORRUPT = "checkpoint.corrupt.bin";

    /**
     * The trainer's counters.
     *
     * @param lrScale the product of the learning-rate cuts so far (1 without divergence)
     * @param failures rollbacks since the last good checkpoint
     * @param ema the running average of the mini-batch loss (for spike detection)
     * @param firstLoss the first mini-batch loss (the floor of the spike test)
     * @param emaCount the number of losses in it
     * @param lossSum the sum of mini-batch losses since the last record
     * @param lossCount their number
     * @param samples rows trained on
     * @param trainNanos nanoseconds in the training loop, total
     * @param epochNanos nanoseconds in the training loop in the current epoch
     * @param elapsedNanos wall-clock nanoseconds since the run started
     */
    public record Progress(double lrScale, int failures, double ema, double firstLoss, long emaCount, double lossSum, long lossCount,
            long samples, long trainNanos, long epochNanos, long elapsedNanos) {}

    /** Copies the mutable parts so that later training does not change this checkpoint. */
    public Checkpoint {
        meta = Collections.unmodifiableMap(new TreeMap<>(meta));
        params = params.clone();
        History h = new History();
        h.records.addAll(history.records);
        h.events.addAll(history.events);
        h.epochSeconds.addAll(history.epochSeconds);
        history = h;
    }

    /**
     * Writes this checkpoint as {@code dir/}{@value #FILE} atomically ({@link OutputFile}),
     * keeping the previous one as {@value #PREVIOUS}. A {@value #FILE} that is corrupt (a disk
     * error, a hand edit) never becomes the backup: it is set aside as {@value #CORRUPT}, so that
     * the last good copy is never replaced by a bad one.
     *
     * @param dir the checkpoint directory (created when missing)
     * @throws IOException when the file cannot be written
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[] bytes = toBytes();
        Path current = dir.resolve(FILE);
        if (Files.isRegularFile(current) && !intact(current)) {
            Files.move(current, dir.resolve(CORRUPT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        OutputFile.write(current, out -> out.write(bytes), dir.resolve(PREVIOUS));
    }

    /**
     * Whether {@code dir} holds a checkpoint ({@value #FILE} or {@value #PREVIOUS}), intact or not.
     *
     * @param dir a directory
     * @return true when a new run there would replace another run's checkpoint
     */
    public static boolean existsIn(Path dir) {
        return Files.exists(dir.resolve(FILE)) || Files.exists(dir.resolve(PREVIOUS));
    }

    /**
     * Deletes the checkpoint files in {@code dir} ({@value #FILE}, {@value #PREVIOUS},
     * {@value #CORRUPT}) and temporary files left by a killed writer; other files stay.
     *
     * @param dir a checkpoint directory
     * @throws IOException when a file cannot be deleted
     */
    public static void deleteIn(Path dir) throws IOException {
        for (String name : new String[] {FILE, PREVIOUS, CORRUPT}) {
            Files.deleteIfExists(dir.resolve(name));
        }
        deleteTemporaries(dir);
    }

    /**
     * Deletes the temporary files a killed writer left in {@code dir} (call it while holding the
     * directory's lock, so that no writer is running).
     *
     * @param dir a checkpoint directory
     * @throws IOException when a file cannot be deleted
     */
    public static void deleteTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        String prefix = OutputFile.tempPrefix(dir.resolve(FILE));
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if ((n.startsWith(prefix) && n.endsWith(OutputFile.TEMP_SUFFIX)) || n.equals(FILE + ".tmp")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * Refuses to continue this checkpoint with different settings: each key of {@code meta} that
     * the checkpoint also holds (the CLI keeps {@code model} and {@code optimizer}, as
     * {@code ModelSpec} and {@code Optimizers.spec} write them) must have the same value.
     *
     * @param meta the settings of the run that continues
     * @throws IllegalArgumentException naming each setting that differs, with both values
     */
    public void requireSameSettings(Map<String, String> meta) {
        StringBuilder diff = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(meta).entrySet()) {
            String was = this.meta.get(e.getKey());
            if (was != null && !was.equals(e.getValue()) && !e.getKey().equals("args")) {
                diff.append(diff.isEmpty() ? "" : "; ").append(e.getKey()).append(' ').append(differences(was, e.getValue()));
            }
        }
        if (!diff.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint was written with other settings: " + diff
                    + "; continue with the checkpoint's settings, or start a new run");
        }
    }

    /** "a → b", or for name:key=value specs only the keys that differ. */
    private static String differences(String was, String now) {
        int a = was.indexOf(':');
        int b = now.indexOf(':');
        String nameWas = a < 0 ? was : was.substring(0, a);
        String nameNow = b < 0 ? now : now.substring(0, b);
        if (!nameWas.equals(nameNow) || was.contains("(") || now.contains("(")) {
            return was + " in the checkpoint, " + now + " now";
        }
        Map<String, String> kw = keys(a < 0 ? "" : was.substring(a + 1));
        Map<String, String> kn = keys(b < 0 ? "" : now.substring(b + 1));
        StringBuilder d = new StringBuilder(nameWas).append(':');
        java.util.Set<String> all = new java.util.TreeSet<>(kw.keySet());
        all.addAll(kn.keySet());
        String sep = "";
        for (String k : all) {
            String x = kw.getOrDefault(k, "(default)");
            String y = kn.getOrDefault(k, "(default)");
            if (!x.equals(y)) {
                d.append(sep).append(k).append(' ').append(x).append(" in the checkpoint, ").append(y).append(" now");
                sep = ", ";
            }
        }
        return sep.isEmpty() ? was + " in the checkpoint, " + now + " now" : d.toString();
    }

    private static Map<String, String> keys(String list) {
        Map<String, String> m = new TreeMap<>();
        for (String kv : list.split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                m.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
        }
        return m;
    }

    /**
     * Reads a checkpoint: {@code path} is a checkpoint file, or a directory holding
     * {@value #FILE} (or only {@value #PREVIOUS}, when a writer was killed between its two
     * renames).
     *
     * @param path a checkpoint file or directory
     * @return the checkpoint
     * @throws IllegalArgumentException when there is no checkpoint; a {@link CorruptException}
     *     (naming the intact backup, when there is one) when it is corrupt
     * @throws IOException when the file cannot be read
     */
    public static Checkpoint read(Path path) throws IOException {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = path.resolve(FILE);
            if (!Files.exists(file) && Files.exists(path.resolve(PREVIOUS))) {
                file = path.resolve(PREVIOUS);
            }
        }
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no checkpoint at " + file);
        }
        try {
            return fromBytes(all, file.toString());
        } catch (IllegalArgumentException e) {
            Path prev = file.resolveSibling(PREVIOUS);
            if (!file.getFileName().toString().equals(PREVIOUS) && intact(prev)) {
                throw new CorruptException(e.getMessage() + "; the previous checkpoint " + prev + " is intact", prev);
            }
            throw new CorruptException(e.getMessage(), null);
        }
    }

    /** A checkpoint that cannot be read (wrong magic, length or checksum, or a body that does not parse). */
    public static final class CorruptException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient Path backup;

        CorruptException(String message, Path backup) {
            super(message);
            this.backup = backup;
        }

        /**
         * The intact previous checkpoint next to the corrupt one, to resume from instead.
         *
         * @return its path, or empty when there is none or it is corrupt too
         */
        public java.util.Optional<Path> backup() {
            return java.util.Optional.ofNullable(backup);
        }
    }

    /**
     * Whether {@code file} is a complete checkpoint (magic, length, checksum and body).
     *
     * @param file a checkpoint file
     * @return false when it is missing, unreadable or corrupt
     */
    public static boolean intact(Path file) {
        try {
            fromBytes(Files.readAllBytes(file), file.toString());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** This checkpoint in the file format ({@link CheckpointFormat#encode}). */
    byte[] toBytes() throws IOException {
        return CheckpointFormat.encode(this);
    }

    /** The checkpoint in {@code all}, or an {@link IllegalArgumentException} naming {@code name} ({@link CheckpointFormat#decode}). */
    static Checkpoint fromBytes(byte[] all, String name) {
        return CheckpointFormat.decode(all, name);
    }
}
