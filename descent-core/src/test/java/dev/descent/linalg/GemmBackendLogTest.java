package dev.descent.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * In fresh JVMs, as a consumer would start them: Gemm tells, once and through System.Logger
 * (java.util.logging prints INFO and WARNING to stderr by default), which backend it uses and why,
 * and says nothing when OpenBLAS is in use.
 */
@EnabledOnOs(value = OS.LINUX, architectures = "amd64") // the natives on the test class path are linux-x86_64's
class GemmBackendLogTest {

    private static final String CLASS_PATH = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

    record Run(String stdout, String stderr) {}

    private static Run run(Path dir, Predicate<String> keep, String... flags) throws IOException, InterruptedException {
        String cp = Arrays.stream(CLASS_PATH.split(File.pathSeparator)).filter(keep).collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.addAll(List.of(flags));
        cmd.addAll(List.of("-cp", cp, GemmReportMain.class.getName()));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor()).as("exit status of %s", cmd).isZero();
        return new Run(Files.readString(out, StandardCharsets.UTF_8).strip(), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean bytedeco(String entry) {
        return entry.contains("bytedeco");
    }

    private static boolean natives(String entry) {
        return bytedeco(entry) && entry.contains("linux-x86_64");
    }

    @Test
    void openBlasInUseIsSilent(@TempDir Path dir) throws Exception {
        Run r = run(dir, e -> true, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED");
        assertThat(r.stdout()).isEqualTo("openblas");
        assertThat(r.stderr()).doesNotContain("matrix multiply");
    }

    @Test
    void withoutDescentOpenblasTheVectorKernelIsAnnouncedAtInfo(@TempDir Path dir) throws Exception {
        Run r = run(dir, e -> !bytedeco(e), "--add-modules", "jdk.incubator.vector");
        assertThat(r.stdout()).isEqualTo("vector");
        assertThat(r.stderr()).contains("INFO: matrix multiply: vector")
                .contains("OpenBLAS is unavailable: its classes are not on the class path: add the dependency dev.descent:descent-openblas");
        assertThat(r.stderr().lines().filter(l -> l.contains("matrix multiply"))).hasSize(1);
    }

    @Test
    void withoutTheVectorModuleTheScalarLoopsAreAWarning(@TempDir Path dir) throws Exception {
        Run r = run(dir, e -> !bytedeco(e));
        assertThat(r.stdout()).isEqualTo("scalar");
        assertThat(r.stderr()).contains("WARNING: matrix multiply: scalar")
                .contains("run java with --add-modules jdk.incubator.vector");
    }

    @Test
    void excludedNativesAreAWarningNamingThePlatform(@TempDir Path dir) throws Exception {
        Run r = run(dir, e -> !natives(e), "--add-modules", "jdk.incubator.vector");
        assertThat(r.stdout()).isEqualTo("vector");
        assertThat(r.stderr()).contains("WARNING: matrix multiply: vector")
                .contains("its natives for linux-x86_64 did not load");
    }

    @Test
    void deniedNativeAccessIsAWarningNamingTheFlag(@TempDir Path dir) throws Exception {
        Run r = run(dir, e -> true, "--add-modules", "jdk.incubator.vector", "--illegal-native-access=deny");
        assertThat(r.stdout()).isEqualTo("vector");
        assertThat(r.stderr()).contains("WARNING: matrix multiply: vector")
                .contains("native access is denied").contains("--enable-native-access=ALL-UNNAMED");
    }
}
