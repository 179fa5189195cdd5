package dev.descent.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsPlainAndGzipped() throws Exception {
        byte[] v = new byte[2 * 3 * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) (i * 11);
        }
        for (boolean gz : new boolean[] {false, true}) {
            Path f = dir.resolve("a" + gz);
            Idx.write(f, new int[] {2, 3, 4}, v, gz);
            Idx.Array a = Idx.read(f);
            assertThat(a.dims()).containsExactly(2, 3, 4);
            assertThat(a.data()).isEqualTo(v);
        }
    }

    @Test
    void readsTheHeaderByteByByte() throws Exception {
        byte[] file = {0, 0, 8, 1, 0, 0, 0, 3, 7, (byte) 200, 9};
        Idx.Array a = Idx.read(new ByteArrayInputStream(file), "t");
        assertThat(a.dims()).containsExactly(3);
        assertThat(a.data()[1] & 0xFF).isEqualTo(200);
    }

    @Test
    void wrongMagicNumber() {
        byte[] file = {1, 2, 8, 1, 0, 0, 0, 1, 7};
        assertThatThrownBy(() -> Idx.read(new ByteArrayInputStream(file), "f.idx"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("f.idx: wrong magic number");
        byte[] floats = {0, 0, 0x0D, 1, 0, 0, 0, 1, 7, 7, 7, 7};
        assertThatThrownBy(() -> Idx.read(new ByteArrayInputStream(floats), "f.idx"))
                .hasMessageContaining("wrong magic number").hasMessageContaining("0x0d");
    }

    @Test
    void badSizes() {
        byte[] zeroDim = {0, 0, 8, 2, 0, 0, 0, 3, 0, 0, 0, 0};
        assertThatThrownBy(() -> Idx.read(new ByteArrayInputStream(zeroDim), "z")).hasMessageContaining("bad sizes");
        byte[] huge = {0, 0, 8, 3, 0x7f, 0, 0, 0, 0x7f, 0, 0, 0, 0x7f, 0, 0, 0};
        assertThatThrownBy(() -> Idx.read(new ByteArrayInputStream(huge), "h")).hasMessageContaining("bad sizes");
        byte[] tooManyDims = {0, 0, 8, 9};
        assertThatThrownBy(() -> Idx.read(new ByteArrayInputStream(tooManyDims), "k")).hasMessageContaining("bad sizes");
    }

    @Test
    void truncatedBodyHeaderAndGzip() throws Exception {
        byte[] body = {0, 0, 8, 1, 0, 0, 0, 5, 1, 2};
        assertThatThrownBy(() -> Idx.read(new ByteArrayInputStream(body), "b"))
                .hasMessageContaining("truncated").hasMessageContaining("declares 5 values, the file holds 2");
        byte[] header = {0, 0, 8, 2, 0, 0};
        assertThatThrownBy(() -> Idx.read(new ByteArrayInputStream(header), "h")).hasMessageContaining("truncated");

        Path f = dir.resolve("full.gz");
        byte[] v = new byte[5000];
        new java.util.Random(1).nextBytes(v);
        Idx.write(f, new int[] {5000}, v, true);
        byte[] gz = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> Idx.read(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cut.gz").hasMessageContaining("truncated");
    }

    @Test
    void imagesScaleToUnitIntervalAndCheckCounts() throws Exception {
        Idx.Array im = new Idx.Array(new int[] {2, 1, 2}, new byte[] {0, (byte) 255, 51, 102});
        Idx.Array lb = new Idx.Array(new int[] {2}, new byte[] {3, 1});
        Dataset ds = Idx.images(im, lb, 10, "t");
        assertThat(ds.d()).isEqualTo(2);
        // x = byte · float32(1/255), as numpy's astype(float32) * float32(1/255) in the torch peer
        assertThat(ds.x()).containsExactly(0f, 1f, 51 * (1f / 255f), 102 * (1f / 255f));
        assertThat(ds.y()).containsExactly(3, 1);
        Idx.Array lb3 = new Idx.Array(new int[] {3}, new byte[] {3, 1, 1});
        assertThatThrownBy(() -> Idx.images(im, lb3, 10, "t")).hasMessageContaining("2 images but 3 labels");
    }

    @Test
    void readScaledEqualsReadThenScaleAndDetectsTruncation() throws Exception {
        byte[] v = new byte[3 * 70000];
        new java.util.Random(3).nextBytes(v);
        Path f = dir.resolve("big.gz");
        Idx.write(f, new int[] {3, 70000}, v, true);
        Idx.Scaled s = Idx.readScaled(f);
        assertThat(s.dims()).containsExactly(3, 70000);
        for (int i = 0; i < v.length; i += 997) {
            assertThat(s.values()[i]).isEqualTo((v[i] & 0xFF) * (1f / 255f));
        }
        Path raw = dir.resolve("raw");
        Idx.write(raw, new int[] {3, 70000}, v, false);
        byte[] all = Files.readAllBytes(raw);
        Files.write(raw, Arrays.copyOf(all, all.length - 100));
        assertThatThrownBy(() -> Idx.readScaled(raw)).hasMessageContaining("truncated");
    }

    @Test
    void gzipDetectedByMagicNotName() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 42});
        }
        Path f = dir.resolve("noext");
        Files.write(f, b.toByteArray());
        assertThat(Idx.read(f).data()).containsExactly(42);
    }
}
