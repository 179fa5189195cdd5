package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.nn.Evaluation;
import dev.descent.nn.Model;
import dev.descent.nn.ModelState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Data-parallel training on K threads, each with its own replica of one model: a mini-batch of
 * B rows is cut into K contiguous slices of ⌈B/K⌉ rows (the last may be smaller), replica k
 * computes the mean loss L_k and gradient g_k of slice k (B_k rows) with single-threaded
 * matrix multiplies, and the results are combined in the fixed order k = 0..K−1:
 * L = Σ B_k·L_k / B and g = Σ B_k·g_k / B, the mean over the whole batch, as one model would
 * compute it up to rounding. Replica 0 is the master: its {@link #params()} are the ones the
 * optimizer updates, copied into the other replicas before each pass.
 *
 * <p>Determinism: the same thread count gives the same bits run to run (the slices and the
 * order of the sums are fixed); a different thread count rounds differently. Models with
 * batch normalization or dropout are refused (their batch statistics and random streams would
 * differ per slice): train those on one thread with multi-threaded matrix multiplies instead.
 *
 * <p>Use {@link #close()} to stop the worker threads (they are daemons, so a forgotten close
 * does not keep the JVM alive).
 */
public final class ParallelNetwork implements Network, AutoCloseable {

    private final Model[] replicas;
    private final ModelNetwork master;
    private final float[][] xs;
    private final int[][] ys;
    private final double[] losses;
    private final int[] rows;
    private final ExecutorService pool;
    private final List<Slice> tasks = new ArrayList<>();

    /**
     * @param replicas K ≥ 2 models of the same architecture; the first is the master, whose
     *     parameters are trained
     * @throws IllegalArgumentException for fewer than 2 replicas, different architectures, or a
     *     model with non-parameter state (batch norm, dropout)
     */
    public ParallelNetwork(List<Model> replicas) {
        if (replicas.size() < 2) {
            throw new IllegalArgumentException("data parallelism needs at least 2 replicas, got " + replicas.size());
        }
        this.replicas = replicas.toArray(new Model[0]);
        Model m0 = this.replicas[0];
        for (Model m : this.replicas) {
            if (m.paramCount() != m0.paramCount() || m.inputSize() != m0.inputSize() || m.outputSize() != m0.outputSize()) {
                throw new IllegalArgumentException("replicas differ: " + m + " vs " + m0);
            }
            ModelState s = m.exportState();
            if (s.buffers().length != 0 || s.rng().length != 0) {
                throw new IllegalArgumentException("data-parallel training does not support batch norm or dropout (" + m
                        + "); use one thread");
            }
        }
        this.master = new ModelNetwork(m0);
        int k = this.replicas.length;
        this.xs = new float[k][];
        this.ys = new int[k][];
        this.losses = new double[k];
        this.rows = new int[k];
        this.pool = Executors.newFixedThreadPool(k - 1, r -> {
            Thread t = new Thread(r, "descent-train-replica");
            t.setDaemon(true);
            return t;
        });
        for (int i = 1; i < k; i++) {
            tasks.add(new Slice(i));
        }
    }

    /** The number of replicas (threads). */
    public int threads() {
        return replicas.length;
    }

    @Override
    public float[] params() {
        return replicas[0].params();
    }

    @Override
    public float[] grads() {
        return replicas[0].grads();
    }

    @Override
    public double lossAndGradient(float[] x, int[] y, int batch) {
        int k = replicas.length;
        int d = replicas[0].inputSize();
        int per = (batch + k - 1) / k;
        float[] w = replicas[0].params();
        for (int i = 0; i < k; i++) {
            int start = Math.min(batch, i * per);
            rows[i] = Math.min(per, batch - start);
            if (i > 0 && rows[i] > 0) {
                if (xs[i] == null || xs[i].length < per * d) {
                    xs[i] = new float[per * d];
                    ys[i] = new int[per];
                }
                System.arraycopy(x, start * d, xs[i], 0, rows[i] * d);
                System.arraycopy(y, start, ys[i], 0, rows[i]);
                System.arraycopy(w, 0, replicas[i].params(), 0, w.length);
            }
        }
        List<Future<?>> running = new ArrayList<>(k - 1);
        for (int i = 1; i < k; i++) {
            if (rows[i] > 0) {
                running.add(pool.submit(tasks.get(i - 1)));
            }
        }
        replicas[0].setTraining(true);
        losses[0] = replicas[0].forwardBackward(x, y, rows[0]);
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a replica", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a replica failed: " + e.getCause(), e.getCause());
            }
        }
        // combine in a fixed order: g = Σ B_k g_k / B, L = Σ B_k L_k / B
        float[] g = replicas[0].grads();
        float s0 = (float) rows[0] / batch;
        for (int j = 0; j < g.length; j++) {
            g[j] *= s0;
        }
        double loss = rows[0] * losses[0];
        for (int i = 1; i < k; i++) {
            if (rows[i] == 0) {
                continue;
            }
            float si = (float) rows[i] / batch;
            float[] gi = replicas[i].grads();
            for (int j = 0; j < g.length; j++) {
                g[j] += si * gi[j];
            }
            loss += rows[i] * losses[i];
        }
        return loss / batch;
    }

    @Override
    public Evaluation evaluate(Dataset data) {
        return master.evaluate(data);
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Replica i's forward and backward pass on its slice. */
    private final class Slice implements Runnable {
        private final int i;

        Slice(int i) {
            this.i = i;
        }

        @Override
        public void run() {
            replicas[i].setTraining(true);
            losses[i] = replicas[i].forwardBackward(xs[i], ys[i], rows[i]);
        }
    }
}
