package dev.descent.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes output files without ever destroying what the path stands for. The one implementation
 * behind every file descent writes (checkpoints, IDX files, metrics, traces, charts, reports).
 *
 * <p>The rules, by what the path is when the write starts:
 * <ul>
 *   <li>a <b>symbolic link</b> (also a chain of them, or one that dangles) is followed: the file it
 *       points to is written by the rules below, and the link itself stays a link;</li>
 *   <li>a <b>regular file</b>, or nothing yet, is replaced atomically: the bytes go to a temporary
 *       file in the same directory, are forced to disk, and a rename puts them in place. A reader
 *       sees the old file or the complete new one, never a partial write, and a process killed at
 *       any moment leaves one of the two behind;</li>
 *   <li>a <b>stream</b> (a FIFO, a socket, a device such as {@code /dev/null}, or any path under
 *       {@code /dev/} or {@code /proc/}, which covers {@code /dev/stdout} and {@code /dev/fd/N}) is
 *       opened for writing and written in place, appending, never created, renamed or
 *       replaced: {@code --trace /dev/stdout | head} works, and a device node stays a device;</li>
 *   <li>a <b>directory</b> is refused.</li>
 * </ul>
 *
 * <p>Permissions: a new file is {@code rw-r--r--} (0644), whichever command writes it; a
 * replaced file keeps the permissions it had. Missing parent directories are created.
 *
 * <p>Before a long run, {@link #check} finds an output that cannot be written, and
 * {@link #requireNotInput} an output that is one of the run's inputs (through links and hard links
 * too), so that nothing is lost after minutes of work and no input is overwritten.
 */
public final class OutputFile {

    /** The permissions of every new file: rw-r--r--. */
    public static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    /** The most symbolic links followed from one path, as Linux's {@code MAXSYMLINKS}. */
    private static final int MAX_LINKS = 40;

    private OutputFile() {}

    /** Writes the contents of a file to a stream (which it must not close). */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the whole contents to {@code out}.
         *
         * @param out the destination, buffered; closing it is harmless but not needed
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code bytes} to {@code target} by the rules of this class.
     *
     * @param target the output path
     * @param bytes the whole contents
     * @throws IOException when the file cannot be written (the old contents are then untouched,
     *     except for a stream, which has no old contents)
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target} by the rules of this class.
     *
     * @param target the output path
     * @param text the whole contents
     * @throws IOException when the file cannot be written
     */
    public static void writeString(Path target, CharSequence text) throws IOException {
        write(target, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the contents that {@code body} produces to {@code target} by the rules of this class.
     *
     * @param target the output path
     * @param body writes the whole contents
     * @throws IOException when the file cannot be written
     */
    public static void write(Path target, Body body) throws IOException {
        write(target, body, null);
    }

    /**
     * Replaces {@code target} atomically, first renaming the file it replaces to {@code previous}
     * (in the same directory), so that the last two versions exist at every moment: checkpoints
     * use this. A stream target is written in place and {@code previous} is ignored.
     *
     * @param target the output path
     * @param body writes the whole contents
     * @param previous the name the replaced file gets, or null to drop it
     * @throws IOException when the file cannot be written
     */
    public static void write(Path target, Body body, Path previous) throws IOException {
        if (isStream(target)) {
            // open the path itself (the kernel follows /dev/stdout -> /proc/self/fd/1 -> the pipe); never create
            try (OutputStream raw = Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    OutputStream out = new BufferedOutputStream(raw, 1 << 16)) {
                body.writeTo(new Unclosable(out));
            }
            return;
        }
        Path real = resolve(target);
        if (Files.isDirectory(real)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        Path dir = real.getParent();
        Files.createDirectories(dir);
        Set<PosixFilePermission> mode = NEW_FILE_PERMISSIONS;
        if (Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            try {
                mode = Files.getPosixFilePermissions(real, LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException e) {
                mode = null;
            }
        }
        Path tmp = Files.createTempFile(dir, tempPrefix(real), TEMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                body.writeTo(new Unclosable(out));
                out.flush();
                ch.force(true);
            }
            if (mode != null) {
                try {
                    Files.setPosixFilePermissions(tmp, mode);
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: its defaults
                }
            }
            if (previous != null && Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
                move(real, previous);
            }
            move(tmp, real);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The suffix of the temporary files this class creates (and may leave behind when killed). */
    public static final String TEMP_SUFFIX = ".tmp";

    /**
     * The prefix of the temporary files written for {@code real}: a dot, its name and a dot, so
     * that a directory listing hides them and {@link #TEMP_SUFFIX} ends them.
     *
     * @param real the file being written
     * @return the prefix, for example {@code .checkpoint.bin.}
     */
    public static String tempPrefix(Path real) {
        return "." + real.getFileName() + ".";
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot sync a directory; the rename is still atomic
        }
    }

    /**
     * Whether {@code target} is written as a stream: a FIFO, socket or device (also behind links),
     * or any path under {@code /dev/} or {@code /proc/}.
     *
     * @param target the output path
     * @return true when the file is written in place, appending, and never replaced
     */
    public static boolean isStream(Path target) {
        Path p = target.toAbsolutePath().normalize();
        for (int i = 0; i <= MAX_LINKS; i++) {
            if (special(p)) {
                return true;
            }
            if (!Files.isSymbolicLink(p)) {
                break;
            }
            try {
                p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
            } catch (IOException e) {
                return false;
            }
        }
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.isOther();
        } catch (IOException e) {
            return false; // does not exist yet: a new regular file
        }
    }

    private static boolean special(Path p) {
        return p.startsWith("/dev") || p.startsWith("/proc");
    }

    /**
     * The file a write to {@code target} replaces: {@code target} with its symbolic links
     * followed (also a dangling one), as an absolute path. Directories on the way are left as
     * they are (the kernel follows them).
     *
     * @param target the output path
     * @return the path of the regular file that is written
     * @throws IOException when the links loop or cannot be read
     */
    public static Path resolve(Path target) throws IOException {
        Path p = target.toAbsolutePath().normalize();
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(p)) {
                return p;
            }
            p = p.getParent().resolve(Files.readSymbolicLink(p)); // no normalize: '..' after a linked directory is the kernel's
        }
        throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
    }

    /**
     * Checks, before any work, that {@code target} can be written: not a directory, not a
     * read-only file, a directory (or one that can be created) where a file can be made (probed
     * with a temporary file, so that a read-only file system fails here), or a stream that is
     * writable. Creates nothing that stays.
     *
     * @param target the output path
     * @param name how messages name it, for example {@code --trace}
     * @param example a file name to suggest when {@code target} is a directory, for example
     *     {@code trace.csv}
     * @throws IllegalArgumentException naming the problem and the fix
     */
    public static void check(Path target, String name, String example) {
        if (isStream(target)) {
            if (!Files.exists(target)) {
                throw new IllegalArgumentException(name + ": " + target + " does not exist (a path under /dev or /proc is written"
                        + " as a stream and never created); give a file path");
            }
            if (!Files.isWritable(target)) {
                throw new IllegalArgumentException(name + ": cannot write to " + target + " (permission denied); choose another path");
            }
            return;
        }
        Path real;
        try {
            real = resolve(target);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": " + target + ": " + reason(e) + "; give another path");
        }
        if (Files.isDirectory(real)) {
            throw new IllegalArgumentException(name + ": " + target + " is a directory; give a file name such as "
                    + target.resolve(example));
        }
        if (Files.exists(real) && !Files.isWritable(real)) {
            throw new IllegalArgumentException(name + ": " + target + " is read-only; make it writable (chmod u+w) or choose another path");
        }
        Path dir = real.getParent();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException("cannot write " + name + " " + target + ": " + existing
                    + " is a file, not a directory; give a path in a writable directory");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".descent-probe.", TEMP_SUFFIX));
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("cannot write " + name + " " + target + ": cannot create files in " + existing
                    + " (" + reason(e) + "); give a path in a writable directory");
        }
    }

    /**
     * Whether two paths name the same existing file, through symbolic and hard links.
     *
     * @param a a path
     * @param b another path
     * @return true when both exist and are one file
     */
    public static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * Refuses an output that is one of the inputs (through links too): writing it would destroy
     * the input.
     *
     * @param output the output path (null: nothing to check)
     * @param outputName how messages name it, for example {@code --metrics}
     * @param input an input path (null: nothing to check)
     * @param inputName how messages name it, for example {@code --data}
     * @throws IllegalArgumentException when they are the same file
     */
    public static void requireNotInput(Path output, String outputName, Path input, String inputName) {
        if (output != null && input != null && sameFile(output, input)) {
            throw new IllegalArgumentException(outputName + " " + output + " is the same file as " + inputName + " " + input
                    + "; writing it would destroy that input: choose another path");
        }
    }

    /**
     * A short reason for a file-system failure, without Java class names.
     *
     * @param e the failure
     * @return for example {@code permission denied}
     */
    public static String reason(Exception e) {
        return switch (e) {
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.nio.file.NoSuchFileException x -> "no such file or directory";
            case java.nio.file.FileAlreadyExistsException x -> "a file is in the way";
            case java.nio.file.NotDirectoryException x -> "not a directory";
            case java.nio.file.ReadOnlyFileSystemException x -> "read-only file system";
            case FileSystemException x when x.getReason() != null -> x.getReason();
            case SecurityException x -> "not allowed";
            default -> e.getMessage() == null ? "input/output error" : e.getMessage();
        };
    }

    /** A stream whose close only flushes, so that a body cannot close the file under the writer. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
