package dev.descent.optim;

import dev.descent.nn.Model;
import dev.descent.nn.ParamRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter groups of one flat buffer of {@code size} parameters: sorted, disjoint ranges.
 * Parameters outside every group are not updated (frozen). Gradient clipping by norm uses the
 * gradients of all groups together.
 *
 * <p>For a model, {@link #noDecayOnBiasesAndNorms(Model)} makes the usual grouping in one call:
 *
 * <pre>{@code
 * Optimizer opt = new AdamW(1e-3).create(ParamGroups.noDecayOnBiasesAndNorms(model));
 * }</pre>
 *
 * @param size the length of the parameter and gradient arrays, ≥ 0
 * @param groups at least one group, sorted by {@code from}, disjoint, each inside [0, size)
 */
public record ParamGroups(int size, List<ParamGroup> groups) {

    /** Validates the groups: sorted, disjoint, inside the buffer. */
    public ParamGroups {
        if (size < 0) {
            throw new IllegalArgumentException("size must be ≥ 0, got " + size);
        }
        Check.notNull("groups", groups);
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("groups must hold at least one parameter group");
        }
        int end = 0;
        for (ParamGroup g : groups) {
            if (g.from() < end) {
                throw new IllegalArgumentException("param groups must be sorted and disjoint: [" + g.from() + ", "
                        + g.to() + ") starts before " + end);
            }
            if (g.to() > size) {
                throw new IllegalArgumentException("param group [" + g.from() + ", " + g.to()
                        + ") ends after the buffer size " + size);
            }
            end = g.to();
        }
    }

    /**
     * {@return one group covering all {@code size} parameters with multipliers 1}
     *
     * @param size the buffer length, ≥ 0
     */
    public static ParamGroups whole(int size) {
        return new ParamGroups(size, List.of(ParamGroup.range(0, size)));
    }

    /**
     * {@return the given groups over a buffer of {@code size} parameters}
     *
     * @param size the buffer length, ≥ 0
     * @param groups sorted, disjoint groups inside [0, size)
     */
    public static ParamGroups of(int size, ParamGroup... groups) {
        return new ParamGroups(size, List.of(groups));
    }

    /**
     * The usual grouping of a model's parameters (as in BERT, GPT-2 and torch examples): weight
     * decay on the weight matrices only, none on biases and batch-norm scales and shifts
     * (weight-decay multiplier 0); the learning rate is the optimizer's everywhere. Neighbouring
     * ranges with the same multipliers are merged, so an MLP has one group per layer kind run.
     *
     * @param model the model whose {@link Model#parameterRanges()} cover its buffer
     * @return groups over {@code model.paramCount()} parameters
     */
    public static ParamGroups noDecayOnBiasesAndNorms(Model model) {
        List<ParamGroup> out = new ArrayList<>();
        for (ParamRange r : model.parameterRanges()) {
            double decay = r.kind() == ParamRange.Kind.WEIGHT ? 1 : 0;
            ParamGroup last = out.isEmpty() ? null : out.getLast();
            if (last != null && last.to() == r.from() && last.weightDecayScale() == decay) {
                out.set(out.size() - 1, new ParamGroup(last.from(), r.to(), 1, decay));
            } else {
                out.add(new ParamGroup(r.from(), r.to(), 1, decay));
            }
        }
        return new ParamGroups(model.paramCount(), out);
    }

    /** {@return the number of groups} */
    public int count() {
        return groups.size();
    }

    /**
     * {@return group {@code k}}
     *
     * @param k the index, in [0, count())
     */
    public ParamGroup group(int k) {
        return groups.get(k);
    }
}
