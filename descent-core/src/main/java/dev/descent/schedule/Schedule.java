package dev.descent.schedule;

import java.util.List;

/**
 * A learning-rate schedule: a pure function from the step count t = 0, 1, 2, ... to a learning
 * rate, as in optax. The same step always gives the same rate, so a schedule needs no state to
 * checkpoint: only the step is saved. (The one stateful rule, reduce-on-plateau, reads a metric
 * and is {@link ReduceOnPlateau}.)
 *
 * <p>The static factories below check their arguments immediately and throw
 * {@link IllegalArgumentException} naming the parameter and its valid range. One rule holds for
 * all of them: every rate is finite, and no schedule grows without bound, so decay factors are in
 * (0, 1] and decay constants ≥ 0 ({@code exp:k<0}, {@code exp:rate>1}, {@code step:gamma>1} and
 * {@code inv:k<0} are refused alike; a learning-rate range test grows the rate with
 * {@code train.LrFinder}, not with a schedule). Their results are
 * immutable values with {@code equals}. Each formula names its reference; where PyTorch defines
 * the schedule recursively ({@code lr *= γ} per epoch) descent uses the closed form, which the
 * tests match against torch 1.13's recursive values (see {@code tools/schedule_torch_goldens.py}).
 * Schedules that end (cosine, polynomial, linear, one-cycle) hold their final value after their
 * last step. Strings such as {@code warmup:steps=100+cosine:steps=1000,min=1e-5} become schedules
 * through {@link ScheduleSpec#parse(String, double)}.
 *
 * <pre>{@code
 * Schedule lr = Schedule.warmup(100, 0.0, Schedule.cosine(3e-4, 1000, 1e-5));
 * double at250 = lr.at(250); // cosine at step 150
 * }</pre>
 */
@FunctionalInterface
public interface Schedule {

    /**
     * The learning rate at step {@code t ≥ 0}.
     *
     * @param t the step, ≥ 0
     * @return the learning rate, finite and ≥ 0 for the factories' schedules
     * @throws IllegalArgumentException for t &lt; 0 (the factories' schedules)
     */
    double at(long t);

    // ---------------------------------------------------------------- factories

    /**
     * η_t = lr0.
     *
     * @param lr0 the rate, finite, ≥ 0
     * @return the schedule
     */
    static Schedule constant(double lr0) {
        return new Constant(lr0);
    }

    /**
     * Step decay η_t = lr0·γ^⌊t/every⌋ (PyTorch {@code StepLR(step_size=every, gamma)}).
     *
     * @param lr0 the rate at step 0, finite, ≥ 0
     * @param every the steps between decays, ≥ 1
     * @param gamma the factor per decay, in (0, 1] (PyTorch's default 0.1)
     * @return the schedule
     */
    static Schedule step(double lr0, long every, double gamma) {
        return new StepDecay(lr0, every, gamma);
    }

    /**
     * Multi-step decay η_t = lr0·γ^k, k = #{milestones m : m ≤ t} (PyTorch {@code MultiStepLR}).
     *
     * @param lr0 the rate at step 0, finite, ≥ 0
     * @param milestones strictly increasing steps ≥ 1 at which the rate is multiplied by γ
     * @param gamma the factor per milestone, in (0, 1] (PyTorch's default 0.1)
     * @return the schedule
     */
    static Schedule multiStep(double lr0, long[] milestones, double gamma) {
        return new MultiStep(lr0, milestones, gamma);
    }

    /**
     * Continuous exponential decay η_t = lr0·e^(−k·t) (Keras {@code ExponentialDecay} with
     * decay_rate = e^(−k), decay_steps = 1; cs231n lecture 7).
     *
     * @param lr0 the rate at step 0, finite, ≥ 0
     * @param k the decay constant, finite, ≥ 0
     * @return the schedule
     */
    static Schedule exponential(double lr0, double k) {
        return new Exponential(lr0, k);
    }

    /**
     * Staircase exponential decay η_t = lr0·r^⌊t/T⌋ (Keras {@code ExponentialDecay(staircase=True)};
     * T = 1 is PyTorch {@code ExponentialLR(gamma=r)}).
     *
     * @param lr0 the rate at step 0, finite, ≥ 0
     * @param rate the factor r per T steps, in (0, 1]
     * @param every the steps T between decays, ≥ 1
     * @return the schedule: {@link #step} with γ = r, its arguments checked under these names
     */
    static Schedule exponentialStaircase(double lr0, double rate, long every) {
        Check.lr("lr0", lr0);
        Check.factor("rate", rate);
        return new StepDecay(lr0, every, rate);
    }

