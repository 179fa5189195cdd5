package dev.descent.schedule;

/** η_t = lr0. See {@link Schedule#constant}. */
record Constant(double lr0) implements Schedule {

    Constant {
        Check.lr("lr0", lr0);
    }

    @Override
    public double at(long t) {
        Check.step(t);
        return lr0;
    }
}
