package dev.descent.train;

import dev.descent.linalg.Gemm;
import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A model built to train on {@code T} threads, the way {@code descent train --threads T} does
 * it: with T ≥ 2 and a model without non-parameter state (no batch norm, no dropout), T
 * data-parallel replicas ({@link ParallelNetwork}) with single-threaded matrix multiplies;
 * otherwise one model whose matrix multiplies use T OpenBLAS threads
 * ({@link Gemm#setThreads}, a process-wide setting).
 *
 * <p>Close it to stop the replicas' threads.
 *
 * @param model the model whose parameters are trained (the first replica)
 * @param network what the {@link Trainer} drives
 * @param threads the thread count asked for
 */
public record ThreadedNetwork(Model model, Network network, int threads) implements AutoCloseable {

    /**
     * Builds {@code spec} for {@code threads} threads and sets {@link Gemm#setThreads} accordingly
     * (1 with replicas, else {@code threads}).
     *
     * @param spec the architecture
     * @param seed the initialization seed (every replica starts from the same parameters)
     * @param maxBatch the largest mini-batch, ≥ 1
     * @param threads ≥ 1
     * @return the model, the network the trainer drives, and the thread count
     * @throws IllegalArgumentException when {@code threads < 1} or {@code maxBatch < 1}
     */
    public static ThreadedNetwork build(ModelSpec spec, long seed, int maxBatch, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be ≥ 1, got " + maxBatch);
        }
        Model m = spec.build(seed, maxBatch);
        var st = m.exportState();
        if (threads > 1 && st.buffers().length == 0 && st.rng().length == 0) {
            List<Model> replicas = new ArrayList<>(List.of(m));
            for (int i = 1; i < threads; i++) {
                replicas.add(spec.build(seed, (maxBatch + threads - 1) / threads));
            }
            Gemm.setThreads(1);
            return new ThreadedNetwork(m, new ParallelNetwork(replicas), threads);
        }
        Gemm.setThreads(threads);
        return new ThreadedNetwork(m, new ModelNetwork(m), threads);
    }

    /**
     * How the threads are used.
     *
     * @return true for data-parallel replicas, false for matrix-multiply threads
     */
    public boolean dataParallel() {
        return network instanceof ParallelNetwork;
    }

    /**
     * The backend and the threading, as {@code train} prints them in its header.
     *
     * @return one line, for example the OpenBLAS build and "data parallel, 2 replicas"
     */
    public String describe() {
        return Gemm.describe() + (dataParallel() ? "; data parallel, " + threads + " replicas" : "");
    }

    /** Stops the replicas' threads (nothing to do for one model). */
    @Override
    public void close() {
        if (network instanceof ParallelNetwork p) {
            p.close();
        }
    }
}
