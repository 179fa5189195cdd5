package dev.descent.cli.tour;

import dev.descent.data.FashionMnist;
import dev.descent.data.Normalization;
import dev.descent.data.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Loads the tour's Fashion-MNIST split, normalized with the training set's global mean and std. */
public final class TourData {

    /** The {@code --data} choices. */
    public static final String CHOICES = "embedded or fashion-mnist";

    private TourData() {}

    /**
     * {@code embedded}: the subset in the jar (no download, no files); {@code fashion-mnist}: the
     * full set from {@code dataDir} (or Debian's {@code dataset-fashion-mnist} when null).
     *
     * @param name {@code embedded} or {@code fashion-mnist}
     * @param dataDir where the Fashion-MNIST files are, or null for Debian's location
     * @return the training and test sets, both normalized with the training set's mean and std
     */
    public static Split load(String name, Path dataDir) {
        Split s = switch (name) {
            case "embedded" -> FashionMnist.embedded();
            case "fashion-mnist" -> {
                try {
                    yield FashionMnist.load(dataDir);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read Fashion-MNIST: " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalArgumentException("--data must be " + CHOICES + ", got '" + name + "'");
        };
        Normalization n = Normalization.fit(s.train(), Normalization.Mode.GLOBAL);
        return new Split(n.apply(s.train()), n.apply(s.heldOut()));
    }
}
