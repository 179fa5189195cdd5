package dev.descent.cli;

import dev.descent.data.Csv;
import dev.descent.data.Dataset;
import dev.descent.data.FashionMnist;
import dev.descent.data.Normalization;
import dev.descent.data.Split;
import dev.descent.data.Synthetic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The train command's {@code --data} choices, loaded as a training set and a held-out set:
 * {@code embedded} (the Fashion-MNIST subset in the jar, with its own test images),
 * {@code fashion-mnist} (the full set, with its test set), {@code spiral}, {@code blobs},
 * {@code moons} (seeded synthetic sets: spiral is the cs231n 3 × 100 points with a fresh draw
 * of the same arms held out; blobs and moons are 3 × 200 and 2 × 200 points split in halves), or a CSV file (a stratified validation split of {@code validation}).
 */
record TrainData(String name, Dataset train, Dataset test) {

    static final String CHOICES = "embedded, fashion-mnist, spiral, blobs, moons or a FILE.csv";

    /** The built-in data sets (anything else is a CSV file). */
    static final java.util.Set<String> BUILT_IN = java.util.Set.of("embedded", "fashion-mnist", "spiral", "blobs", "moons");

    static TrainData load(String data, Path dataDir, String label, double validation, long seed, Normalization.Mode norm)
            throws IOException {
        Split s;
        switch (data) {
            case "embedded" -> s = FashionMnist.embedded();
            case "fashion-mnist" -> s = FashionMnist.load(dataDir);
            case "spiral" -> s = new Split(Synthetic.spiral(3, 100, 0.2, seed), Synthetic.spiral(3, 100, 0.2, seed + 1));
            case "blobs" -> s = Split.stratified(Synthetic.blobs(3, 200, 2, 1.0, seed), 0.5, seed);
            case "moons" -> s = Split.stratified(Synthetic.moons(200, 0.1, seed), 0.5, seed);
            default -> {
                Path f = Path.of(data);
                if (!data.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") && !Files.isRegularFile(f)) {
                    throw new IllegalArgumentException("--data: '" + data + "' is not one of " + CHOICES);
                }
                if (!Files.isRegularFile(f)) {
                    throw new IllegalArgumentException("--data: no such file " + data);
                }
                Dataset all = Csv.read(f, label);
                int[] counts = all.classCounts();
                int smallest = 0;
                for (int c = 1; c < counts.length; c++) {
                    smallest = counts[c] < counts[smallest] ? c : smallest;
                }
                if (counts[smallest] < 2) {
                    throw new IllegalArgumentException("--data " + data + ": class " + smallest + " (of " + counts.length + ") has "
                            + counts[smallest] + " row; a stratified split needs at least 2 rows of each class (one to train on,"
                            + " one to hold out): add rows or merge the rare classes");
                }
                try {
                    s = Split.stratified(all, validation, seed);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--data " + data + ": its classes are too small for --validation " + validation
                            + " (smallest class " + counts[smallest] + " rows, " + all.n() + " rows in all): the split would leave"
                            + " the training or the held-out set empty; give a --validation nearer 0.5 or more rows per class", e);
                }
            }
        }
        Normalization n = Normalization.fit(s.train(), norm);
        return new TrainData(data, n.apply(s.train()), n.apply(s.heldOut()));
    }

    /** What the held-out ("val") set is: the test set, a fresh draw, or a validation split. */
    String heldOut() {
        return switch (name) {
            case "embedded", "fashion-mnist" -> "the test set";
            case "spiral" -> "a fresh draw of the spiral";
            case "blobs", "moons" -> "a stratified half";
            default -> "a stratified validation split";
        };
    }
}
