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
 * The choice is logged once, through {@link System.Logger} {@code dev.descent.linalg.Gemm}
 * (the library never prints): silently ({@code DEBUG}) when OpenBLAS is in use, and otherwise with
 * why OpenBLAS (and the Vector API kernel) could not be used and how to fix it; the same line is
 * {@link #selectionReport()}.
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

    private static final String REPORT;

    static {
        threads = intProperty("descent.gemm.threads", 1);
        boolean named = Gemm.class.getModule().isNamed();
        boolean openBlasAbsent = false;
        try {
            KERNELS.put(GemmBackend.OPENBLAS, new OpenBlasSgemm(threads));
        } catch (Throwable t) {
            boolean observable = named && GemmSelection.onModulePath(System.getProperty("jdk.module.path"), "org.bytedeco.openblas");
            boolean resolved = ModuleLayer.boot().findModule("org.bytedeco.openblas").isPresent();
            openBlasAbsent = GemmSelection.absent(t, named, observable);
            UNAVAILABLE.put(GemmBackend.OPENBLAS, GemmSelection.openBlasProblem(t, named, observable, resolved,
                    GemmSelection.platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""))));
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                KERNELS.put(GemmBackend.VECTOR, new VectorSgemm());
            } catch (Throwable t) {
                UNAVAILABLE.put(GemmBackend.VECTOR, GemmSelection.reason(t));
            }
        } else {
            UNAVAILABLE.put(GemmBackend.VECTOR, GemmSelection.vectorModuleMissing());
        }
        KERNELS.put(GemmBackend.SCALAR, new ScalarSgemm());
        GemmSelection.Choice choice = GemmSelection.choose(KERNELS.keySet(), UNAVAILABLE, openBlasAbsent,
                System.getProperty("descent.gemm"), b -> KERNELS.get(b).describe());
        SELECTED = choice.backend();
        KERNEL = KERNELS.get(SELECTED);
        REPORT = choice.report();
        System.getLogger(Gemm.class.getName()).log(choice.level(), REPORT);
    }

    private Gemm() {}

    /**
     * The backend every {@code sgemm} call without a backend argument uses, chosen once per JVM.
     *
     * @return the backend in use
     */
    public static GemmBackend backend() {
        return SELECTED;
    }

    /**
     * The one line this class logged, once, when it chose its backend: which backend is in use
     * and, when it is not OpenBLAS, why not and how to fix it. For example
     * {@code "matrix multiply: vector (jdk.incubator.vector, 512-bit, 4x48 tile) (about 0.8x
     * OpenBLAS's speed), because OpenBLAS is unavailable: its classes are not on the class path: add
     * the dependency dev.descent:descent-openblas"}.
     *
     * <p>It is logged through {@link System.Logger} (name {@code dev.descent.linalg.Gemm}) at
     * {@code DEBUG} when OpenBLAS or a backend forced by {@code -Ddescent.gemm} is in use, at
     * {@code INFO} when the Vector API kernel is used because OpenBLAS is not a dependency, and at
     * {@code WARNING} when OpenBLAS is a dependency but cannot load, or the scalar loops are in use.
     *
     * @return the report, never null
     */
    public static String selectionReport() {
        return REPORT;
    }

    /**
     * Describes the backend in use, for logs and reports.
     *
     * @return one line: the backend's id, library, build, CPU core and threads
     */
    public static String describe() {
        return KERNEL.describe();
    }

    /**
     * Describes any backend, or says why it is unavailable in this JVM.
     *
     * @param backend the backend to describe
     * @return one line: its description, or {@code "<id> unavailable: <why and the fix>"}
     */
    public static String describe(GemmBackend backend) {
        SgemmKernel k = KERNELS.get(backend);
        return k != null ? k.describe() : backend.id() + " unavailable: " + UNAVAILABLE.get(backend);
    }

    /**
     * The backends that loaded and passed their self-test in this JVM.
     *
     * @return a new set, in {@link GemmBackend} order (fastest first); always holds
     *     {@link GemmBackend#SCALAR}
     */
    public static Set<GemmBackend> available() {
        return KERNELS.isEmpty() ? EnumSet.noneOf(GemmBackend.class) : EnumSet.copyOf(KERNELS.keySet());
    }

    /**
     * The number of threads OpenBLAS uses; the Java kernels always use 1.
     *
     * @return 1 unless set by {@code -Ddescent.gemm.threads} or {@link #setThreads(int)}
     */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the number of OpenBLAS threads. No effect on the Java kernels.
     *
     * @param n threads, 1 to 256
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

    /**
     * C ← α·op(A)·op(B) + β·C on dense arrays (leading dimensions = row lengths, offsets 0), with
     * the backend in use.
     *
     * @param transA use Aᵀ: A is stored k×m (else m×k), row-major
     * @param transB use Bᵀ: B is stored n×k (else k×n), row-major
     * @param m rows of op(A) and C, ≥ 0
     * @param n columns of op(B) and C, ≥ 0
     * @param k columns of op(A) = rows of op(B), ≥ 0
     * @param alpha the product's scale α
     * @param a A, at least m·k elements
     * @param b B, at least k·n elements
     * @param beta the scale β of C's old value; 0 overwrites C (NaN in C does not survive)
     * @param c C, at least m·n elements, overwritten with the result
     * @throws IllegalArgumentException on a negative size or an array too short
     */
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
     * @param alpha the product's scale α
     * @param a the array holding A
     * @param aOff index in {@code a} of A's first element, ≥ 0
     * @param lda A's leading dimension (row stride), ≥ its row length and ≥ 1
     * @param b the array holding B
     * @param bOff index in {@code b} of B's first element, ≥ 0
     * @param ldb B's leading dimension, ≥ its row length and ≥ 1
     * @param beta the scale β of C's old value; 0 overwrites C (NaN in C does not survive)
     * @param c the array holding C, overwritten with the result
     * @param cOff index in {@code c} of C's first element, ≥ 0
     * @param ldc C's leading dimension, ≥ n and ≥ 1
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
     * The same product on a named backend (for tests and benchmarks); the other parameters are
     * those of {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[],
     * int, int, float, float[], int, int)}.
     *
     * @param backend the backend to run on
     * @param transA use Aᵀ
     * @param transB use Bᵀ
     * @param m rows of op(A) and C, ≥ 0
     * @param n columns of op(B) and C, ≥ 0
     * @param k columns of op(A) = rows of op(B), ≥ 0
     * @param alpha the product's scale α
     * @param a the array holding A
     * @param aOff index in {@code a} of A's first element, ≥ 0
     * @param lda A's leading dimension
     * @param b the array holding B
     * @param bOff index in {@code b} of B's first element, ≥ 0
     * @param ldb B's leading dimension
     * @param beta the scale β of C's old value
     * @param c the array holding C, overwritten with the result
     * @param cOff index in {@code c} of C's first element, ≥ 0
     * @param ldc C's leading dimension
     * @throws IllegalStateException when that backend is not {@linkplain #available() available}
     * @throws IllegalArgumentException on bad sizes, as the other overload
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
}
