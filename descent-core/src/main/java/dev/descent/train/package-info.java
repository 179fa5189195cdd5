/**
 * Mini-batch training: the {@link dev.descent.train.Trainer} loop (lr from the schedule → batch →
 * forward/backward → clip → step → metrics → periodic evaluation and checkpoint) over a
 * {@link dev.descent.train.Network} ({@link dev.descent.train.ModelNetwork} adapts an
 * {@code nn.Model}), configured by a {@link dev.descent.train.TrainConfig}; its
 * {@link dev.descent.train.History} of evaluations and divergence events; divergence handling by
 * rollback and learning-rate cuts; atomic, checksummed {@link dev.descent.train.Checkpoint}s that
 * resume bit-identically; and {@link dev.descent.train.ModelObjective}, the bridge that turns a
 * model and a data set into a full-batch {@code minimize.Objective}.
 */
package dev.descent.train;
