package dev.descent.schedule;

/**
 * η_t = min + (lr0 − min)·(1 + cos(π·min(t, T)/T))/2 (SGDR without restarts; PyTorch
 * {@code CosineAnnealingLR} closed form, optax {@code cosine_decay_schedule}). See
 * {@link Schedule#cosine}.
 */
record Cosine(double lr0, long steps, double min) implements Schedule {

    Cosine {
        Check.lr("lr0", lr0);
        Check.steps("steps", steps);
        Check.in("min", min, 0, lr0);
    }

    @Override
    public double at(long t) {
        double tc = Math.min(Check.step(t), steps);
        return Check.between(min, lr0, (1 + Math.cos(Math.PI * tc / steps)) / 2);
    }
}
