package dev.descent.minimize;

/**
 * The Moré–Thuente line search: finds α satisfying the strong Wolfe conditions
 * <pre>
 *   φ(α) ≤ φ(0) + c₁·α·φ′(0)        (sufficient decrease)
 *   |φ′(α)| ≤ c₂·|φ′(0)|              (curvature)
 * </pre>
 * by safeguarded cubic and quadratic interpolation on an interval of uncertainty that it
 * brackets and shrinks. J. J. Moré and D. J. Thuente, "Line search algorithms with guaranteed
 * sufficient decrease", ACM TOMS 20(3):286–307, 1994; this follows the logic of MINPACK-2's
 * {@code dcsrch}/{@code dcstep} (the version scipy and liblbfgs use): stage 1 works on the
 * auxiliary ψ(α) = φ(α) − φ(0) − c₁αφ′(0) until a step with ψ ≤ 0 and φ′ ≥ 0 is seen, the
 * extrapolation bounds are [α + 1.1(α − αₗ), α + 4(α − αₗ)], and bisection is forced when the
 * interval does not shrink by a factor 0.66 in two trials.
 *
 * <p>Defaults: c₁ = 1e-4, c₂ = 0.9 for (quasi-)Newton methods ({@link #DEFAULT}); c₂ = 0.1 for
 * nonlinear conjugate gradient ({@link #FOR_CG}). Steps are confined to [1e-20, 1e20] as in
 * liblbfgs. A non-finite φ(α) or φ′(α) moves α halfway back towards the best step so far.
 *
 * @param c1 sufficient-decrease constant, in (0, 1)
 * @param c2 curvature constant, in [c1, 1) (the paper's tests use c₁ = c₂)
 * @param xtol relative width of the interval of uncertainty at which the search gives up, ≥ 0;
 *     default 1e-16 as liblbfgs
 * @param maxEvaluations evaluations allowed per search, ≥ 1; default 40 as liblbfgs
 */
public record MoreThuente(double c1, double c2, double xtol, int maxEvaluations) implements LineSearch {

    /** c₁ = 1e-4, c₂ = 0.9, xtol = 1e-16, 40 evaluations: for Newton, BFGS and L-BFGS. */
    public static final MoreThuente DEFAULT = new MoreThuente(1e-4, 0.9, 1e-16, 40);

    /** c₁ = 1e-4, c₂ = 0.1: for nonlinear conjugate gradient, which needs a more exact search. */
    public static final MoreThuente FOR_CG = new MoreThuente(1e-4, 0.1, 1e-16, 40);

    static final double STPMIN = 1e-20;
    static final double STPMAX = 1e20;
    private static final double XTRAPL = 1.1;
    private static final double XTRAPU = 4.0;

    /** Checks the ranges above; each message names the parameter. */
    public MoreThuente {
        if (!(c1 > 0 && c1 < 1)) {
            throw new IllegalArgumentException("c1 must be in (0, 1), got " + c1);
        }
        if (!(c2 >= c1 && c2 < 1)) {
            throw new IllegalArgumentException("c2 must be in [c1, 1) = [" + c1 + ", 1), got " + c2);
        }
        if (!(xtol >= 0)) {
            throw new IllegalArgumentException("xtol must be >= 0, got " + xtol);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be >= 1, got " + maxEvaluations);
        }
    }

    /**
     * A copy with another curvature constant c₂.
     *
     * @param c2 in [c₁, 1)
     * @return the new line search
     */
    public MoreThuente withC2(double c2) {
        return new MoreThuente(c1, c2, xtol, maxEvaluations);
    }

    @Override
    public String name() {
        return "more-thuente";
    }

