package dev.descent.cli;

import dev.descent.nn.ModelSpec;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Range checks on sizes, made before any allocation: a size that cannot fit in an array or in
 * this JVM's heap is a usage error naming the flag and the fix, not an out-of-memory failure after
 * seconds of work.
 */
final class Limits {

    /** The most threads any command accepts. */
    static final int MAX_THREADS = 1024;

    /** The largest Java array: a few elements below {@link Integer#MAX_VALUE}. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Limits() {}

    /**
     * Checks a thread count: 1 to {@value #MAX_THREADS}; more than the cores gets a one-line
     * warning on {@code err} (threads beyond the cores only wait for each other).
     *
     * @throws IllegalArgumentException out of range
     */
    static void threads(String flag, int threads, PrintWriter err) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException(flag + " must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads > cores) {
            err.println("descent: warning: " + flag + " " + threads + " is more than the " + cores + " cores of this machine;"
                    + " the extra threads only wait for each other (give " + flag + " " + cores + " or fewer)");
            err.flush();
        }
    }

    /**
     * Checks that {@code count} elements of {@code bytesEach} bytes, in {@code copies} arrays,
     * fit in one Java array each and together in the heap.
     *
     * @param what what the arrays hold, for the message (for example {@code "--dim 2000000000"})
     * @param fix what to do instead
     * @throws IllegalArgumentException when they cannot fit
     */
    static void fits(String what, double count, int bytesEach, double copies, String fix) {
        if (count > MAX_ARRAY) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s needs arrays of %.3g elements, more than a Java array holds"
                    + " (%d); %s", what, count, MAX_ARRAY, fix));
        }
        double bytes = count * bytesEach * copies;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s needs at least %s of memory, more than this JVM's heap (%s);"
                    + " %s, or give more heap (DESCENT_JAVA_OPTS=-Xmx16g)", what, bytes(bytes), bytes(heap), fix));
        }
    }

    /**
     * Checks that a model of this spec fits: its parameter count in one array, and its
     * parameters, gradients and two optimizer moments in the heap.
     *
     * @throws IllegalArgumentException naming --model and the parameter count
     */
    static void model(ModelSpec ms, String text) {
        double params = 0;
        int in = ms.inputSize();
        for (int h : ms.hidden()) {
            params += (double) in * h + h + (ms.batchNorm() ? 2.0 * h : 0);
            in = h;
        }
        params += (double) in * ms.classes() + ms.classes();
        fits(String.format(Locale.ROOT, "--model %s (%.3g parameters)", text, params), params, Float.BYTES, 4,
                "choose narrower layers");
    }

    private static String bytes(double b) {
        return b >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", b / 1e9) : String.format(Locale.ROOT, "%.0f MB", b / 1e6);
    }
}
