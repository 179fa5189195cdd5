/**
 * descent's library: first-order optimizers ({@link dev.descent.optim}), learning-rate schedules
 * ({@link dev.descent.schedule}), deterministic minimizers ({@link dev.descent.minimize}) and their
 * test problems ({@link dev.descent.problems}), a small neural-network stack
 * ({@link dev.descent.nn}), data sets ({@link dev.descent.data}), the training loop
 * ({@link dev.descent.train}), mini-batch quasi-Newton methods ({@link dev.descent.stochastic}),
 * safe output files ({@link dev.descent.io}), the spec tokenizer ({@link dev.descent.spec}) and the
 * kernels beneath them ({@link dev.descent.linalg}).
 *
 * <p>The only required module is EJML (dense linear solves for Newton's method). Everything else is
 * optional, and {@link dev.descent.linalg.Gemm} logs once, through {@link System.Logger}, which
 * matrix-multiply backend it chose and why:
 * <ul>
 *   <li>{@code jdk.incubator.vector} (the Vector API kernels): add
 *       {@code --add-modules jdk.incubator.vector} to the {@code java} command;</li>
 *   <li>{@code org.bytedeco.openblas} and {@code org.bytedeco.javacpp} (the OpenBLAS kernel): add the
 *       artifact {@code dev.descent:descent-openblas} and, on the module path, its native modules
 *       ({@code --add-modules org.bytedeco.openblas.linux.x86_64,org.bytedeco.javacpp.linux.x86_64}
 *       on Linux x86_64, or {@code ALL-MODULE-PATH}), with
 *       {@code --enable-native-access=dev.descent.core,org.bytedeco.javacpp};</li>
 *   <li>{@code dev.descent.data.fashionmnist} (the embedded Fashion-MNIST subset read by
 *       {@link dev.descent.data.FashionMnist#embedded()}): add the artifact
 *       {@code dev.descent:descent-data-fashion-mnist-subset}.</li>
 *   <li>{@code java.management} (thread CPU time, read only by the benchmarks
 *       {@link dev.descent.linalg.GemmRecorder} and {@link dev.descent.train.EpochProfiler}, which
 *       report NaN without it): add {@code --add-modules java.management}.</li>
 * </ul>
 */
module dev.descent.core {
    requires ejml.core;
    requires ejml.ddense;
    requires static jdk.incubator.vector;
    requires static org.bytedeco.javacpp;
    requires static org.bytedeco.openblas;
    requires static dev.descent.data.fashionmnist;
    requires static java.management; // thread CPU time for the benchmarks (GemmRecorder, EpochProfiler)

    exports dev.descent.data;
    exports dev.descent.io;
    exports dev.descent.linalg;
    exports dev.descent.minimize;
    exports dev.descent.nn;
    exports dev.descent.optim;
    exports dev.descent.problems;
    exports dev.descent.schedule;
    exports dev.descent.spec;
    exports dev.descent.stochastic;
    exports dev.descent.train;
}
