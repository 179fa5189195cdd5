package dev.descent.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileIsWrittenWhole() throws IOException {
        Path f = dir.resolve("sub/dir/out.csv");
        OutputFile.writeString(f, "a,b\n1,2\n");
        assertThat(Files.readString(f)).isEqualTo("a,b\n1,2\n");
        assertThat(Files.list(f.getParent())).containsExactly(f); // no temporary file left
    }

    @Test
    void aSymlinkedOutputUpdatesItsTargetAndStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real.csv"));
        OutputFile.writeString(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real.csv"));
        assertThat(Files.readString(real)).isEqualTo("new");
        // a chain of links, and one that dangles: the file is created where the chain ends
        Path chain = Files.createSymbolicLink(dir.resolve("chain"), link);
        OutputFile.writeString(chain, "newer");
        assertThat(Files.isSymbolicLink(chain)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("newer");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("later.txt"));
        OutputFile.writeString(dangling, "x");
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(Files.readString(dir.resolve("later.txt"))).isEqualTo("x");
        assertThat(OutputFile.resolve(chain)).isEqualTo(real);
    }

    @Test
    void aFifoIsWrittenAsAStreamAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        assertThat(OutputFile.isStream(fifo)).isTrue();
        OutputFile.check(fifo, "--trace", "trace.csv");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        OutputFile.writeString(fifo, "through the pipe\n");
        assertThat(reader.get(20, TimeUnit.SECONDS)).isEqualTo("through the pipe\n");
        assertThat(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther())
                .isTrue();
    }

    @Test
    void aDeviceStaysADevice() throws Exception {
        Path dev = dir.resolve("null");
        assumeTrue(new ProcessBuilder("mknod", dev.toString(), "c", "1", "3").start().waitFor() == 0, "mknod (needs root)");
        Path link = Files.createSymbolicLink(dir.resolve("to-null"), dev);
        OutputFile.writeString(link, "gone");
        OutputFile.writeString(dev, "gone");
        assertThat(Files.readAttributes(dev, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther())
                .isTrue();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        // /dev/null itself: a stream by its place, written in place
        assertThat(OutputFile.isStream(Path.of("/dev/null"))).isTrue();
        assertThat(OutputFile.isStream(Path.of("/dev/stdout"))).isTrue();
        OutputFile.writeString(Path.of("/dev/null"), "x");
        assertThat(Files.readAttributes(Path.of("/dev/null"), java.nio.file.attribute.BasicFileAttributes.class).isOther()).isTrue();
    }

    @Test
    void newFilesAre0644AndAReplacedFileKeepsItsPermissions() throws IOException {
        Path f = dir.resolve("new.txt");
        OutputFile.writeString(f, "x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
        Path p = Files.writeString(dir.resolve("private.txt"), "secret");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        OutputFile.writeString(p, "still secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
        Path exec = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(exec, PosixFilePermissions.fromString("rwxr-xr-x"));
        OutputFile.writeString(exec, "#!/bin/sh\necho\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(exec))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void theReplacedFileCanBeKeptAsThePreviousOne() throws IOException {
        Path f = dir.resolve("checkpoint.bin");
        Path prev = dir.resolve("checkpoint.prev.bin");
        OutputFile.write(f, out -> out.write(1), prev);
        assertThat(Files.exists(prev)).isFalse();
        OutputFile.write(f, out -> out.write(2), prev);
        OutputFile.write(f, out -> {
            out.write(3);
            out.close(); // harmless
        }, prev);
        assertThat(Files.readAllBytes(f)).containsExactly(3);
        assertThat(Files.readAllBytes(prev)).containsExactly(2);
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path f = Files.writeString(dir.resolve("keep.txt"), "old");
        assertThatThrownBy(() -> OutputFile.write(f, out -> {
            out.write(1);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(Files.list(dir)).containsExactly(f);
    }

    @Test
    void checkFindsUnwritableOutputsBeforeTheWork() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "user data");
        assertThatThrownBy(() -> OutputFile.check(dir, "--trace", "trace.csv"))
                .hasMessage("--trace: " + dir + " is a directory; give a file name such as " + dir.resolve("trace.csv"));
        assertThatThrownBy(() -> OutputFile.check(file.resolve("x.csv"), "--plot", "p.svg"))
                .hasMessage("cannot write --plot " + file.resolve("x.csv") + ": " + file
                        + " is a file, not a directory; give a path in a writable directory");
        assertThatThrownBy(() -> OutputFile.check(Path.of("/dev/nonexistent-descent"), "--trace", "t.csv"))
                .hasMessageContaining("does not exist");
        OutputFile.check(dir.resolve("a/b/c.csv"), "--trace", "t.csv");
        assertThat(Files.exists(dir.resolve("a"))).isFalse(); // check creates nothing
        OutputFile.check(Path.of("/dev/stdout"), "--trace", "t.csv");
        assertThat(Files.readString(file)).isEqualTo("user data");
        assertThatThrownBy(() -> OutputFile.write(dir, new byte[1])).hasMessageContaining("is a directory");
    }

    @Test
    void anOutputThatIsAnInputIsRefusedThroughLinks() throws IOException {
        Path data = Files.writeString(dir.resolve("data.csv"), "x,y\n1,0\n");
        Path link = Files.createSymbolicLink(dir.resolve("alias.csv"), data);
        Path hard = Files.createLink(dir.resolve("hard.csv"), data);
        for (Path out : new Path[] {data, link, hard, dir.resolve("./data.csv")}) {
            assertThatThrownBy(() -> OutputFile.requireNotInput(out, "--metrics", data, "--data"))
                    .hasMessageStartingWith("--metrics " + out + " is the same file as --data " + data)
                    .hasMessageEndingWith("choose another path");
        }
        OutputFile.requireNotInput(dir.resolve("other.csv"), "--metrics", data, "--data");
        OutputFile.requireNotInput(null, "--metrics", data, "--data");
        assertThat(Files.readString(data)).isEqualTo("x,y\n1,0\n");
    }

    @Test
    void aLockedDirectoryNamesItsHolder() throws IOException {
        Path d = dir.resolve("ck");
        try (DirectoryLock lock = DirectoryLock.acquire(d, "descent train --model mlp:64")) {
            assertThatThrownBy(() -> DirectoryLock.acquire(d, "another"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(d + " is in use by another run (pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("descent train --model mlp:64")
                    .hasMessageEndingWith("wait for it to end or choose another directory");
        }
        DirectoryLock.acquire(d, "again").close();
    }
}
