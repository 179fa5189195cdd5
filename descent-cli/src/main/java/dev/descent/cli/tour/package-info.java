/**
 * {@code descent tour}'s experiments: one {@link dev.descent.cli.tour.Experiment} per section of
 * the report (learning rate, decay, first against second order, cost against N, full batch
 * against mini-batch, Adam as a default, the learning-rate range test). {@link dev.descent.cli.tour.Tour}
 * runs them (untimed ones in parallel, each with its own seed; timed ones alone afterwards) and
 * assembles the {@link dev.descent.cli.report.Report}. Every takeaway is computed from the run's
 * numbers; an experiment that fails becomes a section that says so.
 */
package dev.descent.cli.tour;
