package dev.descent.optim;

import java.util.List;

/**
 * The parameter groups of one flat buffer of {@code size} parameters: sorted, disjoint ranges.
 * Parameters outside every group are not updated (frozen). Gradient clipping by norm uses the
 * gradients of all groups together.
 *
 * @param size the length of the parameter and gradient arrays, ≥ 0
 * @param groups at least one group, sorted by {@code from}, disjoint, each inside [0, size)
 */
public record ParamGroups(int size, List<ParamGroup> groups) {

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

    /** One group covering all {@code size} parameters with multipliers 1. */
    public static ParamGroups whole(int size) {
        return new ParamGroups(size, List.of(ParamGroup.range(0, size)));
    }

    /** The given groups over a buffer of {@code size} parameters. */
    public static ParamGroups of(int size, ParamGroup... groups) {
        return new ParamGroups(size, List.of(groups));
    }

    /** The number of groups. */
    public int count() {
        return groups.size();
    }

    /** Group {@code k}. */
    public ParamGroup group(int k) {
        return groups.get(k);
    }
}
