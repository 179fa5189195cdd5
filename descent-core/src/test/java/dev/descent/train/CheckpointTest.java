package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.data.Batches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path dir;

    static Checkpoint sample(long step) {
        History h = new History();
        h.records.add(new History.Record(step, 1.5, 0.25, Double.NaN, 0.875, 1e-3, 2.0));
        h.events.add(new History.Event(3, Double.POSITIVE_INFINITY, History.Cause.NON_FINITE, 0, 0.5));
        h.epochSeconds.add(1.25);
        return new Checkpoint(Map.of("model", "mlp:8", "seed", "3"), step, new Batches.Cursor(2, 48),
                new float[] {1.5f, -0f, Float.MIN_VALUE, 3e38f}, new byte[] {1, 2, 3}, new byte[0], new byte[] {9},
                new Checkpoint.Progress(0.5, 1, 0.7, 2.25, 12, 3.25, 4, 999, 123456789L, 2345, 987654321L), h);
    }

    @Test
    void roundTripsExactly() throws Exception {
        Checkpoint c = sample(17);
        c.write(dir);
        Checkpoint r = Checkpoint.read(dir);
        assertThat(r.meta()).isEqualTo(c.meta());
        assertThat(r.step()).isEqualTo(17);
        assertThat(r.cursor()).isEqualTo(new Batches.Cursor(2, 48));
        assertThat(Arrays.equals(r.params(), c.params())).isTrue();
        assertThat(Float.floatToRawIntBits(r.params()[1])).isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(r.optimizerState()).containsExactly(1, 2, 3);
        assertThat(r.scheduleState()).containsExactly(9);
        assertThat(r.progress()).isEqualTo(c.progress());
        assertThat(r.history().records()).isEqualTo(c.history().records());
        assertThat(r.history().events()).isEqualTo(c.history().events());
        assertThat(r.history().epochSeconds()).containsExactly(1.25);
    }

    @Test
    void keepsThePreviousAndNamesItWhenTheCurrentIsCorrupt() throws Exception {
        sample(1).write(dir);
        sample(2).write(dir);
        assertThat(Checkpoint.read(dir.resolve(Checkpoint.PREVIOUS)).step()).isEqualTo(1);
        Path f = dir.resolve(Checkpoint.FILE);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x10;
        Files.write(f, b);
        assertThatThrownBy(() -> Checkpoint.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint.bin is corrupt: checksum mismatch")
                .hasMessageContaining("refusing to resume")
                .hasMessageContaining("checkpoint.prev.bin is intact");
    }

    @Test
    void truncatedWrongMagicAndMissing() throws Exception {
        sample(1).write(dir);
        Path f = dir.resolve(Checkpoint.FILE);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 5));
        assertThatThrownBy(() -> Checkpoint.read(f)).hasMessageContaining("is corrupt: truncated");
        Files.writeString(f, "hello, this is not a checkpoint at all");
        assertThatThrownBy(() -> Checkpoint.read(f)).hasMessageContaining("not a descent checkpoint");
        assertThatThrownBy(() -> Checkpoint.read(dir.resolve("nothing"))).hasMessageContaining("no checkpoint at");
    }

    @Test
    void aWriterKilledBetweenItsRenamesLeavesThePrevious() throws Exception {
        sample(1).write(dir);
        Files.move(dir.resolve(Checkpoint.FILE), dir.resolve(Checkpoint.PREVIOUS));
        assertThat(Checkpoint.read(dir).step()).isEqualTo(1);
    }
}
