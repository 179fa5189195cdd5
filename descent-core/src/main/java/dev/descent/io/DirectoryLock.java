package dev.descent.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a directory, so that two processes never write into one (two training runs
 * on one checkpoint directory would otherwise replace each other's files). The lock is an
 * operating-system lock ({@link FileChannel#tryLock()}) on the file {@value #FILE} in the
 * directory, which also holds a line naming the holder; the system releases it when the process
 * ends, however it ends, so a killed run never leaves a stale lock. The file itself stays.
 *
 * <pre>{@code
 * try (DirectoryLock lock = DirectoryLock.acquire(dir, "descent train --model mlp:64 ...")) {
 *     ... write into dir ...
 * }
 * }</pre>
 */
public final class DirectoryLock implements AutoCloseable {

    /** The lock file's name inside the locked directory. */
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (created when missing), or fails at once when another process, or another
     * holder in this one, has it.
     *
     * @param dir the directory
     * @param holder who takes the lock, for the message another process gets (for example the
     *     command line); the process id and the time are added
     * @return the lock; {@link #close} releases it
     * @throws IllegalArgumentException when the directory is locked, naming the holder
     * @throws IOException when the lock file cannot be created
     */
    public static DirectoryLock acquire(Path dir, String holder) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // held in this process
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            String other;
            try {
                other = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                other = "";
            } finally {
                ch.close();
            }
            throw new IllegalArgumentException(dir + " is in use by another run"
                    + (other.isEmpty() ? "" : " (" + other + ")") + "; wait for it to end or choose another directory");
        }
        String line = "pid " + ProcessHandle.current().pid() + ", since " + java.time.Instant.now().toString().replaceFirst("\\.\\d+Z$", "Z")
                + ": " + holder + "\n";
        ch.truncate(0);
        ByteBuffer b = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            ch.write(b);
        }
        return new DirectoryLock(ch, l);
    }

    /** Releases the lock (the lock file stays, holding the last holder's line). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
