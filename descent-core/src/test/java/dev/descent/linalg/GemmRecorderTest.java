package dev.descent.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GemmRecorderTest {

    @Test
    void recordsEachCallsShapeAndThreadAndStopsOnClose() throws Exception {
        float[] a = new float[6 * 4];
        float[] b = new float[4 * 5];
        float[] c = new float[6 * 5];
        GemmRecorder r = GemmRecorder.start();
        try {
            Gemm.sgemm(false, false, 6, 5, 4, 1f, a, b, 0f, c);
            Thread t = new Thread(() -> Gemm.sgemm(true, true, 5, 6, 4, 2f, b, 0, 5, a, 0, 4, 1f, new float[30], 0, 6));
            t.start();
            t.join();
        } finally {
            r.close();
        }
        Gemm.sgemm(false, false, 6, 5, 4, 1f, a, b, 0f, c); // after close: not recorded
        List<List<GemmRecorder.Call>> calls = r.callsPerThread();
        assertThat(calls).hasSize(2);
        GemmRecorder.Call first = calls.get(0).get(0);
        assertThat(first).extracting(GemmRecorder.Call::m, GemmRecorder.Call::n, GemmRecorder.Call::k,
                GemmRecorder.Call::lda, GemmRecorder.Call::ldb, GemmRecorder.Call::ldc).containsExactly(6, 5, 4, 4, 5, 5);
        GemmRecorder.Call second = calls.get(1).get(0);
        assertThat(second.transA()).isTrue();
        assertThat(second.transB()).isTrue();
        assertThat(second.alpha()).isEqualTo(2f);
        assertThat(second.beta()).isEqualTo(1f);
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.flops()).isEqualTo(2.0 * 6 * 5 * 4 * 2);
        assertThat(r.seconds()).isPositive();
        assertThat(r.secondsOn(Thread.currentThread())).isPositive().isLessThanOrEqualTo(r.seconds());
    }

    @Test
    void replaysOnAsManyThreadsAsRecordedAndRefusesWhileOpen() throws Exception {
        float[] a = new float[64 * 64];
        GemmRecorder r = GemmRecorder.start();
        assertThatThrownBy(GemmRecorder::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("another");
        assertThatThrownBy(() -> r.replay(1)).isInstanceOf(IllegalStateException.class);
        Thread t = new Thread(() -> Gemm.sgemm(false, false, 64, 64, 64, 1f, a, a, 0f, new float[64 * 64]));
        t.start();
        Gemm.sgemm(false, true, 64, 64, 64, 1f, a, a, 0f, new float[64 * 64]);
        t.join();
        r.close();
        double[] s = r.replay(3);
        assertThat(s).hasSize(3);
        assertThat(java.util.Arrays.stream(s).min().orElseThrow()).isPositive();
        assertThat(r.count()).isEqualTo(2); // replaying records nothing
        assertThatThrownBy(() -> r.replay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
