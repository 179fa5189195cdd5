package dev.descent.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.System.Logger.Level;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The wording and level of the backend choice, from what loaded (no JVM started). */
class GemmSelectionTest {

    private static final Function<GemmBackend, String> NAME = GemmBackend::id;

    private static Map<GemmBackend, String> why(GemmBackend b, String reason) {
        Map<GemmBackend, String> m = new EnumMap<>(GemmBackend.class);
        m.put(b, reason);
        return m;
    }

    @Test
    void openBlasIsChosenSilently() {
        GemmSelection.Choice c = GemmSelection.choose(EnumSet.allOf(GemmBackend.class), Map.of(), false, null, NAME);
        assertThat(c.backend()).isEqualTo(GemmBackend.OPENBLAS);
        assertThat(c.level()).isEqualTo(Level.DEBUG);
        assertThat(c.report()).isEqualTo("matrix multiply: openblas");
    }

    @Test
    void vectorWithoutTheDependencyIsInfoAndNamesTheArtifact() {
        Throwable t = new NoClassDefFoundError("org/bytedeco/javacpp/Loader");
        String reason = GemmSelection.openBlasProblem(t, false, false, false, "linux-x86_64");
        assertThat(GemmSelection.absent(t, false, false)).isTrue();
        GemmSelection.Choice c = GemmSelection.choose(EnumSet.of(GemmBackend.VECTOR, GemmBackend.SCALAR),
                why(GemmBackend.OPENBLAS, reason), true, "", NAME);
        assertThat(c.backend()).isEqualTo(GemmBackend.VECTOR);
        assertThat(c.level()).isEqualTo(Level.INFO);
        assertThat(c.report()).isEqualTo("matrix multiply: vector (about 0.8x OpenBLAS's speed), because OpenBLAS is "
                + "unavailable: its classes are not on the class path: add the dependency dev.descent:descent-openblas");
    }

    @Test
    void aPresentButBrokenOpenBlasIsAWarning() {
        Throwable t = new UnsatisfiedLinkError("no jniopenblas_nolapack in java.library.path");
        assertThat(GemmSelection.absent(t, false, false)).isFalse();
        String reason = GemmSelection.openBlasProblem(t, false, false, false, "macosx-arm64");
        assertThat(reason).startsWith("its natives for macosx-arm64 did not load (UnsatisfiedLinkError: no jniopenblas_nolapack")
                .contains("-Djavacpp.platform=NAME");
        GemmSelection.Choice c = GemmSelection.choose(EnumSet.of(GemmBackend.VECTOR, GemmBackend.SCALAR),
                why(GemmBackend.OPENBLAS, reason), false, null, NAME);
        assertThat(c.level()).isEqualTo(Level.WARNING);
    }

    @Test
    void deniedNativeAccessNamesTheFlagForEachPath() {
        Throwable t = new IllegalStateException(new IllegalCallerException("Illegal native access from: unnamed module"));
        assertThat(GemmSelection.openBlasProblem(t, false, false, false, "linux-x86_64"))
                .startsWith("native access is denied").endsWith("--enable-native-access=ALL-UNNAMED");
        assertThat(GemmSelection.openBlasProblem(t, true, true, true, "linux-x86_64"))
                .endsWith("--enable-native-access=dev.descent.core,org.bytedeco.javacpp");
    }

    @Test
    void onTheModulePathAnUnresolvedOpenBlasNamesTheModulesToAdd() {
        Throwable t = new NoClassDefFoundError("org/bytedeco/openblas/global/openblas_nolapack");
        assertThat(GemmSelection.absent(t, true, true)).isFalse();
        assertThat(GemmSelection.absent(t, true, false)).isTrue();
        assertThat(GemmSelection.openBlasProblem(t, true, true, false, "linux-arm64"))
                .isEqualTo("module org.bytedeco.openblas is on the module path but not resolved: add --add-modules "
                        + "org.bytedeco.openblas.linux.arm64,org.bytedeco.javacpp.linux.arm64 (or ALL-MODULE-PATH) to the java command");
        assertThat(GemmSelection.openBlasProblem(t, true, false, false, "linux-arm64"))
                .isEqualTo("its classes are not on the module path: add the dependency dev.descent:descent-openblas");
    }

    @Test
    void scalarIsAWarningNamingBothFixes() {
        Map<GemmBackend, String> why = why(GemmBackend.OPENBLAS, "its classes are not on the class path: add X");
        why.put(GemmBackend.VECTOR, GemmSelection.vectorModuleMissing());
        GemmSelection.Choice c = GemmSelection.choose(Set.of(GemmBackend.SCALAR), why, true, null, NAME);
        assertThat(c.backend()).isEqualTo(GemmBackend.SCALAR);
        assertThat(c.level()).isEqualTo(Level.WARNING);
        assertThat(c.report()).contains("add X").endsWith("run java with --add-modules jdk.incubator.vector");
    }

    @Test
    void aForcedBackendIsSilentAndAnUnavailableOneSaysWhy() {
        GemmSelection.Choice c = GemmSelection.choose(EnumSet.allOf(GemmBackend.class), Map.of(), false, " vector", NAME);
        assertThat(c.backend()).isEqualTo(GemmBackend.VECTOR);
        assertThat(c.level()).isEqualTo(Level.DEBUG);
        assertThat(c.report()).endsWith("forced by -Ddescent.gemm=vector");
        assertThatThrownBy(() -> GemmSelection.choose(Set.of(GemmBackend.SCALAR), why(GemmBackend.OPENBLAS, "natives missing"),
                false, "openblas", NAME)).isInstanceOf(IllegalStateException.class)
                .hasMessage("descent.gemm=openblas is not available here: natives missing");
        assertThatThrownBy(() -> GemmSelection.choose(Set.of(GemmBackend.SCALAR), Map.of(), false, "mkl", NAME))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use openblas, vector or scalar");
    }

    @Test
    void platformNamesFollowBytedecosClassifiers() {
        assertThat(GemmSelection.platform("Linux", "amd64")).isEqualTo("linux-x86_64");
        assertThat(GemmSelection.platform("Linux", "aarch64")).isEqualTo("linux-arm64");
        assertThat(GemmSelection.platform("Mac OS X", "aarch64")).isEqualTo("macosx-arm64");
        assertThat(GemmSelection.platform("Mac OS X", "x86_64")).isEqualTo("macosx-x86_64");
        assertThat(GemmSelection.platform("Windows 11", "amd64")).isEqualTo("windows-x86_64");
    }

    @Test
    void theReportOfThisJvmNamesTheBackendInUse() {
        assertThat(Gemm.selectionReport()).startsWith("matrix multiply: " + Gemm.backend().id());
    }
}
