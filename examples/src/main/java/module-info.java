/**
 * A program that uses descent as a library. Its module requires descent-core, the OpenBLAS
 * artifact and the embedded Fashion-MNIST subset; run it on the module path with the flags in the
 * README ("Use descent as a dependency"), or ignore this file and run it on the class path.
 */
module com.example.descent {
    requires dev.descent.core;
    requires dev.descent.openblas;
    requires dev.descent.data.fashionmnist;
}
