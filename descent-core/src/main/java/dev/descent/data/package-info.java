/**
 * Data for training: a {@link dev.descent.data.Dataset} of flat float32 rows and int labels,
 * readers for the IDX format ({@link dev.descent.data.Idx}, MNIST and Fashion-MNIST) and CSV
 * ({@link dev.descent.data.Csv}), seeded synthetic sets ({@link dev.descent.data.Synthetic}:
 * spiral, blobs, moons), Fashion-MNIST itself ({@link dev.descent.data.FashionMnist}: the full set
 * from disk, or a stratified subset embedded in the jar), seeded mini-batch iteration with a
 * resumable cursor ({@link dev.descent.data.Batches}), stratified splits
 * ({@link dev.descent.data.Split}) and standardization fitted on the training set
 * ({@link dev.descent.data.Normalization}).
 */
package dev.descent.data;
