package dev.descent.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * K persistent threads that run the parts of one phase together: the calling thread runs part 0
 * and K − 1 daemon workers run parts 1..K−1; {@link #run} returns when all parts are done. The
 * hand-off costs no allocation and no executor queue: a phase is a volatile generation counter
 * that the workers watch, and a countdown the caller watches; both sides spin briefly
 * ({@link Thread#onSpinWait()}) and then park, so that a crew between phases (during evaluation,
 * say) leaves the cores to others.
 *
 * <p>Everything a part writes before the phase ends is visible to the caller after {@link #run}
 * returns, and everything the caller wrote before {@link #run} is visible to the parts (the
 * volatile counter and the atomic countdown order them). Not reentrant: one caller at a time.
 */
final class Crew implements AutoCloseable {

    /** One phase's work, split by part index. */
    interface Part {
        /**
         * Runs part {@code index} of the phase.
         *
         * @param index the part, 0 (the caller) to K − 1
         */
        void run(int index);
    }

    /**
     * How long a waiting thread spins before it parks: 100 µs, longer than the serial gaps of a
     * training step (the loss check, the next batch), short against an evaluation.
     */
    private static final long SPIN_NANOS = 100_000;

    private final Thread[] workers;
    private Thread caller;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long generation;
    private volatile boolean stopped;
    private volatile boolean callerParked;
    private final AtomicIntegerArray parked;
    private Part part;
    private volatile Throwable failure;

    /**
     * Starts K − 1 worker threads.
     *
     * @param k the number of parts, ≥ 2
     * @param name the workers' thread name
     */
    Crew(int k, String name) {
        if (k < 2) {
            throw new IllegalArgumentException("a crew needs at least 2 parts, got " + k);
        }
        this.workers = new Thread[k - 1];
        this.parked = new AtomicIntegerArray(k - 1);
        for (int i = 0; i < workers.length; i++) {
            int index = i + 1;
            Thread t = new Thread(() -> work(index), name + "-" + index);
            t.setDaemon(true);
            workers[i] = t;
        }
        for (Thread t : workers) {
            t.start();
        }
    }

    /** {@return the number of parts K} */
    int size() {
        return workers.length + 1;
    }

    /**
     * Runs {@code p} on all K threads and waits for all of them.
     *
     * @param p the phase's work
     * @throws IllegalStateException when a part threw (its exception is the cause), or the crew is closed
     */
    void run(Part p) {
        if (stopped) {
            throw new IllegalStateException("the worker threads were stopped (closed)");
        }
        part = p;
        caller = Thread.currentThread();
        failure = null;
        pending.set(workers.length);
        generation++; // publishes part and pending
        for (int i = 0; i < workers.length; i++) {
            if (parked.get(i) != 0) {
                LockSupport.unpark(workers[i]);
            }
        }
        Throwable own = null;
        try {
            p.run(0);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        awaitWorkers();
        if (own != null) {
            sneak(own);
        }
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException("a worker thread failed: " + f, f);
        }
    }

    private static void sneak(Throwable e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw (Error) e;
    }

    private void awaitWorkers() {
        long start = System.nanoTime();
        while (pending.get() != 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                callerParked = true;
                if (pending.get() != 0) {
                    LockSupport.parkNanos(this, 200_000);
                }
                callerParked = false;
            }
        }
    }

    private void work(int index) {
        long seen = 0;
        while (true) {
            long start = System.nanoTime();
            long g;
            while ((g = generation) == seen) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked.set(index - 1, 1);
                    if (generation == seen && !stopped) {
                        LockSupport.park(this);
                    }
                    parked.set(index - 1, 0);
                }
                if (stopped) {
                    return;
                }
            }
            seen = g;
            if (stopped) {
                return;
            }
            try {
                part.run(index);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0 && callerParked) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** Stops the workers (idempotent). */
    @Override
    public void close() {
        stopped = true;
        generation++;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
    }
}
