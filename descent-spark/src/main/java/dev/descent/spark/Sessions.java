package dev.descent.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/**
 * Opens the Spark session of a command: checks the master URL first, so that a typo or an
 * unreachable standalone master is one clear error within seconds instead of a hang.
 */
public final class Sessions {

    private static final Pattern MASTER = Pattern.compile(
            "local|local\\[(\\d+|\\*)(,\\d+)?]|local-cluster\\[\\d+,\\d+,\\d+]|spark://[^\\s]+|yarn|k8s://[^\\s]+");

    private Sessions() {}

    /**
     * A session on {@code master} (null: the {@code spark.master} that spark-submit set, else
     * {@code local[*]}).
     *
     * @param master the master URL, or null
     * @param appName the application's name in Spark's UI and logs
     * @param connectSeconds how long to try to reach a standalone master, and then to wait for
     *     its first executor, &gt; 0
     * @return the session, with Spark's log level at WARN
     * @throws IllegalArgumentException for a malformed master URL or an unreachable master
     * @throws IllegalStateException when no executor registers in time
     */
    public static SparkSession open(String master, String appName, double connectSeconds) {
        String m = master != null ? master.strip() : System.getProperty("spark.master");
        if (m != null && !MASTER.matcher(m).matches()) {
            throw new IllegalArgumentException("--master '" + m + "' is not a Spark master URL: use local[N], local[N,F] "
                    + "(F attempts per task), spark://HOST:PORT, yarn or k8s://...");
        }
        if (m != null && m.startsWith("spark://")) {
            checkReachable(m, connectSeconds);
        }
        NativeBlas.protectMllib();
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.ui.showConsoleProgress", "false");
        if (m == null) {
            m = "local[*]";
        }
        b.master(m);
        if (m.startsWith("local")) {
            b.config("spark.ui.enabled", "false");
        } else if (System.getProperty("dev.ludovic.netlib.blas.nativeLib") != null
                && System.getProperty("spark.executor.extraJavaOptions") == null) {
            // the executors load descent's OpenBLAS too: keep their netlib off native BLAS as well
            b.config("spark.executor.extraJavaOptions", "-Ddev.ludovic.netlib.blas.nativeLib="
                    + System.getProperty("dev.ludovic.netlib.blas.nativeLib"));
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        if (m.startsWith("spark://")) {
            awaitExecutor(spark, m, connectSeconds);
        }
        return spark;
    }

    /** Tries a TCP connection to every host:port of a {@code spark://} URL. */
    static void checkReachable(String master, double seconds) {
        String hosts = master.substring("spark://".length());
        IOException last = null;
        for (String hp : hosts.split(",")) {
            int colon = hp.lastIndexOf(':');
            String host = colon > 0 ? hp.substring(0, colon) : hp;
            int port;
            try {
                port = colon > 0 ? Integer.parseInt(hp.substring(colon + 1).replaceAll("/.*", "")) : 7077;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--master " + master + ": '" + hp + "' is not HOST:PORT");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), (int) Math.max(1, seconds * 1000));
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IllegalArgumentException("cannot reach the Spark master " + master + " ("
                + (last == null || last.getMessage() == null ? "no answer" : last.getMessage())
                + "): start it (sbin/start-master.sh) or check --master");
    }

    private static void awaitExecutor(SparkSession spark, String master, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < 2) {
            if (System.nanoTime() > deadline) {
                spark.stop();
                throw new IllegalStateException("no executor registered with " + master + " within " + seconds
                        + " s: start a worker (sbin/start-worker.sh " + master + ") or check its memory and cores");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for executors", e);
            }
        }
    }
}
