/**
 * The OpenBLAS matrix multiply for {@code dev.descent.core}. This module holds no code: requiring
 * it resolves bytedeco's {@code org.bytedeco.openblas} and {@code org.bytedeco.javacpp}, which
 * descent-core only {@code requires static}. The natives are separate modules named after the
 * platform, for example {@code org.bytedeco.openblas.linux.x86_64} and
 * {@code org.bytedeco.javacpp.linux.x86_64}; nothing requires them, so name them in
 * {@code --add-modules} (or use {@code --add-modules ALL-MODULE-PATH}).
 * {@code dev.descent.linalg.Gemm} logs the backend it chose and why.
 */
module dev.descent.openblas {
    requires transitive org.bytedeco.openblas;
}
