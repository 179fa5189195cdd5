package dev.descent.linalg;

/**
 * One single-precision GEMM implementation: C ← α·op(A)·op(B) + β·C over row-major arrays with
 * offsets and leading dimensions, as in CBLAS with {@code CblasRowMajor}. Arguments are checked by
 * {@link Gemm} before a kernel sees them.
 */
interface SgemmKernel {

    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc);

    /** A one-line description: library, version, threads. */
    String describe();
}
