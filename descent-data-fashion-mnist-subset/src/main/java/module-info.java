/**
 * A stratified subset of Fashion-MNIST (6,000 training and 1,000 test images, 600 and 100 per
 * class) as gzipped IDX resources, so that descent trains on real images without a download.
 * Read it through {@code dev.descent.data.FashionMnist.embedded()} in {@code dev.descent.core};
 * this module only hands out the files. The data are Zalando Research's, under the MIT licence
 * (the {@code NOTICE} file next to them).
 */
module dev.descent.data.fashionmnist {
    exports dev.descent.data.fashionmnist;
}