    @Override
    public LineStep search(LineFunction phi, double phi0, double dphi0, double alpha0) {
        final double finit = phi0;
        final double ginit = dphi0;
        final double gtest = c1 * ginit;
        Interval I = new Interval();
        double stp = Math.min(Math.max(alpha0, STPMIN), STPMAX);
        boolean brackt = false;
        int stage = 1;
        double width = STPMAX - STPMIN;
        double width1 = width / 0.5;
        // stx: best step so far; sty: the other end of the interval of uncertainty
        I.stx = 0;
        I.fx = finit;
        I.gx = ginit;
        I.sty = 0;
        I.fy = finit;
        I.gy = ginit;
        double stmin = 0;
        double stmax = stp + XTRAPU * stp;
        for (int k = 1; ; k++) {
            double f = phi.evaluate(stp);
            double g = phi.derivative();
            if (!Double.isFinite(f) || !Double.isFinite(g)) {
                // too long a step: move halfway back towards the best step, stay on this side
                if (k >= maxEvaluations) {
                    return best(I, finit, Double.NaN, Double.NaN, Double.NaN, k);
                }
                double next = I.stx + 0.5 * (stp - I.stx);
                if (next == stp || next == I.stx) {
                    return best(I, finit, Double.NaN, Double.NaN, Double.NaN, k);
                }
                stmax = stp;
                stp = next;
                continue;
            }
            double ftest = finit + stp * gtest;
            if (stage == 1 && f <= ftest && g >= 0) {
                stage = 2;
            }
            // convergence: the strong Wolfe conditions
            if (f <= ftest && Math.abs(g) <= c2 * (-ginit)) {
                return new LineStep(stp, f, g, k, LineStep.Outcome.SATISFIED);
            }
            // warnings of dcsrch: no further progress is possible
            if ((brackt && (stp <= stmin || stp >= stmax))
                    || (brackt && stmax - stmin <= xtol * stmax)
                    || (stp == STPMAX && f <= ftest && g <= gtest)
                    || (stp == STPMIN && (f > ftest || g >= gtest))
                    || k >= maxEvaluations) {
                return best(I, finit, stp, f, g, k);
            }
            // a modified function ψ in stage 1 when the step gives decrease but not enough
            if (stage == 1 && f <= I.fx && f > ftest) {
                double fm = f - stp * gtest;
                double gm = g - gtest;
                I.fx -= I.stx * gtest;
                I.fy -= I.sty * gtest;
                I.gx -= gtest;
                I.gy -= gtest;
                stp = I.step(stp, fm, gm, brackt, stmin, stmax);
                brackt = I.brackt;
                I.fx += I.stx * gtest;
                I.fy += I.sty * gtest;
                I.gx += gtest;
                I.gy += gtest;
            } else {
                stp = I.step(stp, f, g, brackt, stmin, stmax);
                brackt = I.brackt;
            }
            // bisect when the interval did not shrink enough
            if (brackt) {
                if (Math.abs(I.sty - I.stx) >= 0.66 * width1) {
                    stp = I.stx + 0.5 * (I.sty - I.stx);
                }
                width1 = width;
                width = Math.abs(I.sty - I.stx);
                stmin = Math.min(I.stx, I.sty);
                stmax = Math.max(I.stx, I.sty);
            } else {
                stmin = stp + XTRAPL * (stp - I.stx);
                stmax = stp + XTRAPU * (stp - I.stx);
            }
            stp = Math.min(Math.max(stp, STPMIN), STPMAX);
            if ((brackt && (stp <= stmin || stp >= stmax)) || (brackt && stmax - stmin <= xtol * stmax)) {
                stp = I.stx;
            }
        }
    }

    /** The better of the best step stx and the last trial, when the search cannot continue. */
    private static LineStep best(Interval I, double finit, double stp, double f, double g, int k) {
        if (Double.isFinite(f) && f < finit && f <= I.fx) {
            return new LineStep(stp, f, g, k, LineStep.Outcome.DECREASE_ONLY);
        }
        if (I.stx > 0 && I.fx < finit) {
            return new LineStep(I.stx, I.fx, I.gx, k, LineStep.Outcome.DECREASE_ONLY);
        }
        return new LineStep(Double.isFinite(stp) ? stp : 0, f, g, k, LineStep.Outcome.FAILED);
    }

    /** The interval of uncertainty [stx, sty] with f and φ′ at its ends, and dcstep. */
    private static final class Interval {
        double stx, fx, gx, sty, fy, gy;
        boolean brackt;

