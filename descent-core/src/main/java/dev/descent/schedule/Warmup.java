package dev.descent.schedule;

/**
 * A linear ramp from s·L to L over T steps, then {@code then} counted from step T, where
 * L = then.at(0). See {@link Schedule#warmup}.
 */
record Warmup(long steps, double startFactor, Schedule then) implements Schedule {

    Warmup {
        Check.steps("steps", steps);
        Check.in("startFactor", startFactor, 0, 1);
        Check.notNull("then", then);
    }

    @Override
    public double at(long t) {
        if (Check.step(t) >= steps) {
            return then.at(t - steps);
        }
        return then.at(0) * (startFactor + (1 - startFactor) * t / steps);
    }
}
