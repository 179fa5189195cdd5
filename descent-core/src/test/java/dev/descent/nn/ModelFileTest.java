package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model.save / Model.load: an exact round trip, and a clear refusal of anything else. */
class ModelFileTest {

    @TempDir
    Path dir;

    private static int[] labels(int n, int k) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i * 7 + 2) % k;
        }
        return y;
    }

    /** A few SGD steps, so that parameters, running statistics and the dropout stream all move. */
    private static void train(Model m, float[] x, int[] y, int n, int steps) {
        m.setTraining(true);
        for (int s = 0; s < steps; s++) {
            m.forwardBackward(x, y, n);
            float[] w = m.params();
            float[] g = m.grads();
            for (int i = 0; i < w.length; i++) {
                w[i] -= 0.05f * g[i];
            }
        }
    }

    @Test
    void roundTripKeepsParametersStateAndPredictionsBitForBit() throws IOException {
        int n = 24;
        float[] x = GradCheck.random(n * 5, 1, 3);
        int[] y = labels(n, 4);
        Model m = ModelSpec.parse("mlp:8,6:bn:dropout=0.25", 5, 4).build(11, 16);
        train(m, x, y, n, 5);
        Path file = dir.resolve("model.bin");
        m.save(file);
        Model back = Model.load(file);

        assertThat(back.toString()).isEqualTo(m.toString());
        assertThat(back.params()).containsExactly(m.params());
        assertThat(back.exportState()).isEqualTo(m.exportState());
        assertThat(back.parameterRanges()).isEqualTo(m.parameterRanges());
        assertThat(back.maxBatch()).isEqualTo(m.maxBatch());
        float[] z1 = new float[n * 4];
        float[] z2 = new float[n * 4];
        m.predict(x, n, z1);
        back.predict(x, n, z2);
        assertThat(z2).containsExactly(z1);
        // the dropout streams continue identically: one more training step gives the same gradient
        m.forwardBackward(x, y, n);
        back.forwardBackward(x, y, n);
        assertThat(back.grads()).containsExactly(m.grads());
    }

    @Test
    void anyBuilderModelRoundTrips() throws IOException {
        Model m = Model.builder(3).dense(4, Init.XAVIER).activation(Activation.GELU).dense(4, Init.HE)
                .activation(Activation.LEAKY_RELU).batchNorm().activation(Activation.SIGMOID).dense(3, Init.XAVIER)
                .activation(Activation.TANH).dense(2, Init.ZEROS).loss(Loss.mse()).maxBatch(7).build(4);
        Path file = dir.resolve("m.model");
        m.save(file);
        Model back = Model.load(file);
        assertThat(back.toString()).isEqualTo(m.toString());
        assertThat(back.loss()).isSameAs(Loss.mse());
        assertThat(back.params()).containsExactly(m.params());
        List<Layer> a = m.layers();
        List<Layer> b = back.layers();
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).getClass()).isEqualTo(a.get(i).getClass());
            if (a.get(i) instanceof Dense d) {
                assertThat(((Dense) b.get(i)).init()).isEqualTo(d.init());
            }
        }
    }

    @Test
    void saveReplacesAnOldFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("model.bin");
        Files.writeString(file, "old contents");
        Model m = ModelSpec.parse("softmax:init=xavier", 3, 2).build(1);
        m.save(file);
        assertThat(Model.load(file).params()).containsExactly(m.params());
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void refusesAFileThatIsNotAModel() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello, this is not a model");
        assertThatThrownBy(() -> Model.load(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("not a descent model file");
        Path empty = dir.resolve("empty.bin");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> Model.load(empty)).hasMessageContaining("not a descent model file");
    }

    @Test
    void refusesAnotherVersionACorruptAndATruncatedFile() throws IOException {
        Path file = dir.resolve("model.bin");
        ModelSpec.parse("mlp:4", 3, 2).build(1).save(file);
        byte[] good = Files.readAllBytes(file);

        byte[] version = good.clone();
        ByteBuffer.wrap(version).putInt(4, 99);
        Files.write(file, version);
        assertThatThrownBy(() -> Model.load(file)).hasMessageContaining("model format version 99")
                .hasMessageContaining("reads 1");

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        Files.write(file, flipped);
        assertThatThrownBy(() -> Model.load(file)).hasMessageContaining("corrupt").hasMessageContaining("checksum mismatch");

        Files.write(file, java.util.Arrays.copyOf(good, good.length - 20));
        assertThatThrownBy(() -> Model.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt");

        assertThatThrownBy(() -> Model.load(dir.resolve("missing.bin"))).isInstanceOf(IOException.class);
    }
}
