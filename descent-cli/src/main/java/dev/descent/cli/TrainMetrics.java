package dev.descent.cli;

import dev.descent.train.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.descent.io.OutputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a run's history records to {@code --metrics FILE}: CSV when the name ends in
 * {@code .csv}, JSON lines otherwise ({@code .jsonl}, {@code .json}, ...). A regular file is
 * rewritten atomically ({@link OutputFile}) at each checkpoint and at the end, so a killed run
 * leaves a complete file and a resumed run continues it; a stream ({@code /dev/stdout}, a FIFO) is
 * written once, at the end; a symbolic link stays a link.
 */
final class TrainMetrics {

    private final Path file;
    private final boolean csv;
    private final boolean stream;

    /**
     * Checks before training that {@code file} can be written: not a directory, in an existing
     * directory where a file can be created (probed, so that a read-only directory fails here
     * and not at the first checkpoint).
     *
     * @throws IllegalArgumentException naming the problem and the fix
     */
    TrainMetrics(Path file) {
        this.file = file;
        this.stream = OutputFile.isStream(file);
        Path dir = file.toAbsolutePath().getParent();
        if (!stream && dir != null && !Files.isDirectory(file) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--metrics: the directory " + dir + " does not exist; create it (mkdir -p) or choose another path");
        }
        OutputFile.check(file, "--metrics", "metrics.csv");
        this.csv = file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** Rewrites the file with the records so far (a stream only gets the final records, from {@link #finish}). */
    void checkpoint(History h) {
        if (!stream) {
            finish(h);
        }
    }

    /** Writes the file with every record of the run. */
    void finish(History h) {
        finish(h.records());
    }

    /**
     * Writes {@code records}: step, epoch, train_loss (mean mini-batch loss since the previous
     * row), val_loss, val_accuracy, lr, elapsed_s (training time only, never evaluation),
     * objective (the full training objective with the L2 term), passes (gradient-equivalent
     * passes over the training set) and batch (rows in the last step's sample).
     */
    void finish(java.util.List<History.Record> records) {
        StringBuilder sb = new StringBuilder();
        if (csv) {
            sb.append(String.join(",", Quantity.STEP.csv, Quantity.EPOCH.csv, Quantity.TRAIN_LOSS.csv, Quantity.VAL_LOSS.csv,
                    Quantity.VAL_ACCURACY.csv, Quantity.LR.csv, Quantity.ELAPSED.csv, Quantity.OBJECTIVE.csv, Quantity.PASSES.csv,
                    Quantity.BATCH.csv)).append('\n');
        }
        for (History.Record r : records) {
            double elapsed = Double.isNaN(r.trainSeconds()) ? r.elapsedSeconds() : r.trainSeconds();
            if (csv) {
                sb.append(r.step()).append(',').append(csv(r.epoch())).append(',').append(csv(r.trainLoss())).append(',')
                        .append(csv(r.valLoss())).append(',').append(csv(r.valAccuracy())).append(',').append(csv(r.lr()))
                        .append(',').append(csv(elapsed)).append(',').append(csv(r.objective())).append(',')
                        .append(csv(r.passes())).append(',').append(r.batch()).append('\n');
            } else {
                sb.append(new TrainJson().put(Quantity.STEP.json, r.step()).put(Quantity.EPOCH.json, r.epoch())
                        .put(Quantity.TRAIN_LOSS.json, r.trainLoss()).put(Quantity.VAL_LOSS.json, r.valLoss())
                        .put(Quantity.VAL_ACCURACY.json, r.valAccuracy()).put(Quantity.LR.json, r.lr())
                        .put(Quantity.ELAPSED.json, elapsed).put(Quantity.OBJECTIVE.json, r.objective())
                        .put(Quantity.PASSES.json, r.passes()).put(Quantity.BATCH.json, r.batch())).append('\n');
            }
        }
        try {
            OutputFile.writeString(file, sb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics file " + file + ": " + OutputFile.reason(e), e);
        }
    }

    private static String csv(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
