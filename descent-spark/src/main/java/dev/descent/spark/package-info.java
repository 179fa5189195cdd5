/**
 * descent's objectives on Apache Spark: every descent minimizer, unchanged, on a training set
 * cached in a cluster.
 *
 * <p>A tour:
 * <ul>
 *   <li>{@link dev.descent.spark.SparkData} loads a source (synthetic rows generated in the
 *       executors, libsvm, CSV, Parquet, Fashion-MNIST) into a cached
 *       {@link dev.descent.spark.TrainingSet} of {@link dev.descent.spark.Block}s;
 *   <li>{@link dev.descent.spark.ModelRecipe} says which descent model every executor builds;
 *   <li>{@link dev.descent.spark.SparkObjective} is the full-batch objective (mean loss plus
 *       (λ/2)·‖W‖²): one broadcast and one {@code treeAggregate} of per-block kernels per
 *       evaluation, merged with compensated sums ({@link dev.descent.spark.Partial});
 *   <li>{@link dev.descent.spark.SampledSparkObjective} is the same objective over samples of
 *       partitions, on which {@link dev.descent.spark.MultiBatchFit} runs descent-core's multi-batch
 *       L-BFGS ({@code --method mb-lbfgs});
 *   <li>{@link dev.descent.spark.SparkFit} runs a minimizer on it, and
 *       {@link dev.descent.spark.MllibBaseline} fits MLlib's {@code LogisticRegression} on the same
 *       cached data and judges it by the same objective;
 *   <li>{@link dev.descent.spark.SparkMain} is the command line ({@code descent spark fit}), with
 *       {@link dev.descent.spark.Sessions} opening the session (and failing fast on a bad master).
 * </ul>
 */
package dev.descent.spark;
