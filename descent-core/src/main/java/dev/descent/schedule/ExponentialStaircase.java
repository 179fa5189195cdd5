package dev.descent.schedule;

/**
 * η_t = lr0 · r^⌊t/T⌋ (Keras {@code ExponentialDecay(staircase=True)}; with T = 1, PyTorch
 * {@code ExponentialLR}). See {@link Schedule#exponentialStaircase}.
 */
record ExponentialStaircase(double lr0, double rate, long every) implements Schedule {

    ExponentialStaircase {
        Check.lr("lr0", lr0);
        Check.factor("rate", rate);
        Check.steps("every", every);
    }

    @Override
    public double at(long t) {
        return lr0 * Math.pow(rate, (double) (Check.step(t) / every));
    }
}
