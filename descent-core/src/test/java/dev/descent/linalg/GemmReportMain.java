package dev.descent.linalg;

/** Prints the backend in use; started in a fresh JVM by {@link GemmBackendLogTest}. */
final class GemmReportMain {

    private GemmReportMain() {}

    public static void main(String[] args) {
        System.out.println(Gemm.backend().id());
    }
}
