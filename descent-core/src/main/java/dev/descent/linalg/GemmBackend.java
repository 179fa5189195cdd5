package dev.descent.linalg;

/**
 * The matrix-multiply implementations {@link Gemm} can run, fastest first.
 *
 * <ul>
 *   <li>{@link #OPENBLAS}: {@code cblas_sgemm} of the OpenBLAS build that bytedeco ships on Maven
 *       Central (one platform per build, chosen by {@code dev.descent:descent-openblas}), called through the Foreign Function &amp; Memory API on the Java
 *       arrays themselves (no copies). Needs the natives and {@code --enable-native-access}.
 *   <li>{@link #VECTOR}: a blocked, packed, register-tiled kernel on the Vector API
 *       ({@code jdk.incubator.vector}); needs {@code --add-modules jdk.incubator.vector}.
 *   <li>{@link #SCALAR}: plain Java loops; always available.
 * </ul>
 */
public enum GemmBackend {
    /** OpenBLAS's {@code cblas_sgemm} (artifact {@code dev.descent:descent-openblas}). */
    OPENBLAS("openblas"),
    /** descent's blocked, packed Vector API kernel. */
    VECTOR("vector"),
    /** Plain Java loops. */
    SCALAR("scalar");

    private final String id;

    GemmBackend(String id) {
        this.id = id;
    }

    /**
     * The name used by the {@code descent.gemm} system property and the CLI.
     *
     * @return {@code openblas}, {@code vector} or {@code scalar}
     */
    public String id() {
        return id;
    }

    /**
     * The backend named {@code id}.
     *
     * @param id {@code openblas}, {@code vector} or {@code scalar}, in any case, blanks around ignored
     * @return that backend
     * @throws IllegalArgumentException naming the valid choices for any other string
     */
    public static GemmBackend of(String id) {
        for (GemmBackend b : values()) {
            if (b.id.equalsIgnoreCase(id.strip())) {
                return b;
            }
        }
        throw new IllegalArgumentException(
                "unknown GEMM backend '" + id + "': use openblas, vector or scalar");
    }
}
