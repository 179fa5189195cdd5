package dev.descent.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a fresh JVM without the artifact descent-data-fashion-mnist-subset (an optional dependency of
 * descent-core), {@link FashionMnist#embedded()} says which dependency to add.
 */
class EmbeddedSubsetMissingTest {

    /** Started by the test in a fresh JVM: prints the message of the exception, if any. */
    static final class Main {
        private Main() {}

        public static void main(String[] args) {
            try {
                FashionMnist.embedded();
                System.out.println("loaded");
            } catch (IllegalStateException e) {
                System.out.println(e.getMessage());
            }
        }
    }

    @Test
    void withoutTheDataArtifactTheMessageNamesIt(@TempDir Path dir) throws Exception {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String cp = Arrays.stream(full.split(File.pathSeparator))
                .filter(e -> !e.contains("descent-data-fashion-mnist-subset")).collect(Collectors.joining(File.pathSeparator));
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp", cp, Main.class.getName()))
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8).strip()).isEqualTo(
                "the embedded Fashion-MNIST subset is not on the class path: add the dependency "
                        + "dev.descent:descent-data-fashion-mnist-subset (on the module path, also --add-modules dev.descent.data.fashionmnist)");
    }
}