    /**
     * Inverse-time (1/t) decay η_t = lr0/(1 + k·t) (Keras {@code InverseTimeDecay} with
     * decay_rate = k, decay_steps = 1; cs231n lecture 7).
     *
     * @param lr0 the rate at step 0, finite, ≥ 0
     * @param k the decay constant, finite, ≥ 0
     * @return the schedule
     */
    static Schedule inverseTime(double lr0, double k) {
        return new InverseTime(lr0, k);
    }

    /**
     * Polynomial decay η_t = end + (lr0 − end)·(1 − min(t, T)/T)^p (optax
     * {@code polynomial_schedule}, Keras {@code PolynomialDecay}; end = 0 is PyTorch
     * {@code PolynomialLR(total_iters=T, power=p)}, whose defaults are T = 5, p = 1).
     *
     * @param lr0 the rate at step 0, finite, ≥ 0
     * @param end the rate from step T on, in [0, lr0]
     * @param power the exponent p, finite, &gt; 0 (1 = linear)
     * @param steps the decay length T, ≥ 1
     * @return the schedule
     */
    static Schedule polynomial(double lr0, double end, double power, long steps) {
        return new Polynomial(lr0, end, power, steps);
    }

    /**
     * Cosine annealing η_t = min + (lr0 − min)·(1 + cos(π·min(t, T)/T))/2 (Loshchilov &amp; Hutter,
     * SGDR, ICLR 2017; PyTorch {@code CosineAnnealingLR(T_max=T, eta_min=min)}, whose default min
     * is 0). Unlike PyTorch, whose rate rises again after T_max, the rate stays at min after T
     * (as optax {@code cosine_decay_schedule}).
     *
     * @param lr0 the rate at step 0, finite, ≥ 0
     * @param steps the annealing length T, ≥ 1
     * @param min the final rate, in [0, lr0]
     * @return the schedule
     */
    static Schedule cosine(double lr0, long steps, double min) {
        return new Cosine(lr0, steps, min);
    }

    /**
     * Cosine annealing with warm restarts (SGDR): η_t = min + (lr0 − min)·(1 + cos(π·T_cur/T_i))/2,
     * where cycle i lasts T_i = T0·Tmult^i steps and T_cur counts the steps since the cycle began
     * (PyTorch {@code CosineAnnealingWarmRestarts(T_0, T_mult=1, eta_min=0)}).
     *
     * @param lr0 the rate at the start of every cycle, finite, ≥ 0
     * @param t0 the length of the first cycle, ≥ 1
     * @param tMult the growth factor of the cycle length, an integer ≥ 1 (PyTorch's default 1)
     * @param min the lowest rate, in [0, lr0]
     * @return the schedule
     */
    static Schedule cosineWarmRestarts(double lr0, long t0, long tMult, double min) {
        return new CosineRestarts(lr0, t0, tMult, min);
    }

    /**
     * Linear interpolation η_t = lr0·(s + (e − s)·min(t, T)/T) (PyTorch
     * {@code LinearLR(start_factor=s, end_factor=e, total_iters=T)}, defaults s = 1/3, e = 1,
     * T = 5; unlike PyTorch, s = 0 is allowed).
     *
     * @param lr0 the base rate, finite, ≥ 0
     * @param startFactor s, in [0, 1]
     * @param endFactor e, in [0, 1]
     * @param steps T, ≥ 1
     * @return the schedule
     */
    static Schedule linear(double lr0, double startFactor, double endFactor, long steps) {
        return new Linear(lr0, startFactor, endFactor, steps);
    }

    /**
     * Linear warm-up from s·lr0 to lr0 over T steps, then lr0: {@code linear(lr0, s, 1, T)}
     * (Goyal et al., <i>Accurate, Large Minibatch SGD</i>, 2017). To warm up into another
     * schedule use {@link #warmup}.
     *
     * @param lr0 the rate reached at step T, finite, ≥ 0
     * @param steps T, ≥ 1
     * @param startFactor s, in [0, 1] (the spec's default is 0, as optax's init_value = 0)
     * @return the schedule
     */
    static Schedule linearWarmup(double lr0, long steps, double startFactor) {
        return new Linear(lr0, startFactor, 1, steps);
    }

