package dev.descent.linalg;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code cblas_sgemm} from the OpenBLAS build that bytedeco ships on Maven Central.
 *
 * <p>bytedeco's {@code Loader} extracts and loads the native library (so exactly one OpenBLAS is
 * in the process); the symbols are then looked up in that same file and called through the
 * Foreign Function &amp; Memory API as <em>critical</em> downcalls with heap access, so the Java
 * arrays are passed in place: no copy in or out and offsets are free (bytedeco's own JNI
 * {@code float[]} binding copies every array on each call and takes no offsets).
 *
 * <p>The thread count starts at 1 (OpenBLAS worker threads spin while waiting, which steals a
 * shared 2-core machine from everyone), or at the {@code descent.gemm.threads} system property.
 */
final class OpenBlasSgemm implements SgemmKernel {

    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private final MethodHandle sgemm;
    private final MethodHandle setThreads;
    private final MethodHandle getThreads;
    private final String config;
    private final String core;

    @SuppressWarnings("restricted") // native access is the point of this class; Gemm catches its refusal
    OpenBlasSgemm(int threads) throws Throwable {
        org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas_nolapack.class);
        Path lib = null;
        for (Map.Entry<String, String> e : org.bytedeco.javacpp.Loader.getLoadedLibraries().entrySet()) {
            if (e.getKey().startsWith("openblas") && e.getValue() != null) {
                lib = Path.of(e.getValue());
            }
        }
        if (lib == null) {
            throw new UnsatisfiedLinkError("bytedeco loaded no libopenblas");
        }
        Linker linker = Linker.nativeLinker();
        SymbolLookup lookup = SymbolLookup.libraryLookup(lib, Arena.global());
        ValueLayout.OfInt i = ValueLayout.JAVA_INT;
        ValueLayout.OfFloat f = ValueLayout.JAVA_FLOAT;
        ValueLayout p = ValueLayout.ADDRESS;
        sgemm = linker.downcallHandle(lookup.findOrThrow("cblas_sgemm"),
                FunctionDescriptor.ofVoid(i, i, i, i, i, i, f, p, i, p, i, f, p, i),
                Linker.Option.critical(true));
        setThreads = linker.downcallHandle(lookup.findOrThrow("openblas_set_num_threads"),
                FunctionDescriptor.ofVoid(i));
        getThreads = linker.downcallHandle(lookup.findOrThrow("openblas_get_num_threads"),
                FunctionDescriptor.of(i));
        MethodHandle getConfig = linker.downcallHandle(lookup.findOrThrow("openblas_get_config"),
                FunctionDescriptor.of(p));
        MethodHandle getCore = linker.downcallHandle(lookup.findOrThrow("openblas_get_corename"),
                FunctionDescriptor.of(p));
        config = ((MemorySegment) getConfig.invokeExact()).reinterpret(256).getString(0).strip();
        core = ((MemorySegment) getCore.invokeExact()).reinterpret(64).getString(0).strip();
        setThreads(threads);
        // a 1×1 product proves the call path works before Gemm commits to this backend
        float[] one = {2f};
        float[] out = {0f};
        sgemm(false, false, 1, 1, 1, 1f, one, 0, 1, one, 0, 1, 0f, out, 0, 1);
        if (out[0] != 4f) {
            throw new UnsatisfiedLinkError("cblas_sgemm self-test gave " + out[0] + " instead of 4");
        }
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        MemorySegment sa = MemorySegment.ofArray(a).asSlice((long) aOff * Float.BYTES);
        MemorySegment sb = MemorySegment.ofArray(b).asSlice((long) bOff * Float.BYTES);
        MemorySegment sc = MemorySegment.ofArray(c).asSlice((long) cOff * Float.BYTES);
        try {
            sgemm.invokeExact(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha,
                    sa, lda, sb, ldb, beta, sc, ldc);
        } catch (Throwable t) {
            throw new IllegalStateException("cblas_sgemm failed", t);
        }
    }

    void setThreads(int threads) {
        try {
            setThreads.invokeExact(threads);
        } catch (Throwable t) {
            throw new IllegalStateException("openblas_set_num_threads failed", t);
        }
    }

    int threads() {
        try {
            return (int) getThreads.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("openblas_get_num_threads failed", t);
        }
    }

    @Override
    public String describe() {
        return "openblas (bytedeco build, " + config + ", core "
                + core + ", " + threads() + (threads() == 1 ? " thread" : " threads") + ")";
    }
}
