/**
 * Learning-rate schedules: pure functions of the step, and the one stateful rule.
 *
 * <p>A tour:
 * <ul>
 *   <li>{@link dev.descent.schedule.Schedule}: {@code double at(long t)}, with static factories
 *       (constant, step, multiStep, exponential, exponentialStaircase, inverseTime, polynomial,
 *       cosine, cosineWarmRestarts, linear, linearWarmup, oneCycle) and combinators (sequence,
 *       warmup, scale, {@code then}, {@code scaled}). Each factory's Javadoc gives the formula,
 *       the reference and PyTorch's defaults.</li>
 *   <li>{@link dev.descent.schedule.ScheduleSpec}: the text form
 *       {@code warmup:steps=100+cosine:steps=1000,min=1e-5}, its grammar and its errors.</li>
 *   <li>{@link dev.descent.schedule.PlateauConfig} and {@link dev.descent.schedule.ReduceOnPlateau}:
 *       reduce-on-plateau (PyTorch {@code ReduceLROnPlateau}), which reads a metric and is
 *       checkpointed as bytes.</li>
 * </ul>
 * The implementations are package-private records; the library never prints.
 */
package dev.descent.schedule;