    /**
     * The one-cycle policy (Smith &amp; Topin, <i>Super-Convergence</i>, 2017), PyTorch
     * {@code OneCycleLR} semantics with cosine annealing and two phases: with η_start = maxLr/div
     * and η_end = η_start/finalDiv, the rate anneals from η_start to maxLr over steps
     * 0..(pctStart·steps − 1), then from maxLr to η_end until step steps − 1, and stays there
     * afterwards (where PyTorch raises). Each phase anneals as
     * end + (start − end)·(1 + cos(π·pct))/2.
     *
     * @param maxLr the peak rate, finite, ≥ 0
     * @param steps the cycle length (PyTorch total_steps), ≥ 1
     * @param pctStart the fraction of the cycle spent rising, with pctStart·steps in (1, steps)
     *     (PyTorch's default 0.3)
     * @param divFactor η_start = maxLr/divFactor, finite, &gt; 0 (PyTorch's default 25)
     * @param finalDivFactor η_end = η_start/finalDivFactor, finite, &gt; 0 (PyTorch's default 1e4)
     * @return the schedule
     */
    static Schedule oneCycle(double maxLr, long steps, double pctStart, double divFactor, double finalDivFactor) {
        return new OneCycle(maxLr, steps, pctStart, divFactor, finalDivFactor);
    }

    /**
     * One-cycle with PyTorch's defaults: pctStart 0.3, divFactor 25, finalDivFactor 1e4.
     *
     * @param maxLr the peak rate, finite, ≥ 0
     * @param steps the cycle length, ≥ 1
     * @return the schedule
     */
    static Schedule oneCycle(double maxLr, long steps) {
        return new OneCycle(maxLr, steps, 0.3, 25, 1e4);
    }

    // ---------------------------------------------------------------- combinators

    /**
     * Switches schedules at step boundaries (optax {@code join_schedules}): for
     * b_i ≤ t &lt; b_(i+1) the rate is schedules[i+1].at(t − b_i), so each later schedule sees the
     * steps counted from its own boundary; before b_0 it is schedules[0].at(t).
     *
     * @param schedules the schedules, at least one
     * @param boundaries strictly increasing absolute steps ≥ 1, one fewer than schedules
     * @return the schedule
     */
    static Schedule sequence(List<Schedule> schedules, long... boundaries) {
        return new Sequence(schedules, boundaries);
    }

    /**
     * A linear warm-up followed by another schedule: η_t = L·(s + (1 − s)·t/T) for t &lt; T, with
     * L = then.at(0), and then.at(t − T) from step T on (optax
     * {@code warmup_cosine_decay_schedule} when {@code then} is a cosine).
     *
     * @param steps the warm-up length T, ≥ 1
     * @param startFactor s, in [0, 1]: the warm-up starts at s·L
     * @param then the schedule after the warm-up, seeing steps counted from T
     * @return the schedule
     */
    static Schedule warmup(long steps, double startFactor, Schedule then) {
        return new Warmup(steps, startFactor, then);
    }

    /**
     * η_t = factor·inner(t) (optax {@code scale}).
     *
     * @param inner the scaled schedule
     * @param factor the multiplier, finite, ≥ 0
     * @return the schedule
     */
    static Schedule scale(Schedule inner, double factor) {
        return new Scaled(inner, factor);
    }

    /**
     * This schedule until step {@code boundary}, then {@code next} counted from it: {@link #sequence}.
     *
     * @param boundary the step at which {@code next} takes over, ≥ 1
     * @param next the schedule from then on, seeing steps counted from the boundary
     * @return the schedule
     */
    default Schedule then(long boundary, Schedule next) {
        return new Sequence(List.of(this, Check.notNull("next", next)), new long[] {boundary});
    }

    /**
     * This schedule multiplied by {@code factor}: {@link #scale}.
     *
     * @param factor the multiplier, finite, ≥ 0
     * @return the schedule
     */
    default Schedule scaled(double factor) {
        return new Scaled(this, factor);
    }
}
