package dev.descent.schedule;

/**
 * η_t = end + (lr0 − end)·(1 − min(t, T)/T)^p (optax {@code polynomial_schedule}; with end = 0,
 * PyTorch {@code PolynomialLR}). See {@link Schedule#polynomial}.
 */
record Polynomial(double lr0, double end, double power, long steps) implements Schedule {

    Polynomial {
        Check.lr("lr0", lr0);
        Check.in("end", end, 0, lr0);
        Check.positive("power", power);
        Check.steps("steps", steps);
    }

    @Override
    public double at(long t) {
        double frac = 1.0 - (double) Math.min(Check.step(t), steps) / steps;
        return Check.between(end, lr0, Math.pow(frac, power));
    }
}
