package dev.descent.schedule;

import java.util.Arrays;
import java.util.List;

/**
 * Schedule i+1 takes over at boundary i and sees steps counted from it (optax
 * {@code join_schedules}). See {@link Schedule#sequence}.
 */
record Sequence(List<Schedule> schedules, long[] boundaries) implements Schedule {

    Sequence {
        Check.notNull("schedules", schedules);
        Check.notNull("boundaries", boundaries);
        schedules = List.copyOf(schedules);
        boundaries = boundaries.clone();
        if (schedules.isEmpty()) {
            throw new IllegalArgumentException("schedules must hold at least one schedule");
        }
        if (boundaries.length != schedules.size() - 1) {
            throw new IllegalArgumentException("boundaries must hold one step fewer than schedules ("
                    + (schedules.size() - 1) + "), got " + boundaries.length);
        }
        for (int i = 0; i < boundaries.length; i++) {
            if (boundaries[i] < 1 || (i > 0 && boundaries[i] <= boundaries[i - 1])) {
                throw new IllegalArgumentException(
                        "boundaries must be strictly increasing steps ≥ 1, got " + Arrays.toString(boundaries));
            }
        }
    }

    @Override
    public double at(long t) {
        Check.step(t);
        int i = boundaries.length;
        while (i > 0 && t < boundaries[i - 1]) {
            i--;
        }
        return schedules.get(i).at(i == 0 ? t : t - boundaries[i - 1]);
    }

    @Override
    public long[] boundaries() {
        return boundaries.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sequence s && schedules.equals(s.schedules) && Arrays.equals(boundaries, s.boundaries);
    }

    @Override
    public int hashCode() {
        return schedules.hashCode() * 31 + Arrays.hashCode(boundaries);
    }

    @Override
    public String toString() {
        return "Sequence[schedules=" + schedules + ", boundaries=" + Arrays.toString(boundaries) + "]";
    }
}
