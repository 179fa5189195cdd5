package dev.descent.linalg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;

/**
 * Records every {@link Gemm#sgemm} call made on the backend in use while it is open: the shape
 * of each product, the thread that made it and the time spent inside it. A benchmark uses it
 * to learn the exact sequence of matrix multiplies a piece of work performs, and then
 * {@linkplain #replay replays} that sequence alone, on the same backend and threads, to find
 * how long the work would take if it did nothing but its matrix multiplies.
 *
 * <p>At most one recorder is open at a time ({@link #start()}); {@link #close()} stops it.
 * While none is open, {@code Gemm} pays one volatile read per call. Recording allocates one
 * small record per call: it is meant for benchmarks, not for production runs.
 */
public final class GemmRecorder implements AutoCloseable {

    /**
     * One recorded product, C ← α·op(A)·op(B) + β·C, with the same meaning as the arguments of
     * {@link Gemm#sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int,
     * int, float, float[], int, int)}.
     *
     * @param transA whether A is transposed
     * @param transB whether B is transposed
     * @param m rows of op(A) and C
     * @param n columns of op(B) and C
     * @param k columns of op(A), rows of op(B)
     * @param lda leading dimension of A
     * @param ldb leading dimension of B
     * @param ldc leading dimension of C
     * @param alpha the factor α
     * @param beta the factor β
     * @param nanos the time spent inside the backend for this call
     */
    public record Call(boolean transA, boolean transB, int m, int n, int k, int lda, int ldb, int ldc,
                       float alpha, float beta, long nanos) {

        /**
         * The work of this product.
         *
         * @return its floating-point operations, 2·m·n·k
         */
        public double flops() {
            return 2.0 * m * n * k;
        }

        /** The elements op(A) spans in its array: rows × lda. */
        long aExtent() {
            return (long) (transA ? k : m) * lda;
        }

        long bExtent() {
            return (long) (transB ? n : k) * ldb;
        }

        long cExtent() {
            return (long) m * ldc;
        }
    }

    private final Map<Thread, List<Call>> calls = new LinkedHashMap<>();
    private volatile boolean open = true;

    private GemmRecorder() {}

    /**
     * Opens a recorder: from now on every {@code Gemm.sgemm} call on the backend in use, from any
     * thread, is recorded until {@link #close()}.
     *
     * @return the open recorder
     * @throws IllegalStateException when another recorder is open
     */
    public static GemmRecorder start() {
        GemmRecorder r = new GemmRecorder();
        Gemm.attach(r);
        return r;
    }

    synchronized void add(Call c) {
        if (open) {
            calls.computeIfAbsent(Thread.currentThread(), t -> new ArrayList<>()).add(c);
        }
    }

    /** Stops recording; what was recorded stays readable. */
    @Override
    public void close() {
        open = false;
        Gemm.detach(this);
    }

    /**
     * What was recorded, per thread.
     *
     * @return the recorded calls of each thread that made any, in the order each thread made them
     */
    public synchronized List<List<Call>> callsPerThread() {
        List<List<Call>> out = new ArrayList<>();
        for (List<Call> l : calls.values()) {
            out.add(List.copyOf(l));
        }
        return out;
    }

    /**
     * How many products were recorded.
     *
     * @return the number of recorded calls over all threads
     */
    public synchronized long count() {
        return calls.values().stream().mapToLong(List::size).sum();
    }

    /**
     * The work recorded.
     *
     * @return the floating-point operations of all recorded calls, Σ 2·m·n·k
     */
    public synchronized double flops() {
        double f = 0;
        for (List<Call> l : calls.values()) {
            for (Call c : l) {
                f += c.flops();
            }
        }
        return f;
    }

    /**
     * The time recorded.
     *
     * @return the seconds spent inside the backend, summed over all calls and threads
     */
    public synchronized double seconds() {
        long t = 0;
        for (List<Call> l : calls.values()) {
            for (Call c : l) {
                t += c.nanos();
            }
        }
        return t * 1e-9;
    }

    /**
     * The time one thread's calls took.
     *
     * @param thread a thread that may have made calls
     * @return the seconds spent inside the backend by its calls (0 if it made none)
     */
    public synchronized double secondsOn(Thread thread) {
        long t = 0;
        for (Call c : calls.getOrDefault(thread, List.of())) {
            t += c.nanos();
        }
        return t * 1e-9;
    }

    /**
     * Replays the recorded sequence {@code repeats} times with the backend in use and returns the
     * wall-clock seconds of each replay. The calls of each recorded thread run in their order on
     * a thread of their own, all threads started together (so a sequence recorded on two
     * threads replays on two threads), over arrays of the recorded sizes filled with seeded
     * values in [−1, 1). A replay is timed from the common start to the end of the slowest
     * thread.
     *
     * @param repeats the number of timed replays, ≥ 1 (one untimed replay warms up first)
     * @return the wall-clock seconds of each replay
     * @throws IllegalArgumentException when {@code repeats < 1}
     * @throws IllegalStateException while the recorder is still open (the replay would record itself)
     */
    public double[] replay(int repeats) {
        return replays(repeats).wallSeconds();
    }

