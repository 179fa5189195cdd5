package dev.descent.cli;

import dev.descent.train.Checkpoint;
import dev.descent.train.History;
import dev.descent.train.TrainConfig;
import dev.descent.train.TrainListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What {@code train} shows while it runs: a progress bar on standard error (when it is a
 * terminal), a line per epoch on standard output (per evaluation for the sampled methods), and
 * the metrics file kept current at each checkpoint. Close it to remove the bar.
 */
final class TrainProgress implements TrainListener, AutoCloseable {
    private final PrintWriter out;
    private final TrainMetrics metrics;
    private final ProgressBar bar;
    private final long perEpoch;
    private final boolean sampled;

    /**
     * @param out where the epoch lines go, or null for none (with {@code --json})
     * @param metrics the metrics file, or null
     * @param bar whether to draw the bar
     * @param n the training rows
     * @param cfg the run's budget and batch size
     * @param sampled whether the method is a sampled quasi-Newton one (a line per evaluation)
     */
    TrainProgress(PrintWriter out, TrainMetrics metrics, boolean bar, int n, TrainConfig cfg, boolean sampled) {
        this.sampled = sampled;
        this.out = out;
        this.metrics = metrics;
        this.perEpoch = cfg.stepsPerEpoch(n);
        long total = cfg.totalSteps(n);
        this.bar = bar ? new ProgressBarBuilder().setTaskName("train").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
    }

    @Override
    public void onStep(long step, double epoch, double loss, double lr) {
        if (bar != null) {
            bar.stepTo(step);
            if (step % 10 == 0) {
                bar.setExtraMessage(String.format(Locale.ROOT, "epoch %.2f loss %.4f", epoch, loss));
            }
        }
    }

    @Override
    public void onRecord(History.Record r) {
        if (out != null && r.step() > 0 && (sampled || r.step() % perEpoch == 0)) {
            if (bar != null) {
                System.err.print("\r\033[K"); // clear the bar's line; it is drawn again below the epoch's line
                System.err.flush();
            }
            out.printf(Locale.ROOT, "epoch %5.2f  step %7d  %s %.4f  %s %.4f  %s %.4f  lr %.3g  %.1fs%n",
                    r.epoch(), r.step(), Quantity.TRAIN_LOSS.text, r.trainLoss(), Quantity.VAL_LOSS.text, r.valLoss(),
                    Quantity.VAL_ACCURACY.text, r.valAccuracy(), r.lr(), r.elapsedSeconds());
            out.flush();
        }
    }

    @Override
    public void onCheckpoint(Checkpoint c) {
        if (metrics != null) {
            metrics.checkpoint(c.history());
        }
    }

    /** Removes the bar. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
