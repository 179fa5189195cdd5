package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A step allocates nothing (measured with the JVM's per-thread allocation counter). */
class AllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"sgd:clip_norm=1", "nesterov:clip_value=1", "adagrad", "rmsprop:centered=true,momentum=0.9",
            "adam:amsgrad=true,weight_decay=0.01", "adamw", "nadam", "radam", "adamax", "adadelta", "lion"})
    void stepsDoNotAllocate(String spec) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        OptimizerConfig config = Optimizers.parse(spec);
        Optimizer opt = config.create(ParamGroups.of(256, new ParamGroup(0, 128, 1, 1), new ParamGroup(160, 256, 0.5, 0)));
        Trajectories.Problem p = Trajectories.Problem.random(256, 3);
        float[] x = p.x0().clone();
        float[] g = new float[256];
        p.grad(x, g);
        // until the JIT has compiled the kernels, the Vector API boxes its vectors; measure the steady
        // state: some round of 1000 steps (after warm-up, on a busy machine) must allocate nothing
        long allocated = -1;
        for (int round = 0; round < 30 && allocated != 0; round++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int t = 0; t < 1000; t++) {
                opt.step(x, g, 1e-4);
            }
            allocated = mx.getCurrentThreadAllocatedBytes() - before;
        }
        assertThat(allocated).as("bytes allocated by 1000 steps of " + spec).isZero();
    }
}
