package dev.descent.spark;

import org.apache.spark.sql.SparkSession;

/** One small, quiet Spark session for a test class. */
final class TestSpark {
    private TestSpark() {}

    static SparkSession session(String master) {
        NativeBlas.protectMllib();
        SparkSession s = SparkSession.builder()
                .master(master)
                .appName("descent-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }
}
