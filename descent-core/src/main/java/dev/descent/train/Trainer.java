package dev.descent.train;

import dev.descent.data.Batches;
import dev.descent.data.Dataset;
import dev.descent.nn.Evaluation;
import dev.descent.optim.Optimizer;
import dev.descent.schedule.ReduceOnPlateau;
import dev.descent.schedule.Schedule;
import dev.descent.stochastic.SampledMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Mini-batch training of a {@link Network} with a first-order {@link Optimizer}, or with a
 * stochastic quasi-Newton {@link SampledMethod}: one run. The loop ({@link #run}, one step per
 * {@link #trainStep} call) reads top to bottom: lr from the schedule → batch → forward/backward →
 * clip → step → metrics → periodic evaluation and checkpoint. A sampled method does steps 2–5 itself (it picks its rows,
 * evaluates them where it needs, and updates θ); the rollback, checkpoints and metrics are the
 * same, its whole state ({@link SampledMethod#exportState()}) taking the optimizer's place, and
 * an epoch is one pass of its row stream (fresh rows; overlap rows and line-search trials are
 * counted in {@link History.Record#passes()} instead).
 *
 * <p><b>Learning rate.</b> η_t = s · schedule(t), with t the step (or the epoch, see
 * {@link TrainConfig#schedulePerEpoch()}); with a {@link ReduceOnPlateau} instead, η = s ·
 * plateau.lr(), and the plateau reads the validation loss at each evaluation. s starts at 1 and is
 * multiplied by {@link TrainConfig#lrCut()} at each rollback.
 *
 * <p><b>Divergence.</b> A mini-batch loss that is NaN/±∞, or greater than
 * {@link TrainConfig#spikeFactor()} (default 10) times max(m, L₀), where m is the running average
 * of the loss (an exponential moving average, m ← 0.9·m + 0.1·loss, from the first good step) and
 * L₀ the first loss, is not applied. (The floor L₀ keeps one hard mini-batch late in training,
 * when m is tiny, from counting as a spike; at a far too high rate the loss passes 10·L₀ within
 * a few steps.) Such a step is not applied: the run goes back to the last good state (the latest checkpoint, kept
 * in memory even without a directory: parameters, optimizer and network state, plateau state,
 * data cursor, running averages, history), cuts s, records a {@link History.Event} and goes on.
 * After {@link TrainConfig#maxFailures()} rollbacks without reaching a new checkpoint it stops
 * with {@link TrainStatus#DIVERGED}, leaving the network at the last good state. Nothing here
 * throws because of a bad loss.
 *
 * <p><b>Checkpoints.</b> At step 0, at every epoch end (or instead every
 * {@link TrainConfig#checkpointEvery()} steps when that is set) and at the end, after the
 * evaluation; written to disk ({@link Checkpoint#write}) when a directory
 * is set ({@link #checkpointTo}). {@link #resume} continues from one: with the same data, seed,
 * network and optimizer configuration, and thread count, the result is bit-identical to a run
 * that was never interrupted.
 *
 * <p>(Over 400 lines: the loop, its divergence handling and the run state its checkpoints save
 * belong together.)
 */
public final class Trainer {

    /**
     * Good steps before the spike test is armed: 1, so the first loss already is the reference
     * (a loss 10× the initial one is a blow-up, and it happens in the first steps at a far too
     * high rate).
     */
    public static final int SPIKE_WARMUP = 1;

    private static final double EMA_BETA = 0.9;

    private final TrainConfig config;
    private final Network net;
    private final Optimizer optimizer;
    private final SampledMethod method;
    private DoubleSupplier objective;
    private final Schedule schedule;
    private final ReduceOnPlateau plateau;
    private Path dir;
    private Map<String, String> meta = Map.of();

    // run state (all of it goes into checkpoints)
    private Batches batches;
    private int rows;
    private long step;
    private double lrScale = 1;
    private int failures;
    private double ema;
    private double firstLoss;
    private long emaCount;
    private double lossSum;
    private long lossCount;
    private long samples;
    private long trainNanos;
    private long epochNanos;
    private long elapsedBase;
    private long runStart;
    private History history = new History();
    private Checkpoint good;
    // the batch buffers of the run (features, and labels or targets), allocated once per run
    private float[] xb;
    private int[] yb;
    private float[] tb;

    /**
     * A run with a pure schedule.
     *
     * @param config the run's settings
     * @param net the network, trained in place from its current parameters
     * @param optimizer fresh optimizer state for {@code net.params().length} parameters
     * @param schedule the learning rate at step (or epoch) t, for example
     *     {@code t -> optimizer.config().lr()}
     */
    public Trainer(TrainConfig config, Network net, Optimizer optimizer, Schedule schedule) {
        this(config, net, optimizer, schedule, null);
    }

    /**
     * A run whose learning rate follows {@code plateau}, stepped with the validation loss.
     *
     * @param config the run's settings
     * @param net the network, trained in place from its current parameters
     * @param optimizer fresh optimizer state for {@code net.params().length} parameters
     * @param plateau the reduce-on-plateau rule, fed the validation loss at each evaluation
     */
    public Trainer(TrainConfig config, Network net, Optimizer optimizer, ReduceOnPlateau plateau) {
        this(config, net, optimizer, null, plateau);
    }

    /**
     * A run of a stochastic quasi-Newton method on {@code net}'s parameters: {@code method} must
     * have been created over an objective whose θ is {@code net.params()} (a
     * {@link dev.descent.stochastic.ModelSample} of the same model); it is given the learning
     * rate s·schedule(t) at each step. The {@link TrainConfig#batchSize()} is not used (the
     * method was created with its batch), nor is clipping.
     *
     * @param config the run's settings (epochs count passes of the method's row stream)
     * @param net the network whose parameters the method updates
     * @param method fresh state of the method
     * @param schedule the learning rate at step (or epoch) t
     */
    public Trainer(TrainConfig config, Network net, SampledMethod method, Schedule schedule) {
        this(config, net, null, method, schedule, null);
    }

    private Trainer(TrainConfig config, Network net, Optimizer optimizer, Schedule schedule, ReduceOnPlateau plateau) {
        this(config, net, optimizer, null, schedule, plateau);
    }

    private Trainer(TrainConfig config, Network net, Optimizer optimizer, SampledMethod method, Schedule schedule, ReduceOnPlateau plateau) {
        if (net.params().length != net.grads().length) {
            throw new IllegalArgumentException("params and grads lengths differ: " + net.params().length + " vs " + net.grads().length);
        }
        this.config = config;
        this.net = net;
        this.optimizer = optimizer;
        this.method = method;
        this.schedule = schedule;
        this.plateau = plateau;
    }

    /**
     * Computes {@code objective} (for example the full training objective with its L2 term) at
     * each evaluation, outside the timed region, into {@link History.Record#objective()};
     * returns this.
     *
     * @param objective computes the objective at the network's current parameters
     * @return this trainer
     */
    public Trainer trackObjective(DoubleSupplier objective) {
        this.objective = objective;
        return this;
    }

    /**
     * Writes each checkpoint to a directory.
     *
     * @param dir the checkpoint directory ({@link Checkpoint#FILE} and its backup are written there)
     * @param meta strings saved in each checkpoint (for example the model and optimizer specs),
     *     checked on {@link #resume}
     * @return this trainer
     */
    public Trainer checkpointTo(Path dir, Map<String, String> meta) {
        this.dir = dir;
        this.meta = Map.copyOf(meta);
        return this;
    }

    /**
     * Trains from the network's current parameters and a fresh optimizer.
     *
     * @param train the training rows, drawn in shuffled mini-batches
     * @param validation evaluated every {@link TrainConfig#evalEvery()} steps and at epoch ends;
     *     may be null
     * @param listener told of every step, evaluation, rollback and checkpoint
     * @return how the run ended, its history and the final evaluation
     */
    public TrainResult fit(Dataset train, Dataset validation, TrainListener listener) {
        batches = new Batches(train, Math.min(config.batchSize(), train.n()), config.seed());
        rows = train.n();
        runStart = System.nanoTime();
        record(validation, Double.NaN, listener);
        checkpoint(listener);
        return run(train, validation, listener);
    }

    /**
     * Continues the run saved in {@code c} (from {@link Checkpoint#read}) to the end. The
     * {@code meta} given to {@link #checkpointTo} must agree with the checkpoint's on every key
     * both hold ({@link Checkpoint#requireSameSettings}): a changed optimizer spec is refused.
     *
     * @param c the checkpoint to continue from
     * @param train the same training rows as the interrupted run
     * @param validation the same validation rows (or null)
     * @param listener told of every step, evaluation, rollback and checkpoint
     * @return how the run ended; the same bits as an uninterrupted run
     */
    public TrainResult resume(Checkpoint c, Dataset train, Dataset validation, TrainListener listener) {
        c.requireSameSettings(meta); // a checkpoint continues only with the settings it was written with
        batches = new Batches(train, Math.min(config.batchSize(), train.n()), config.seed());
        rows = train.n();
        restore(c);
        lrScale = c.progress().lrScale();
        failures = c.progress().failures();
        history = c.history();
        good = c;
        runStart = System.nanoTime();
        return run(train, validation, listener);
    }

    private TrainResult run(Dataset train, Dataset val, TrainListener listener) {
        xb = new float[batches.batchSize() * train.d()];
        yb = train.isRegression() ? null : new int[batches.batchSize()];
        tb = train.isRegression() ? new float[batches.batchSize() * train.targetWidth()] : null;
        long end = endStep();
        while (step < end && !epochsDone()) {
            TrainResult stopped = trainStep(val, listener, end);
            if (stopped != null) {
                return stopped;
            }
        }
        return result(TrainStatus.COMPLETED, "completed " + step + " steps (" + String.format("%.2f", epochs()) + " epochs)"
                + (history.events.isEmpty() ? "" : " after " + history.events.size() + " rollbacks"));
    }

    /**
     * One step of the loop, steps 1–7 (a method of its own so that the JIT compiles it: the loop
     * in {@link #run} is entered once per run and would otherwise stay interpreted).
     *
     * @return the result when the run must stop (diverged), else null
     */
    private TrainResult trainStep(Dataset val, TrainListener listener, long end) {
        double lr = lrScale * baseLr();                                // 1. lr from the schedule
        long t0 = System.nanoTime();
        long epoch = cursor().epoch();
        int rows;
        double loss;
        if (method != null) {                                          // 2–5. a sampled method's whole step
            loss = method.step(net.params(), lr);
            rows = method.lastBatch();
            if (step + 1 == end || epochsDone()) {
                method.settle(net.params());                           //    its last step tested before θ leaves the run
            }
        } else {
            rows = tb == null ? batches.next(xb, yb) : batches.next(xb, tb);                    // 2. batch
            loss = tb == null ? net.lossAndGradient(xb, yb, rows) : net.lossAndGradient(xb, tb, rows); // 3. forward/backward
        }
        if (!Double.isFinite(loss) || (emaCount >= SPIKE_WARMUP && loss > config.spikeFactor() * Math.max(ema, firstLoss))) {
            if (!rollback(loss, listener)) {                           //    divergence: go back, cut lr
                return result(TrainStatus.DIVERGED, "diverged: " + failures + " rollbacks in a row, the last at step "
                        + history.events.getLast().step() + " (loss " + loss + "); parameters are those of step " + step);
            }
            return null;
        }
        if (method == null) {
            net.step(optimizer, lr, config.clipNorm());                // 4–5. clip, step
        }
        step++;                                                        // 6. metrics
        samples += rows;
        lossSum += loss;
        lossCount++;
        if (emaCount++ == 0) {
            ema = loss;
            firstLoss = loss;
        } else {
            ema = EMA_BETA * ema + (1 - EMA_BETA) * loss;
        }
        long dt = System.nanoTime() - t0;
        trainNanos += dt;
        epochNanos += dt;
        listener.onStep(step, epochs(), loss, lr);
        boolean epochEnd = cursor().epoch() != epoch;
        if (epochEnd) {
            history.epochSeconds.add(epochNanos * 1e-9);
            epochNanos = 0;
        }
        boolean last = step == end || epochsDone();                    // 7. evaluation, checkpoint
        if (epochEnd || last || (config.evalEvery() > 0 && step % config.evalEvery() == 0)) {
            record(val, lr, listener);
        }
        if (last || (config.checkpointEvery() > 0 ? step % config.checkpointEvery() == 0 : epochEnd)) {
            checkpoint(listener);
        }
        return null;
    }

    private double baseLr() {
        return plateau != null ? plateau.lr() : schedule.at(config.schedulePerEpoch() ? cursor().epoch() : step);
    }

    private long endStep() {
        if (method != null) {
            return config.maxSteps() > 0 ? config.maxSteps() : Long.MAX_VALUE; // and the epochs, checked in the loop
        }
        return config.totalSteps(rows);
    }

    /** A sampled method's run ends when its row stream has covered the epochs (a first-order run by {@link #endStep()}). */
    private boolean epochsDone() {
        return method != null && config.epochs() > 0 && cursor().epoch() >= config.epochs();
    }

    /** The data position: the batches', or the sampled method's row stream. */
    private Batches.Cursor cursor() {
        return method != null ? method.cursor() : batches.cursor();
    }

    private double epochs() {
        Batches.Cursor c = cursor();
        return c.epoch() + (double) c.offset() / rows;
    }

    /** Clipping by global norm c ({@link dev.descent.optim.Clip#byNorm}, c = 0: off). */
    static void clip(float[] g, double c) {
        if (c != 0) {
            dev.descent.optim.Clip.byNorm(g, c);
        }
    }

    private void record(Dataset val, double lr, TrainListener listener) {
        Evaluation e = val == null ? new Evaluation(Double.NaN, Double.NaN) : net.evaluate(val);
        double trainLoss = lossCount == 0 ? Double.NaN : lossSum / lossCount;
        if (plateau != null && step > 0) {
            plateau.step(val == null ? trainLoss : e.loss());
        }
        double f = objective == null ? Double.NaN : objective.getAsDouble();
        History.Record r = new History.Record(step, epochs(), trainLoss, e.loss(), e.accuracy(),
                step == 0 ? lrScale * baseLr() : lr, elapsedNanos() * 1e-9, f, passes(),
                method == null ? batches.batchSize() : (step == 0 ? method.batch() : method.lastBatch()), trainNanos * 1e-9);
        lossSum = 0;
        lossCount = 0;
        history.records.add(r);
        listener.onRecord(r);
    }

    /** Gradient-equivalent passes so far: the method's count, or rows trained on / N. */
    private double passes() {
        return method != null ? method.passes() : (double) samples / rows;
    }

    private long elapsedNanos() {
        return elapsedBase + (System.nanoTime() - runStart);
    }

    private void checkpoint(TrainListener listener) {
        failures = 0;
        good = new Checkpoint(meta, step, batches.cursor(), net.params(), method != null ? method.exportState() : optimizer.exportState(),
                net.exportState(),
                plateau == null ? new byte[0] : plateau.exportState(),
                new Checkpoint.Progress(lrScale, failures, ema, firstLoss, emaCount, lossSum, lossCount, samples, trainNanos, epochNanos,
                        elapsedNanos()),
                history);
        if (dir != null) {
            try {
                good.write(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the checkpoint to " + dir + ": " + e.getMessage(), e);
            }
        }
        listener.onCheckpoint(good);
    }

    /** Goes back to the last good state and cuts the lr; false when the run must stop. */
    private boolean rollback(double loss, TrainListener listener) {
        failures++;
        History.Cause cause = Double.isFinite(loss) ? History.Cause.SPIKE : History.Cause.NON_FINITE;
        long badStep = step + 1;
        List<History.Event> events = new ArrayList<>(history.events);
        int keepFailures = failures;
        long elapsed = elapsedNanos();
        restore(good);
        failures = keepFailures;
        elapsedBase = elapsed;
        lrScale *= config.lrCut();
        History h = new History();
        h.records.addAll(good.history().records);
        h.epochSeconds.addAll(good.history().epochSeconds);
        h.events.addAll(events);
        History.Event ev = new History.Event(badStep, loss, cause, good.step(), lrScale);
        h.events.add(ev);
        history = h;
        listener.onDivergence(ev);
        return failures < config.maxFailures();
    }

    private void restore(Checkpoint c) {
        float[] p = net.params();
        if (c.params().length != p.length) {
            throw new IllegalArgumentException("the checkpoint holds " + c.params().length + " parameters, this network has " + p.length);
        }
        System.arraycopy(c.params(), 0, p, 0, p.length);
        if (method != null) {
            method.importState(c.optimizerState());
        } else {
            optimizer.importState(c.optimizerState());
        }
        net.importState(c.networkState());
        if (plateau != null) {
            if (c.scheduleState().length == 0) {
                throw new IllegalArgumentException("the checkpoint has no reduce-on-plateau state, this run uses one");
            }
            plateau.importState(c.scheduleState());
        }
        batches.seek(c.cursor());
        step = c.step();
        Checkpoint.Progress g = c.progress();
        ema = g.ema();
        firstLoss = g.firstLoss();
        emaCount = g.emaCount();
        lossSum = g.lossSum();
        lossCount = g.lossCount();
        samples = g.samples();
        trainNanos = g.trainNanos();
        epochNanos = g.epochNanos();
        elapsedBase = g.elapsedNanos();
        runStart = System.nanoTime();
    }

    private TrainResult result(TrainStatus status, String message) {
        return new TrainResult(status, message, step, epochs(), samples, trainNanos * 1e-9, history, passes(),
                method == null ? null : method.stats());
    }
}
