package dev.descent.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @Test
    void embeddedSubsetIsStratified() {
        Split s = FashionMnist.embedded();
        assertThat(s.train().n()).isEqualTo(6000);
        assertThat(s.heldOut().n()).isEqualTo(1000);
        assertThat(s.train().d()).isEqualTo(784);
        assertThat(s.train().classCounts()).containsOnly(600);
        assertThat(s.heldOut().classCounts()).containsOnly(100);
        float max = 0;
        for (float v : s.train().x()) {
            max = Math.max(max, v);
        }
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void missingFilesSayHowToGetThem(@TempDir Path empty) {
        assertThatThrownBy(() -> FashionMnist.load(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageContaining(FashionMnist.URL)
                .hasMessageContaining("--data-dir");
    }

    @Test
    void readsFilesFromADataDir(@TempDir Path dir) throws Exception {
        byte[] px = new byte[3 * 4];
        px[5] = (byte) 255;
        Idx.write(dir.resolve("train-images-idx3-ubyte.gz"), new int[] {3, 2, 2}, px, true);
        Idx.write(dir.resolve("train-labels-idx1-ubyte.gz"), new int[] {3}, new byte[] {0, 9, 4}, true);
        Idx.write(dir.resolve("t10k-images-idx3-ubyte"), new int[] {1, 2, 2}, new byte[4], false);
        Idx.write(dir.resolve("t10k-labels-idx1-ubyte"), new int[] {1}, new byte[] {2}, false);
        Split s = FashionMnist.load(dir);
        assertThat(s.train().n()).isEqualTo(3);
        assertThat(s.train().x()[5]).isEqualTo(1f);
        assertThat(s.train().y()).containsExactly(0, 9, 4);
        assertThat(s.heldOut().y()).containsExactly(2);
    }
}
