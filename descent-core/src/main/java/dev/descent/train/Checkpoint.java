package dev.descent.train;

import dev.descent.data.Batches;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import dev.descent.io.OutputFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Everything needed to continue a run bit-identically: the parameters, the optimizer's state, the
 * network's non-parameter state, the schedule position (the step, plus reduce-on-plateau's state),
 * the data cursor (which, with the seed, fixes the batch order: {@link Batches}), the divergence
 * bookkeeping, the history, and the caller's {@code meta} strings (the CLI keeps its arguments
 * there, so that {@code --resume DIR} needs nothing else).
 *
 * <p>File format ({@value #FILE} in a directory): the magic {@code DESCKPT1}, a format version
 * (2; version 1, without the records' objective, passes, batch and training time, is still read),
 * the body length, the body (big-endian, doubles as raw IEEE bits, so values round-trip exactly)
 * and the CRC32 of everything before it. {@link #write} is atomic: a temporary file, fsync, the
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

    private static final byte[] MAGIC = "DESCKPT1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int VERSION = 2;

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

    byte[] toBytes() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(params.length * 4 + optimizerState.length + 4096);
        DataOutputStream o = new DataOutputStream(body);
        o.writeInt(meta.size());
        for (Map.Entry<String, String> e : meta.entrySet()) {
            o.writeUTF(e.getKey());
            o.writeUTF(e.getValue());
        }
        o.writeLong(step);
        o.writeLong(cursor.epoch());
        o.writeInt(cursor.offset());
        o.writeInt(params.length);
        ByteBuffer pb = ByteBuffer.allocate(params.length * 4);
        pb.asFloatBuffer().put(params);
        o.write(pb.array());
        writeBytes(o, optimizerState);
        writeBytes(o, networkState);
        writeBytes(o, scheduleState);
        Progress p = progress;
        o.writeDouble(p.lrScale());
        o.writeInt(p.failures());
        o.writeDouble(p.ema());
        o.writeDouble(p.firstLoss());
        o.writeLong(p.emaCount());
        o.writeDouble(p.lossSum());
        o.writeLong(p.lossCount());
        o.writeLong(p.samples());
        o.writeLong(p.trainNanos());
        o.writeLong(p.epochNanos());
        o.writeLong(p.elapsedNanos());
        o.writeInt(history.records.size());
        for (History.Record r : history.records) {
            o.writeLong(r.step());
            o.writeDouble(r.epoch());
            o.writeDouble(r.trainLoss());
            o.writeDouble(r.valLoss());
            o.writeDouble(r.valAccuracy());
            o.writeDouble(r.lr());
            o.writeDouble(r.elapsedSeconds());
            o.writeDouble(r.objective());
            o.writeDouble(r.passes());
            o.writeInt(r.batch());
            o.writeDouble(r.trainSeconds());
        }
        o.writeInt(history.events.size());
        for (History.Event ev : history.events) {
            o.writeLong(ev.step());
            o.writeDouble(ev.loss());
            o.writeInt(ev.cause().ordinal());
            o.writeLong(ev.rolledBackTo());
            o.writeDouble(ev.lrScale());
        }
        o.writeInt(history.epochSeconds.size());
        for (double s : history.epochSeconds) {
            o.writeDouble(s);
        }
        o.flush();
        byte[] b = body.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream(b.length + 32);
        DataOutputStream f = new DataOutputStream(file);
        f.write(MAGIC);
        f.writeInt(VERSION);
        f.writeLong(b.length);
        f.write(b);
        CRC32 crc = new CRC32();
        crc.update(file.toByteArray());
        f.writeLong(crc.getValue());
        f.flush();
        return file.toByteArray();
    }

    static Checkpoint fromBytes(byte[] all, String name) {
        int header = MAGIC.length + 4 + 8;
        if (all.length < header + 8 || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException(name + " is not a descent checkpoint (wrong magic number); refusing to resume from it");
        }
        ByteBuffer h = ByteBuffer.wrap(all);
        int version = h.getInt(MAGIC.length);
        long len = h.getLong(MAGIC.length + 4);
        if (version != VERSION && version != 1) {
            throw new IllegalArgumentException(name + " has checkpoint format version " + version + ", this descent reads " + VERSION);
        }
        if (len != all.length - header - 8) {
            throw new IllegalArgumentException(name + " is corrupt: truncated or extended (" + (all.length - header - 8)
                    + " body bytes, the header says " + len + "); refusing to resume from it");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = h.getLong(all.length - 8);
        if (crc.getValue() != stored) {
            throw new IllegalArgumentException(String.format("%s is corrupt: checksum mismatch (CRC32 stored %08x, computed %08x); refusing to resume from it",
                    name, stored, crc.getValue()));
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, header, (int) len));
            int m = in.readInt();
            Map<String, String> meta = new TreeMap<>();
            for (int i = 0; i < m; i++) {
                meta.put(in.readUTF(), in.readUTF());
            }
            long step = in.readLong();
            Batches.Cursor cursor = new Batches.Cursor(in.readLong(), in.readInt());
            float[] params = new float[in.readInt()];
            byte[] pb = in.readNBytes(params.length * 4);
            ByteBuffer.wrap(pb).asFloatBuffer().get(params);
            byte[] opt = readBytes(in);
            byte[] net = readBytes(in);
            byte[] sched = readBytes(in);
            Progress p = new Progress(in.readDouble(), in.readInt(), in.readDouble(), in.readDouble(), in.readLong(), in.readDouble(),
                    in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
            History hist = new History();
            int nr = in.readInt();
            for (int i = 0; i < nr; i++) {
                History.Record r = new History.Record(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble());
                if (version >= 2) {
                    r = new History.Record(r.step(), r.epoch(), r.trainLoss(), r.valLoss(), r.valAccuracy(), r.lr(),
                            r.elapsedSeconds(), in.readDouble(), in.readDouble(), in.readInt(), in.readDouble());
                }
                hist.records.add(r);
            }
            int ne = in.readInt();
            for (int i = 0; i < ne; i++) {
                hist.events.add(new History.Event(in.readLong(), in.readDouble(), History.Cause.values()[in.readInt()],
                        in.readLong(), in.readDouble()));
            }
            int ns = in.readInt();
            for (int i = 0; i < ns; i++) {
                hist.epochSeconds.add(in.readDouble());
            }
            return new Checkpoint(meta, step, cursor, params, opt, net, sched, p, hist);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof EOFException ? "it ends early" : "a value is out of range";
            throw new IllegalArgumentException(name + " is corrupt: its body does not parse (" + why + "); refusing to resume from it");
        }
    }

    private static void writeBytes(DataOutputStream o, byte[] b) throws IOException {
        o.writeInt(b.length);
        o.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new EOFException("negative length");
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException("short section");
        }
        return b;
    }
}
