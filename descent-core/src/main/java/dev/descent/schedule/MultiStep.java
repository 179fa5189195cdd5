package dev.descent.schedule;

import java.util.Arrays;

/**
 * η_t = lr0 · γ^k, k = the number of milestones ≤ t (PyTorch {@code MultiStepLR}). See
 * {@link Schedule#multiStep}.
 */
record MultiStep(double lr0, long[] milestones, double gamma) implements Schedule {

    MultiStep {
        Check.lr("lr0", lr0);
        Check.notNull("milestones", milestones);
        if (milestones.length == 0) {
            throw new IllegalArgumentException("milestones must hold at least one step");
        }
        milestones = milestones.clone();
        for (int i = 0; i < milestones.length; i++) {
            if (milestones[i] < 1 || (i > 0 && milestones[i] <= milestones[i - 1])) {
                throw new IllegalArgumentException(
                        "milestones must be strictly increasing steps ≥ 1, got " + Arrays.toString(milestones));
            }
        }
        Check.factor("gamma", gamma);
    }

    @Override
    public double at(long t) {
        Check.step(t);
        int k = 0;
        while (k < milestones.length && milestones[k] <= t) {
            k++;
        }
        return lr0 * Math.pow(gamma, k);
    }

    @Override
    public long[] milestones() {
        return milestones.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiStep m
                && Double.compare(lr0, m.lr0) == 0
                && Arrays.equals(milestones, m.milestones)
                && Double.compare(gamma, m.gamma) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lr0) * 31 * 31 + Arrays.hashCode(milestones) * 31 + Double.hashCode(gamma);
    }

    @Override
    public String toString() {
        return "MultiStep[lr0=" + lr0 + ", milestones=" + Arrays.toString(milestones) + ", gamma=" + gamma + "]";
    }
}
