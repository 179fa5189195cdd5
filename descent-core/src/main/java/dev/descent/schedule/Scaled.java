package dev.descent.schedule;

/** η_t = c · inner(t). See {@link Schedule#scale}. */
record Scaled(Schedule inner, double factor) implements Schedule {

    Scaled {
        Check.notNull("inner", inner);
        Check.nonNegative("factor", factor);
    }

    @Override
    public double at(long t) {
        return factor * inner.at(t);
    }
}