        /**
         * MINPACK-2 dcstep: computes a safeguarded step from the trial (stp, fp, dp) and updates
         * the interval. Cases 1–4 of Moré–Thuente (1994), Section 4.
         */
        double step(double stp, double fp, double dp, boolean bracketed, double stpmin, double stpmax) {
            brackt = bracketed;
            double sgnd = dp * Math.signum(gx);
            double stpf;
            if (fp > fx) {
                // case 1: higher function value; the minimum is bracketed
                double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
                double gamma = gamma(theta, gx, dp);
                if (stp < stx) {
                    gamma = -gamma;
                }
                double p = (gamma - gx) + theta;
                double q = ((gamma - gx) + gamma) + dp;
                double r = p / q;
                double stpc = stx + r * (stp - stx);
                double stpq = stx + ((gx / ((fx - fp) / (stp - stx) + gx)) / 2) * (stp - stx);
                if (Math.abs(stpc - stx) < Math.abs(stpq - stx)) {
                    stpf = stpc;
                } else {
                    stpf = stpc + (stpq - stpc) / 2;
                }
                brackt = true;
            } else if (sgnd < 0) {
                // case 2: lower value, derivatives of opposite sign; bracketed
                double stpc = cubicMinimizer(stx, fx, gx, stp, fp, dp);
                double stpq = stp + (dp / (dp - gx)) * (stx - stp);
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                brackt = true;
            } else if (Math.abs(dp) < Math.abs(gx)) {
                // case 3: lower value, same sign, derivative decreases in magnitude
                double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
                double gamma = gamma(theta, gx, dp);
                if (stp > stx) {
                    gamma = -gamma;
                }
                double p = (gamma - dp) + theta;
                double q = (gamma + (gx - dp)) + gamma;
                double r = p / q;
                double stpc;
                if (r < 0 && gamma != 0) {
                    stpc = stp + r * (stx - stp);
                } else if (stp > stx) {
                    stpc = stpmax;
                } else {
                    stpc = stpmin;
                }
                double stpq = stp + (dp / (dp - gx)) * (stx - stp);
                if (brackt) {
                    stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                    if (stp > stx) {
                        stpf = Math.min(stp + 0.66 * (sty - stp), stpf);
                    } else {
                        stpf = Math.max(stp + 0.66 * (sty - stp), stpf);
                    }
                } else {
                    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                    stpf = Math.min(stpmax, stpf);
                    stpf = Math.max(stpmin, stpf);
                }
            } else {
                // case 4: lower value, same sign, derivative does not decrease
                if (brackt) {
                    stpf = cubicMinimizer(sty, fy, gy, stp, fp, dp);
                } else if (stp > stx) {
                    stpf = stpmax;
                } else {
                    stpf = stpmin;
                }
            }
            // update the interval of uncertainty
            if (fp > fx) {
                moveOtherEnd(stp, fp, dp);
            } else {
                if (sgnd < 0) {
                    moveOtherEnd(stx, fx, gx);
                }
                stx = stp;
                fx = fp;
                gx = dp;
            }
            return stpf;
        }

        /** Moves the other end (sty, fy, gy) of the interval to the step {@code st}, with f and φ′ there. */
        private void moveOtherEnd(double st, double f, double g) {
            sty = st;
            fy = f;
            gy = g;
        }

        /**
         * The minimizer of the cubic that interpolates (u, f(u), f′(u)) and (v, f(v), f′(v)),
         * written from v as MINPACK-2 does in cases 2 and 4: v + (p/q)(u − v), the sign of γ
         * following the order of u and v. Its 3(fᵤ − fᵥ)/(v − u) is MINPACK's 3(fᵥ − fᵤ)/(u − v) of
         * case 4 bit for bit (negating both operands of a difference and of a quotient is exact).
         */
        private static double cubicMinimizer(double u, double fu, double du, double v, double fv, double dv) {
            double theta = 3 * (fu - fv) / (v - u) + du + dv;
            double gamma = gamma(theta, du, dv);
            if (v > u) {
                gamma = -gamma;
            }
            double p = (gamma - dv) + theta;
            double q = ((gamma - dv) + gamma) + du;
            double r = p / q;
            return v + r * (u - v);
        }

        /**
         * γ of the cubic step, s·√max(0, (θ/s)² − (a/s)(b/s)) with s = max(|θ|, |a|, |b|): the
         * square root of the cubic's discriminant, scaled by s against overflow as in MINPACK-2.
         */
        private static double gamma(double theta, double a, double b) {
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(a), Math.abs(b)));
            return s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (a / s) * (b / s)));
        }
    }
}
