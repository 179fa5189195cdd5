package dev.descent.schedule;

/**
 * SGDR: η_t = min + (lr0 − min)·(1 + cos(π·T_cur/T_i))/2, where the i-th cycle lasts
 * T_i = T0·Tmult^i steps and T_cur counts steps since its start (PyTorch
 * {@code CosineAnnealingWarmRestarts}). See {@link Schedule#cosineWarmRestarts}.
 */
record CosineRestarts(double lr0, long t0, long tMult, double min) implements Schedule {

    CosineRestarts {
        Check.lr("lr0", lr0);
        Check.steps("t0", t0);
        Check.steps("tMult", tMult);
        Check.in("min", min, 0, lr0);
    }

    @Override
    public double at(long t) {
        Check.step(t);
        long tCur;
        long tI = t0;
        if (tMult == 1) {
            tCur = t % t0;
        } else {
            long start = 0;
            // walk the cycles; T_i grows geometrically, so this takes O(log t) iterations
            while (tI <= Long.MAX_VALUE - start && t >= start + tI) {
                start += tI;
                tI = tI > Long.MAX_VALUE / tMult ? Long.MAX_VALUE : tI * tMult;
            }
            tCur = t - start;
        }
        return Check.between(min, lr0, (1 + Math.cos(Math.PI * tCur / tI)) / 2);
    }
}
