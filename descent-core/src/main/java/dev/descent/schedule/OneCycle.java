package dev.descent.schedule;

/**
 * The one-cycle policy with cosine annealing, PyTorch {@code OneCycleLR} semantics. See
 * {@link Schedule#oneCycle(double, long, double, double, double)}.
 */
record OneCycle(double maxLr, long steps, double pctStart, double divFactor, double finalDivFactor)
        implements Schedule {

    OneCycle {
        Check.lr("maxLr", maxLr);
        Check.steps("steps", steps);
        Check.in("pctStart", pctStart, 0, 1);
        Check.positive("divFactor", divFactor);
        Check.positive("finalDivFactor", finalDivFactor);
        double up = pctStart * steps - 1;
        if (!(up > 0 && up < steps - 1)) {
            throw new IllegalArgumentException("pctStart·steps must be in (1, steps) so both phases have a length,"
                    + " got pctStart=" + pctStart + ", steps=" + steps);
        }
    }

    @Override
    public double at(long t) {
        double initial = maxLr / divFactor;
        double last = initial / finalDivFactor;
        double up = pctStart * steps - 1; // end of phase 1, as a float step, exactly as PyTorch 1.13
        double down = steps - 1;
        double s = Math.min(Check.step(t), steps - 1);
        if (s <= up) {
            return anneal(initial, maxLr, s / up);
        }
        return anneal(maxLr, last, (s - up) / (down - up));
    }

    /** Cosine interpolation from start (pct = 0) to end (pct = 1). */
    private static double anneal(double start, double end, double pct) {
        return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
    }
}
