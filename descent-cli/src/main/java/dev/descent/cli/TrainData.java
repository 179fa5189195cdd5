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
                s = Split.stratified(Csv.read(f, label), validation, seed);
            }
        }
        Normalization n = Normalization.fit(s.train(), norm);
        return new TrainData(data, n.apply(s.train()), n.apply(s.heldOut()));
    }
}
