package dev.descent.linalg;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Single-precision matrix multiply, C ← α·op(A)·op(B) + β·C, over row-major {@code float[]}
 * arrays with offsets and leading dimensions, exactly as CBLAS {@code cblas_sgemm} with
 * {@code CblasRowMajor}: op(A) is m×k, op(B) is k×n, C is m×n; op(X) = Xᵀ when its flag is set.
 * β = 0 overwrites C (NaN in C does not survive), as in BLAS.
 *
 * <p><b>Backend selection</b> (once, when this class is first used): the system property
 * {@code descent.gemm=openblas|vector|scalar} forces one (an unavailable forced backend is an
 * error that names why); otherwise the first available of {@link GemmBackend#OPENBLAS},
 * {@link GemmBackend#VECTOR}, {@link GemmBackend#SCALAR}. A backend is available when its class
 * links and passes a self-test: missing natives, a missing {@code jdk.incubator.vector} module or
 * missing native access only remove it from the list. {@link #backend()} names the one in use.
 *
 * <p><b>Threads</b>: OpenBLAS runs single-threaded unless the system property
 * {@code descent.gemm.threads} or {@link #setThreads(int)} says otherwise; the Java kernels are
 * single-threaded. Results for a given backend and thread count are deterministic. On a machine
 * whose cores are already busy, more OpenBLAS threads can be many times slower, not faster
 * (docs/PERFORMANCE.md: 2 threads on the loaded 2-core machine were ≈ 7–10× slower).
 * Every backend may be called from several Java threads at once (the Vector API kernel keeps
 * its packing buffers per thread).
 */
public final class Gemm {

    private static final Map<GemmBackend, SgemmKernel> KERNELS = new EnumMap<>(GemmBackend.class);
    private static final Map<GemmBackend, String> UNAVAILABLE = new EnumMap<>(GemmBackend.class);
    private static final GemmBackend SELECTED;
    private static final SgemmKernel KERNEL;
    private static volatile int threads;
    private static volatile GemmRecorder recorder;

    static {
        threads = intProperty("descent.gemm.threads", 1);
        try {
            KERNELS.put(GemmBackend.OPENBLAS, new OpenBlasSgemm(threads));
        } catch (Throwable t) {
            UNAVAILABLE.put(GemmBackend.OPENBLAS, reason(t));
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                KERNELS.put(GemmBackend.VECTOR, new VectorSgemm());
            } catch (Throwable t) {
                UNAVAILABLE.put(GemmBackend.VECTOR, reason(t));
            }
        } else {
            UNAVAILABLE.put(GemmBackend.VECTOR, "module jdk.incubator.vector not present "
                    + "(run java with --add-modules jdk.incubator.vector)");
        }
        KERNELS.put(GemmBackend.SCALAR, new ScalarSgemm());
        String forced = System.getProperty("descent.gemm");
        GemmBackend chosen;
        if (forced != null && !forced.isBlank()) {
            chosen = GemmBackend.of(forced);
            if (!KERNELS.containsKey(chosen)) {
                throw new IllegalStateException("descent.gemm=" + forced + " is not available here: "
                        + UNAVAILABLE.get(chosen));
            }
        } else {
            chosen = KERNELS.containsKey(GemmBackend.OPENBLAS) ? GemmBackend.OPENBLAS
                    : KERNELS.containsKey(GemmBackend.VECTOR) ? GemmBackend.VECTOR : GemmBackend.SCALAR;
        }
        SELECTED = chosen;
        KERNEL = KERNELS.get(chosen);
    }

    private Gemm() {}

    /** The backend in use. */
    public static GemmBackend backend() {
        return SELECTED;
    }

    /** A one-line description of the backend in use (library, build, core, threads). */
    public static String describe() {
        return KERNEL.describe();
    }

    /** A one-line description of {@code backend}, or why it is unavailable. */
    public static String describe(GemmBackend backend) {
        SgemmKernel k = KERNELS.get(backend);
        return k != null ? k.describe() : backend.id() + " unavailable: " + UNAVAILABLE.get(backend);
    }

    /** The backends that loaded and passed their self-test in this JVM, fastest first. */
    public static Set<GemmBackend> available() {
        return KERNELS.isEmpty() ? EnumSet.noneOf(GemmBackend.class) : EnumSet.copyOf(KERNELS.keySet());
    }

    /** The number of threads OpenBLAS uses (1 unless set); the Java kernels always use 1. */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the number of OpenBLAS threads, 1 to 256. No effect on the Java kernels.
     *
     * @throws IllegalArgumentException outside that range
     */
    public static void setThreads(int n) {
        if (n < 1 || n > 256) {
            throw new IllegalArgumentException("GEMM threads must be in [1, 256], got " + n);
        }
        threads = n;
        if (KERNELS.get(GemmBackend.OPENBLAS) instanceof OpenBlasSgemm o) {
            o.setThreads(n);
        }
    }

    /** C ← α·op(A)·op(B) + β·C on dense arrays (leading dimensions = row lengths, offsets 0). */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, float[] b, float beta, float[] c) {
        sgemm(transA, transB, m, n, k, alpha, a, 0, transA ? m : k, b, 0, transB ? k : n, beta, c, 0, n);
    }

    /**
     * C ← α·op(A)·op(B) + β·C with the backend in use.
     *
     * @param transA use Aᵀ: A is stored k×m (else m×k), row-major with leading dimension lda
     * @param transB use Bᵀ: B is stored n×k (else k×n), row-major with leading dimension ldb
     * @param m rows of op(A) and C, ≥ 0
     * @param n columns of op(B) and C, ≥ 0
     * @param k columns of op(A) = rows of op(B), ≥ 0
     * @throws IllegalArgumentException on a negative size, a leading dimension shorter than its
     *     row, or an array too short for its offset and extent
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        GemmRecorder r = recorder;
        if (r == null) {
            KERNEL.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        long t0 = System.nanoTime();
        KERNEL.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        r.add(new GemmRecorder.Call(transA, transB, m, n, k, lda, ldb, ldc, alpha, beta, System.nanoTime() - t0));
    }

    /** Makes {@code r} the open recorder ({@link GemmRecorder#start}). */
    static synchronized void attach(GemmRecorder r) {
        if (recorder != null) {
            throw new IllegalStateException("another GemmRecorder is open; close it first");
        }
        recorder = r;
    }

    /** Closes {@code r} if it is the open recorder. */
    static synchronized void detach(GemmRecorder r) {
        if (recorder == r) {
            recorder = null;
        }
    }

    /**
     * The same product on a named backend (for tests and benchmarks).
     *
     * @throws IllegalStateException when that backend is not {@linkplain #available() available}
     */
    public static void sgemm(GemmBackend backend, boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        SgemmKernel kernel = KERNELS.get(backend);
        if (kernel == null) {
            throw new IllegalStateException(describe(backend));
        }
        check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        kernel.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    private static void check(boolean transA, boolean transB, int m, int n, int k,
                              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("GEMM sizes must be >= 0, got m=" + m + " n=" + n + " k=" + k);
        }
        extent("A", a, aOff, lda, transA ? k : m, transA ? m : k);
        extent("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
        extent("C", c, cOff, ldc, m, n);
    }

    private static void extent(String name, float[] x, int off, int ld, int rows, int cols) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("leading dimension of " + name + " is " + ld
                    + ", must be >= its row length " + Math.max(1, cols));
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        long last = (long) off + (long) (rows - 1) * ld + cols;
        if (off < 0 || last > x.length) {
            throw new IllegalArgumentException(name + " needs elements [" + off + ", " + last
                    + ") but has length " + x.length);
        }
    }

    private static int intProperty(String name, int dflt) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= 256) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalStateException(name + "=" + v + " must be an integer in [1, 256]");
    }

    private static String reason(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
