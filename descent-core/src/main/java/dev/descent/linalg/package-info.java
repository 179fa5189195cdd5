/**
 * Kernels on flat primitive arrays: {@link dev.descent.linalg.Vec} (dot, axpy, norms, precision
 * conversion) and {@link dev.descent.linalg.Gemm}, single-precision matrix multiply with an
 * OpenBLAS backend (bytedeco's natives, called in place through the FFM API), a Vector API
 * fallback and a scalar fallback, chosen automatically or by {@code -Ddescent.gemm}.
 */
package dev.descent.linalg;
