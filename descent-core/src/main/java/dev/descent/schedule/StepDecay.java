package dev.descent.schedule;

/**
 * η_t = lr0 · γ^⌊t/every⌋ (PyTorch {@code StepLR}; also Keras {@code ExponentialDecay(staircase=True)}
 * with decay rate γ, and PyTorch {@code ExponentialLR} with every = 1). See {@link Schedule#step}
 * and {@link Schedule#exponentialStaircase}.
 */
record StepDecay(double lr0, long every, double gamma) implements Schedule {

    StepDecay {
        Check.lr("lr0", lr0);
        Check.steps("every", every);
        Check.factor("gamma", gamma);
    }

    @Override
    public double at(long t) {
        return lr0 * Math.pow(gamma, (double) (Check.step(t) / every));
    }
}
