package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.data.Dataset;
import dev.descent.data.Synthetic;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.optim.Adam;
import dev.descent.optim.Optimizer;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelNetworkTest {

    static final Dataset DATA = Synthetic.blobs(3, 40, 5, 1.0, 1);

    static ParallelNetwork parallel(String spec, int k) {
        ModelSpec ms = ModelSpec.parse(spec, 5, 3);
        return new ParallelNetwork(java.util.stream.IntStream.range(0, k).mapToObj(i -> ms.build(7, 16)).toList());
    }

    @Test
    void theCombinedGradientIsTheWholeBatchMean() {
        Model one = ModelSpec.parse("mlp:8", 5, 3).build(7, 32);
        float[] x = java.util.Arrays.copyOf(DATA.x(), 27 * 5);
        int[] y = java.util.Arrays.copyOf(DATA.y(), 27);
        double l1 = one.forwardBackward(x, y, 27);
        for (int k : new int[] {2, 3}) {
            try (ParallelNetwork p = parallel("mlp:8", k)) {
                double lk = p.lossAndGradient(x, y, 27);
                assertThat(lk).isCloseTo(l1, within(1e-6));
                for (int j = 0; j < one.paramCount(); j++) {
                    assertThat(p.grads()[j]).isCloseTo(one.grads()[j], within(1e-6f));
                }
            }
        }
    }

    @Test
    void trainingIsBitIdenticalRunToRunForTheSameThreadCount() {
        float[][] finals = new float[2][];
        for (int r = 0; r < 2; r++) {
            try (ParallelNetwork p = parallel("mlp:8", 2)) {
                new Trainer(TrainConfig.forEpochs(10, 16, 5), p, new Adam(0.01).create(p.params().length), t -> 0.01)
                        .fit(DATA, DATA, TrainListener.none());
                finals[r] = p.params().clone();
                assertThat(p.evaluate(DATA).accuracy()).isGreaterThan(0.8);
            }
        }
        assertThat(finals[0]).isEqualTo(finals[1]);
    }

    @Test
    void refusesStatefulModelsAndSingleReplicas() {
        assertThatThrownBy(() -> parallel("mlp:8:bn", 2)).hasMessageContaining("batch norm or dropout");
        assertThatThrownBy(() -> new ParallelNetwork(List.of(ModelSpec.parse("softmax", 5, 3).build(0, 4))))
                .hasMessageContaining("at least 2 replicas");
    }

    /** The plain path: the default {@link Network#step} (reduce via grads(), then the whole step on one thread). */
    static final class Serial implements Network {
        final ParallelNetwork p;

        Serial(ParallelNetwork p) {
            this.p = p;
        }

        @Override public float[] params() { return p.params(); }
        @Override public float[] grads() { return p.grads(); }
        @Override public double lossAndGradient(float[] x, int[] y, int rows) { return p.lossAndGradient(x, y, rows); }
        @Override public dev.descent.nn.Evaluation evaluate(Dataset data) { return p.evaluate(data); }
    }

    /** An optimizer that cannot step by range (the fallback path of {@link ParallelNetwork#step}). */
    record Whole(Optimizer o) implements Optimizer {
        @Override public OptimizerConfig config() { return o.config(); }
        @Override public void step(float[] params, float[] grads, double lr) { o.step(params, grads, lr); }
        @Override public long steps() { return o.steps(); }
        @Override public byte[] exportState() { return o.exportState(); }
        @Override public void importState(byte[] state) { o.importState(state); }
        @Override public int bytesPerParam() { return o.bytesPerParam(); }
    }

    @Test
    void theSplitStepIsTheSerialStepBitForBit() {
        Dataset data = Synthetic.blobs(3, 300, 5, 1.0, 4);
        for (String spec : List.of("adam", "adamw:clip_norm=0.05", "nadam:maximize=false,weight_decay=0.01", "lion", "sgd:momentum=0.9")) {
            for (double trainerClip : new double[] {0, 0.05}) {
                for (int k : new int[] {2, 3}) {
                    OptimizerConfig oc = Optimizers.parse(spec);
                    float[][] finals = new float[3][];
                    for (int way = 0; way < 3; way++) {
                        try (ParallelNetwork p = parallel("mlp:40,24", k)) {
                            Network net = way == 1 ? new Serial(p) : p;
                            Optimizer o = oc.create(p.params().length);
                            new Trainer(TrainConfig.forEpochs(2, 37, 5).withClipNorm(trainerClip), net, way == 2 ? new Whole(o) : o,
                                    t -> oc.lr()).fit(data, null, TrainListener.none());
                            finals[way] = p.params().clone();
                        }
                    }
                    assertThat(finals[0]).as("%s, clip %s, %d threads: split vs serial", spec, trainerClip, k).containsExactly(finals[1]);
                    assertThat(finals[2]).as("%s, clip %s, %d threads: fallback", spec, trainerClip, k).containsExactly(finals[1]);
                }
            }
        }
    }

    @Test
    void theReplicasFollowTheMasterAndAPassAfterParamsSeesItsWrites() {
        float[] x = java.util.Arrays.copyOf(DATA.x(), 20 * 5);
        int[] y = java.util.Arrays.copyOf(DATA.y(), 20);
        try (ParallelNetwork p = parallel("mlp:8", 2); ParallelNetwork q = parallel("mlp:8", 2)) {
            Optimizer o = new Adam(0.1).create(p.params().length);
            p.lossAndGradient(x, y, 20);
            p.step(o, 0.1, 0);
            float[] w = p.params();
            java.util.Arrays.fill(w, 0.01f); // a restore, say: the next pass must use these
            System.arraycopy(w, 0, q.params(), 0, w.length);
            assertThat(p.lossAndGradient(x, y, 20)).isEqualTo(q.lossAndGradient(x, y, 20));
            assertThat(p.grads()).containsExactly(q.grads());
        }
    }

    @Test
    void resumingATwoThreadRunIsBitIdentical() {
        Dataset data = Synthetic.blobs(3, 200, 5, 1.0, 9);
        OptimizerConfig oc = Optimizers.parse("adam:lr=0.02,clip_norm=1");
        TrainConfig cfg = TrainConfig.forEpochs(4, 32, 3).withCheckpointEvery(7);
        List<Checkpoint> seen = new ArrayList<>();
        float[] full;
        try (ParallelNetwork p = parallel("mlp:16", 2)) {
            new Trainer(cfg, p, oc.create(p.params().length), t -> oc.lr()).fit(data, data, new TrainListener() {
                @Override
                public void onCheckpoint(Checkpoint c) {
                    seen.add(c);
                }
            });
            full = p.params().clone();
        }
        Checkpoint mid = seen.get(seen.size() / 2);
        assertThat(mid.step()).isGreaterThan(0);
        try (ParallelNetwork p = parallel("mlp:16", 2)) {
            TrainResult r = new Trainer(cfg, p, oc.create(p.params().length), t -> oc.lr()).resume(mid, data, data, TrainListener.none());
            assertThat(p.params()).containsExactly(full);
            assertThat(r.steps()).isEqualTo(seen.getLast().step());
        }
    }

    /** Bytes allocated so far by these threads (no allocation of its own). */
    static long allocated(com.sun.management.ThreadMXBean mx, long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += mx.getThreadAllocatedBytes(id);
        }
        return sum;
    }

    @Test
    void theStepAllocatesNothingAndThePassNothingBeyondTheReplicas() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        float[] x = java.util.Arrays.copyOf(DATA.x(), 32 * 5);
        int[] y = java.util.Arrays.copyOf(DATA.y(), 32);
        Model alone = ModelSpec.parse("mlp:300,20", 5, 3).build(7, 32);
        long[] self = {Thread.currentThread().threadId()};
        try (ParallelNetwork p = parallel("mlp:300,20", 2)) {
            Optimizer o = Optimizers.parse("adam:lr=1e-4").create(p.params().length);
            long[] ids = java.util.stream.LongStream.concat(java.util.stream.LongStream.of(self[0]),
                    Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("descent-train-replica"))
                            .mapToLong(Thread::threadId)).toArray();
            // steady state after the JIT (the Vector API boxes until compiled): some round must pass
            long stepBytes = -1;
            long passBytes = 0;
            long modelBytes = 0;
            long deadline = System.nanoTime() + 60_000_000_000L;
            for (int round = 0; (stepBytes != 0 || passBytes > 2 * modelBytes) && (round < 20 || System.nanoTime() < deadline); round++) {
                long b = allocated(mx, self);
                for (int t = 0; t < 200; t++) {
                    alone.forwardBackward(x, y, 32); // what the model allocates by itself (nn/linalg, not this class)
                }
                modelBytes = allocated(mx, self) - b;
                passBytes = 0;
                stepBytes = 0;
                for (int t = 0; t < 200; t++) {
                    b = allocated(mx, ids);
                    p.lossAndGradient(x, y, 32);
                    long mid = allocated(mx, ids);
                    p.step(o, 1e-4, 0);
                    passBytes += mid - b;
                    stepBytes += allocated(mx, ids) - mid;
                }
            }
            assertThat(stepBytes).as("bytes allocated by 200 split steps, on all threads").isZero();
            assertThat(passBytes).as("bytes allocated by 200 passes on 2 replicas, against one model's %d", modelBytes)
                    .isLessThanOrEqualTo(2 * modelBytes);
        }
    }
}
