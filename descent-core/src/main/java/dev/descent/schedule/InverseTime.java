package dev.descent.schedule;

/** η_t = lr0 / (1 + k·t) (Keras {@code InverseTimeDecay}). See {@link Schedule#inverseTime}. */
record InverseTime(double lr0, double k) implements Schedule {

    InverseTime {
        Check.lr("lr0", lr0);
        Check.decay("k", k);
    }

    @Override
    public double at(long t) {
        return lr0 / (1 + k * Check.step(t));
    }
}
