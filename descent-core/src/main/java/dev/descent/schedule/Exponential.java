package dev.descent.schedule;

/** η_t = lr0 · e^(−k·t) (Keras {@code ExponentialDecay}, continuous). See {@link Schedule#exponential}. */
record Exponential(double lr0, double k) implements Schedule {

    Exponential {
        Check.lr("lr0", lr0);
        Check.decay("k", k);
    }

    @Override
    public double at(long t) {
        return lr0 * Math.exp(-k * Check.step(t));
    }
}
