package dev.descent.data.fashionmnist;

import java.io.InputStream;
import java.util.List;

/**
 * The files of the embedded Fashion-MNIST subset: 6,000 training and 1,000 test images (600 and
 * 100 per class), chosen with seed 0 by {@code tools/train_make_embedded_subset.py} from the
 * original files, stored as gzipped IDX files in this artifact
 * ({@code dev.descent:descent-data-fashion-mnist-subset}).
 *
 * <p>Use {@code dev.descent.data.FashionMnist.embedded()} to get them as data sets; this class only
 * opens the raw files, from this module (so it works on the class path and the module path).
 *
 * <p>Fashion-MNIST: Xiao, Rasul and Vollgraf, "Fashion-MNIST: a Novel Image Dataset for
 * Benchmarking Machine Learning Algorithms", arXiv:1708.07747, 2017; Zalando SE, MIT licence
 * (see {@link #NOTICE}).
 */
public final class FashionMnistSubset {

    /** The training images: IDX3, 6,000 × 28 × 28 unsigned bytes, gzipped. */
    public static final String TRAIN_IMAGES = "embedded-train-images-idx3-ubyte.gz";
    /** The training labels: IDX1, 6,000 unsigned bytes in 0..9, gzipped. */
    public static final String TRAIN_LABELS = "embedded-train-labels-idx1-ubyte.gz";
    /** The test images: IDX3, 1,000 × 28 × 28 unsigned bytes, gzipped. */
    public static final String TEST_IMAGES = "embedded-t10k-images-idx3-ubyte.gz";
    /** The test labels: IDX1, 1,000 unsigned bytes in 0..9, gzipped. */
    public static final String TEST_LABELS = "embedded-t10k-labels-idx1-ubyte.gz";
    /** The licence and provenance text (plain UTF-8). */
    public static final String NOTICE = "NOTICE";

    /** Every file this artifact holds. */
    public static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS, NOTICE);

    private FashionMnistSubset() {}

    /**
     * Opens one of the {@link #FILES}; the caller closes the stream.
     *
     * @param file one of the names in {@link #FILES}
     * @return the file's bytes as stored (the IDX files are gzipped)
     * @throws IllegalArgumentException for any other name, listing the valid ones
     * @throws IllegalStateException when the jar lacks the file (a damaged jar)
     */
    public static InputStream open(String file) {
        if (!FILES.contains(file)) {
            throw new IllegalArgumentException("no file '" + file + "' in the Fashion-MNIST subset: use one of " + FILES);
        }
        InputStream in = FashionMnistSubset.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException("the jar of descent-data-fashion-mnist-subset lacks dev/descent/data/fashionmnist/"
                    + file + ": it is damaged, download it again");
        }
        return in;
    }
}
