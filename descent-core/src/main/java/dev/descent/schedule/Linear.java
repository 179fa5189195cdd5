package dev.descent.schedule;

/**
 * η_t = lr0·(s + (e − s)·min(t, T)/T) (PyTorch {@code LinearLR} closed form). See
 * {@link Schedule#linear} and {@link Schedule#linearWarmup}.
 */
record Linear(double lr0, double startFactor, double endFactor, long steps) implements Schedule {

    Linear {
        Check.lr("lr0", lr0);
        Check.in("startFactor", startFactor, 0, 1);
        Check.in("endFactor", endFactor, 0, 1);
        Check.steps("steps", steps);
    }

    @Override
    public double at(long t) {
        double tc = Math.min(Check.step(t), steps);
        return lr0 * (startFactor + (endFactor - startFactor) * tc / steps);
    }
}
