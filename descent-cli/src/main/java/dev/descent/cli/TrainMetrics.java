package dev.descent.cli;

import dev.descent.train.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes a run's history records to {@code --metrics FILE}: CSV when the name ends in
 * {@code .csv}, JSON lines otherwise ({@code .jsonl}, {@code .json}, ...). The whole file is
 * rewritten atomically (temporary file + rename) at each checkpoint and at the end, so a killed
 * run leaves a complete file and a resumed run continues it.
 */
final class TrainMetrics {

    private final Path file;
    private final boolean csv;

    /**
     * Checks before training that {@code file} can be written: not a directory, in an existing
     * directory where a file can be created (probed with a temporary file, so that a read-only
     * directory fails here and not at the first checkpoint).
     *
     * @throws IllegalArgumentException naming the problem and the fix
     */
    TrainMetrics(Path file) {
        this.file = file;
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || Files.isDirectory(file)) {
            throw new IllegalArgumentException("--metrics: " + file + " is a directory; give a file name such as "
                    + file.resolve("metrics.csv"));
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--metrics: the directory " + dir + " does not exist; create it (mkdir -p) or choose another path");
        }
        this.csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        try {
            Files.delete(Files.createTempFile(dir, file.getFileName().toString(), ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("--metrics: cannot create files in " + dir + " (" + e
                    + "); choose a writable directory");
        }
    }

    void write(History h) {
        write(h.records());
    }

    /**
     * Writes {@code records}: step, epoch, train_loss (mean mini-batch loss since the previous
     * row), val_loss, val_accuracy, lr, elapsed_s (training time only, never evaluation),
     * objective (the full training objective with the L2 term), passes (gradient-equivalent
     * passes over the training set) and batch (rows in the last step's sample).
     */
    void write(java.util.List<History.Record> records) {
        StringBuilder sb = new StringBuilder();
        if (csv) {
            sb.append("step,epoch,train_loss,val_loss,val_accuracy,lr,elapsed_s,objective,passes,batch\n");
        }
        for (History.Record r : records) {
            double elapsed = Double.isNaN(r.trainSeconds()) ? r.elapsedSeconds() : r.trainSeconds();
            if (csv) {
                sb.append(r.step()).append(',').append(csv(r.epoch())).append(',').append(csv(r.trainLoss())).append(',')
                        .append(csv(r.valLoss())).append(',').append(csv(r.valAccuracy())).append(',').append(csv(r.lr()))
                        .append(',').append(csv(elapsed)).append(',').append(csv(r.objective())).append(',')
                        .append(csv(r.passes())).append(',').append(r.batch()).append('\n');
            } else {
                sb.append(new TrainJson().put("step", r.step()).put("epoch", r.epoch()).put("trainLoss", r.trainLoss())
                        .put("valLoss", r.valLoss()).put("valAccuracy", r.valAccuracy()).put("lr", r.lr())
                        .put("elapsedSeconds", elapsed).put("objective", r.objective()).put("passes", r.passes())
                        .put("batch", r.batch())).append('\n');
            }
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, sb, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String csv(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
