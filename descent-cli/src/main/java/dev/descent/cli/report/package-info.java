/**
 * The tour's report: charts as plain records ({@link dev.descent.cli.report.XYChart},
 * {@link dev.descent.cli.report.BarChart}, {@link dev.descent.cli.report.Series}) that
 * {@link dev.descent.cli.report.SvgRenderer} draws with JFreeChart into inline SVG and that
 * {@link dev.descent.cli.report.Report} also writes to {@code results.json}, so what is drawn and
 * what is recorded are the same numbers. {@link dev.descent.cli.report.Contours} computes contour
 * lines by marching squares; {@link dev.descent.cli.report.Json} and
 * {@link dev.descent.io.OutputFile} write the files (Jackson, the CLI's one JSON writer; atomic renames for regular files only).
 *
 * <pre>{@code
 * XYChart c = XYChart.builder("loss", "Training loss", "epoch", "loss").logY().line("adam", x, y).build();
 * Section s = new Section(1, "lr", "Learning rate", "why", List.of(c), null, takeaway, command, seed, seconds, null, numbers);
 * new Report("descent tour", meta, List.of(s)).write(Path.of("descent-report"));
 * }</pre>
 */
package dev.descent.cli.report;
