package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without the {@code jdk.incubator.vector} module, descent falls back to the scalar kernels, and
 * every optimizer's trajectory is bit-identical to the Vector API one of this (test) JVM.
 */
class ScalarFallbackTest {

    @Test
    void aJvmWithoutTheVectorModuleRunsTheScalarKernelsToTheSameBits() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                FallbackMain.class.getName()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        List<String> lines = out.lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertThat(lines.get(0)).startsWith("scalar loops");
        assertThat(Kernels.SIMD).isTrue();
        for (int k = 0; k < StateRoundTripTest.SPECS.size(); k++) {
            assertThat(lines.get(k + 1)).isEqualTo(FallbackMain.trajectoryBits(StateRoundTripTest.SPECS.get(k)));
        }
    }
}
