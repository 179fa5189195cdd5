package dev.descent.cli;

/** Whether standard error is a terminal, where progress bars are drawn. */
final class Terminal {

    private Terminal() {}

    /**
     * Whether standard error is a terminal. The {@code descent} launcher knows it (it passes
     * {@code -Ddescent.stderr.tty}, since it filters standard error through a pipe); run
     * without it, the JVM's console tells (a terminal on both standard input and output).
     *
     * @return true when a progress bar on standard error would be seen
     */
    static boolean stderr() {
        String p = System.getProperty("descent.stderr.tty");
        if (p != null) {
            return Boolean.parseBoolean(p);
        }
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }
}
