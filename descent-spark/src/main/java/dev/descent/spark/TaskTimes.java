package dev.descent.spark;

import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * A listener that sums Spark's task metrics while it is registered: the cluster side of the
 * time breakdown (task deserialization, run time, result serialization, bytes returned).
 */
final class TaskTimes extends SparkListener {
    private long jobs;
    private long tasks;
    private long failedTasks;
    private long deserializeMs;
    private long runMs;
    private long cpuNs;
    private long resultSerializeMs;
    private long resultBytes;

    @Override
    public synchronized void onJobStart(SparkListenerJobStart e) {
        jobs++;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
        tasks++;
        if (!e.taskInfo().successful()) {
            failedTasks++;
        }
        TaskMetrics m = e.taskMetrics();
        if (m != null) {
            deserializeMs += m.executorDeserializeTime();
            runMs += m.executorRunTime();
            cpuNs += m.executorCpuTime();
            resultSerializeMs += m.resultSerializationTime();
            resultBytes += m.resultSize();
        }
    }

    /** Waits (up to 10 s) until the listeners have seen every event posted so far. */
    static void drain(org.apache.spark.SparkContext sc) {
        try {
            sc.listenerBus().waitUntilEmpty(10_000);
        } catch (java.util.concurrent.TimeoutException e) {
            // the counts may miss the last events; they are reports, not results
        }
    }

    /** A snapshot of the sums. */
    synchronized SparkFit.Tasks snapshot() {
        return new SparkFit.Tasks(jobs, tasks, failedTasks, deserializeMs * 1e-3, runMs * 1e-3, cpuNs * 1e-9,
                resultSerializeMs * 1e-3, resultBytes);
    }
}
