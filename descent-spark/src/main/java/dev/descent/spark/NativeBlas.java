package dev.descent.spark;

import dev.descent.linalg.Gemm;
import dev.descent.linalg.GemmBackend;

/**
 * MLlib's BLAS beside descent's OpenBLAS. descent's {@link Gemm} loads the OpenBLAS that ships
 * with bytedeco's jars. MLlib's BLAS (dev.ludovic.netlib) dlopens a native {@code libblas.so.3}
 * when one is installed; in a JVM that already holds descent's OpenBLAS, its {@code dgemm}
 * crashed here (SIGSEGV in {@code dgemm_oncopy}, both with the system's OpenBLAS and pointed at
 * descent's copy). So in such a JVM netlib is told to use its Java implementation (the Vector
 * API one on JDK 16+), by naming a native library that does not exist — unless the user set
 * {@code dev.ludovic.netlib.blas.nativeLib} or {@code ...nativeLibPath} themselves. Forcing
 * descent's Java kernel ({@code -Ddescent.gemm=vector}) does not avoid the crash: descent-core's
 * {@code Gemm} loads its OpenBLAS (to offer it) even then, and MLlib's native {@code dgemm}
 * crashed the same way (docs/PERFORMANCE.md).
 */
final class NativeBlas {

    private NativeBlas() {}

    /** Keeps netlib off native BLAS when descent's OpenBLAS is loaded here; idempotent. */
    static synchronized void protectMllib() {
        if (System.getProperty("dev.ludovic.netlib.blas.nativeLibPath") != null
                || System.getProperty("dev.ludovic.netlib.blas.nativeLib") != null) {
            return;
        }
        if (Gemm.backend() == GemmBackend.OPENBLAS) {
            System.setProperty("dev.ludovic.netlib.blas.nativeLib", "descent-uses-openblas-so-netlib-uses-java");
        }
    }

    /** The BLAS MLlib uses in this JVM, for reports (e.g. {@code VectorBLAS}). */
    static String mllibBlas() {
        return dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getSimpleName();
    }
}