    /**
     * The time of each replay, on the wall clock and in CPU time.
     *
     * @param wallSeconds each replay's wall-clock seconds, from the common start to the end of
     *     the slowest thread
     * @param cpuSeconds each replay's CPU seconds, summed over its threads: unlike the wall clock,
     *     this leaves out the time other processes held the cores (a shared machine); NaN when
     *     the JVM cannot measure thread CPU time (no {@code java.management} module)
     */
    public record Replays(double[] wallSeconds, double[] cpuSeconds) {}

    /**
     * Replays the recorded sequence as {@link #replay} does, timing each replay both on the wall
     * clock and in CPU time.
     *
     * @param repeats the number of timed replays, ≥ 1 (one untimed replay warms up first)
     * @return the times of the timed replays
     * @throws IllegalArgumentException when {@code repeats < 1}
     * @throws IllegalStateException while the recorder is still open
     */
    public Replays replays(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        if (open) {
            throw new IllegalStateException("close the recorder before replaying");
        }
        List<List<Call>> seqs = callsPerThread();
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        if (seqs.isEmpty()) {
            return new Replays(wall, cpu);
        }
        Replayer[] rs = new Replayer[seqs.size()];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = new Replayer(seqs.get(i), 0x9E3779B97F4A7C15L * (i + 1));
        }
        for (int rep = -1; rep < repeats; rep++) {
            double s = runTogether(rs);
            if (rep >= 0) {
                wall[rep] = s;
                for (Replayer r : rs) {
                    cpu[rep] += r.cpuNanos < 0 ? Double.NaN : r.cpuNanos * 1e-9;
                }
            }
        }
        return new Replays(wall, cpu);
    }

    /**
     * {@return the CPU time the calling thread has used, in nanoseconds; −1 when the JVM cannot
     * measure it (no {@code java.management} module, or thread CPU time unsupported)}
     */
    public static long threadCpuNanos() {
        try {
            return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        } catch (LinkageError | UnsupportedOperationException e) {
            return -1;
        }
    }

    /** Runs every replayer once, together; wall seconds from the common start to the last end. */
    private static double runTogether(Replayer[] rs) {
        if (rs.length == 1) {
            long t0 = System.nanoTime();
            rs[0].run();
            return (System.nanoTime() - t0) * 1e-9;
        }
        long[] start = new long[1];
        CyclicBarrier go = new CyclicBarrier(rs.length, () -> start[0] = System.nanoTime());
        Thread[] ts = new Thread[rs.length];
        for (int i = 0; i < rs.length; i++) {
            Replayer r = rs[i];
            ts[i] = new Thread(() -> {
                try {
                    go.await();
                } catch (Exception e) {
                    throw new IllegalStateException("replay start failed", e);
                }
                r.run();
            }, "descent-gemm-replay-" + i);
            ts[i].start();
        }
        for (Thread t : ts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during a GEMM replay", e);
            }
        }
        return (System.nanoTime() - start[0]) * 1e-9;
    }

    /** One thread's sequence with arrays large enough for its largest operands. */
    private static final class Replayer implements Runnable {
        private final Call[] seq;
        private final float[] a;
        private final float[] b;
        private final float[] c;
        /** The CPU time of the last {@link #run}, or −1 when it cannot be measured. */
        long cpuNanos;

        Replayer(List<Call> seq, long seed) {
            this.seq = seq.toArray(new Call[0]);
            long na = 1;
            long nb = 1;
            long nc = 1;
            for (Call x : seq) {
                na = Math.max(na, x.aExtent());
                nb = Math.max(nb, x.bExtent());
                nc = Math.max(nc, x.cExtent());
            }
            SplittableRandom rng = new SplittableRandom(seed);
            this.a = fill(new float[Math.toIntExact(na)], rng);
            this.b = fill(new float[Math.toIntExact(nb)], rng);
            this.c = fill(new float[Math.toIntExact(nc)], rng);
        }

        private static float[] fill(float[] x, SplittableRandom rng) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (2 * rng.nextDouble() - 1);
            }
            return x;
        }

        @Override
        public void run() {
            // C is not reset between calls (that would be work outside the products): values in
            // [-1, 1) accumulate as a random walk and stay far from overflow over an epoch's calls
            long t0 = threadCpuNanos();
            for (Call x : seq) {
                Gemm.sgemm(x.transA(), x.transB(), x.m(), x.n(), x.k(), x.alpha(), a, 0, x.lda(), b, 0, x.ldb(),
                        x.beta(), c, 0, x.ldc());
            }
            cpuNanos = t0 < 0 ? -1 : threadCpuNanos() - t0;
        }
    }
}
