package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.data.Batches;
import dev.descent.data.Dataset;
import dev.descent.data.Synthetic;
import dev.descent.linalg.Gemm;
import dev.descent.linalg.GemmBackend;
import dev.descent.linalg.GemmRecorder;
import java.lang.management.ManagementFactory;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * A training step's data path allocates nothing: gathering the mini-batch rows into the
 * trainer's reused buffers, and the model's forward/backward passes (workspaces sized once).
 * Counted with the JVM's per-thread allocation counter after JIT warm-up, never timed; in the
 * nn package, so that it also runs on the Vector API kernel (the {@code java-gemm} test run).
 */
class StepAllocationTest {

    private static final int STEPS = 500;

    private final Dataset data = Synthetic.spiral(3, 400, 0.2, 1);
    private final Batches batches = new Batches(data, 50, 2);
    private final float[] xb = new float[50 * data.d()];
    private final int[] yb = new int[50];

    /** Bytes {@code STEPS} calls of {@code step} allocate once the JIT has compiled them (the interpreter may box). */
    private static long allocatedBy(IntSupplier step) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (int round = 0; round < 40; round++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int s = 0; s < STEPS; s++) {
                step.getAsInt();
            }
            allocated = mx.getCurrentThreadAllocatedBytes() - before;
            if (allocated == 0) {
                break;
            }
        }
        return allocated;
    }

    @Test
    void gatheringTheBatchRowsAllocatesNothingPerStep() {
        long bytes = allocatedBy(() -> batches.next(xb, yb));
        // each new epoch draws its permutation with one fresh 24-byte generator; the steps, nothing
        long newEpochs = STEPS / batches.batchesPerEpoch() + 1;
        assertThat(bytes).as("bytes allocated by " + STEPS + " batches").isLessThanOrEqualTo(24 * newEpochs);
    }

    @Test
    void forwardBackwardAllocatesNothingOutsideTheMatrixMultiplyCall() {
        Model m = ModelSpec.parse("mlp:32,16", data.d(), data.classes()).build(1, 50);
        batches.next(xb, yb);
        long bytes = allocatedBy(() -> {
            m.forwardBackward(xb, yb, 50);
            return 0;
        });
        long products;
        try (GemmRecorder r = GemmRecorder.start()) {
            m.forwardBackward(xb, yb, 50);
            products = r.count();
        }
        // OpenBLAS is called through the FFM API, which wraps each Java array in a small heap
        // segment per call; everything else, and the Java kernels entirely, allocate nothing
        // (≈ 200–350 bytes, measured with JDK 25)
        long perProduct = Gemm.backend() == GemmBackend.OPENBLAS ? 512 : 0;
        assertThat(bytes).as("bytes allocated by " + STEPS + " steps of " + products + " products on " + Gemm.backend())
                .isLessThanOrEqualTo(STEPS * products * perProduct);
    }
}
