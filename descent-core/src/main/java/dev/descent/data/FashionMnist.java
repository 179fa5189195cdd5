package dev.descent.data;

import dev.descent.data.fashionmnist.FashionMnistSubset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, "Fashion-MNIST: a Novel Image Dataset for
 * Benchmarking Machine Learning Algorithms", 2017; Zalando Research, MIT licence): 28×28 grey
 * images of 10 kinds of clothing, 60,000 for training and 10,000 for testing.
 *
 * <p>Two sources:
 * <ul>
 *   <li>{@link #load(Path)}: the full set from the four original gzipped IDX files, looked up in a
 *       directory given by the user, then in Debian's {@code dataset-fashion-mnist} package
 *       ({@value #DEBIAN_DIR});</li>
 *   <li>{@link #embedded()}: a stratified subset of 6,000 training and 1,000 test images (600 and
 *       100 per class, chosen with seed 0 by {@code tools/train_make_embedded_subset.py}), so that
 *       everything runs on a fresh machine without a download. The 3 MB of files live in their own
 *       artifact, {@code dev.descent:descent-data-fashion-mnist-subset} (module
 *       {@code dev.descent.data.fashionmnist}), an optional dependency of descent-core: add it to
 *       use this method (on the module path, also {@code --add-modules dev.descent.data.fashionmnist}
 *       unless your module requires it).</li>
 * </ul>
 * Features are pixel values scaled to [0, 1].
 */
public final class FashionMnist {

    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";

    /** The original download location. */
    public static final String URL = "https://github.com/zalandoresearch/fashion-mnist/tree/master/data/fashion";

    /** The ten class names, by label. */
    public static final List<String> CLASSES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private FashionMnist() {}

    /**
     * The full data set (train and test).
     *
     * @param dataDir a directory holding the four IDX files ({@code .gz} or not), or null to use
     *     only the Debian location
     * @throws IllegalArgumentException when the files are not found, saying how to get them, or
     *     when a file is corrupt
     * @return the 60,000 training and 10,000 test images, pixels in [0, 1]
     * @throws IOException when a file cannot be read
     */
    public static Split load(Path dataDir) throws IOException {
        Path dir = locate(dataDir);
        Dataset train = Idx.images(Idx.readScaled(require(dir, TRAIN_IMAGES)), Idx.read(require(dir, TRAIN_LABELS)), 10, dir + " (training set)");
        Dataset test = Idx.images(Idx.readScaled(require(dir, TEST_IMAGES)), Idx.read(require(dir, TEST_LABELS)), 10, dir + " (test set)");
        return new Split(train, test);
    }

    /**
     * The directory that holds the files: {@code dataDir} if given, else Debian's.
     *
     * @param dataDir a directory to look in, or null for Debian's {@value #DEBIAN_DIR}
     * @return the directory that holds the training images
     * @throws IllegalArgumentException when it does not, saying how to get the files
     */
    public static Path locate(Path dataDir) {
        List<Path> tried = new ArrayList<>();
        if (dataDir != null) {
            if (find(dataDir, TRAIN_IMAGES) != null) {
                return dataDir;
            }
            tried.add(dataDir);
        } else {
            Path debian = Path.of(DEBIAN_DIR);
            if (find(debian, TRAIN_IMAGES) != null) {
                return debian;
            }
            tried.add(debian);
        }
        throw new IllegalArgumentException("Fashion-MNIST not found in " + tried
                + ": install it with 'apt-get install dataset-fashion-mnist', or download the four *-idx?-ubyte.gz files from "
                + URL + " and pass --data-dir DIR");
    }

    private static Path require(Path dir, String base) {
        Path p = find(dir, base);
        if (p == null) {
            throw new IllegalArgumentException("Fashion-MNIST in " + dir + " lacks " + base + ".gz: download it from " + URL);
        }
        return p;
    }

    private static Path find(Path dir, String base) {
        for (String name : new String[] {base + ".gz", base, base.replace("-idx", ".idx")}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** The coordinates of the artifact that holds the embedded subset. */
    public static final String SUBSET_ARTIFACT = "dev.descent:descent-data-fashion-mnist-subset";

    /**
     * The 6,000 + 1,000 image stratified subset, from the artifact {@value #SUBSET_ARTIFACT}.
     *
     * @return training (600 images per class) and test (100 per class) sets, pixels in [0, 1]
     * @throws IllegalStateException when that artifact is not on the class path (or, on the module
     *     path, its module {@code dev.descent.data.fashionmnist} is not resolved), saying how to add it
     */
    public static Split embedded() {
        try {
            Dataset train = Idx.images(resource(FashionMnistSubset.TRAIN_IMAGES), resource(FashionMnistSubset.TRAIN_LABELS), 10, "embedded training set");
            Dataset test = Idx.images(resource(FashionMnistSubset.TEST_IMAGES), resource(FashionMnistSubset.TEST_LABELS), 10, "embedded test set");
            return new Split(train, test);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("the embedded Fashion-MNIST subset is not on the class path: add the dependency "
                    + SUBSET_ARTIFACT + " (on the module path, also --add-modules dev.descent.data.fashionmnist)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded Fashion-MNIST subset", e);
        }
    }

    private static Idx.Array resource(String name) throws IOException {
        try (InputStream in = FashionMnistSubset.open(name)) {
            return Idx.read(in, "resource " + name);
        }
    }
}
