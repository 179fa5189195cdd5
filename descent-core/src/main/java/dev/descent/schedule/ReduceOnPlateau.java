package dev.descent.schedule;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The running state of reduce-on-plateau (PyTorch {@code ReduceLROnPlateau}): the current
 * learning rate, the best metric, the count of bad steps and the cooldown counter. The rule and
 * its settings are in {@link PlateauConfig}; create the state with {@link PlateauConfig#create}.
 *
 * <p>It is the one stateful schedule: call {@link #step(double)} once per evaluation with the
 * metric, and use {@link #lr()} for the following steps. {@link #exportState()} and
 * {@link #importState(byte[])} checkpoint it exactly, like the optimizers' state.
 */
public final class ReduceOnPlateau {

    private static final int MAGIC = 0x44524c50; // "DRLP"
    private static final int VERSION = 1;
    // header (magic, version) + settings (5 doubles, 4 ints) + state (lr, best, badSteps, cooldown, steps)
    private static final int BYTES = (4 + 4) + (5 * 8 + 4 * 4) + (8 + 8 + 4 + 4 + 8);

    private final PlateauConfig config;
    private final double lr0;
    private double lr;
    private double best;
    private int badSteps;
    private int cooldownCounter;
    private long steps;

    ReduceOnPlateau(PlateauConfig config, double lr0) {
        this.config = Check.notNull("config", config);
        this.lr0 = Check.lr("lr0", lr0);
        this.lr = lr0;
        this.best = config.mode() == PlateauConfig.Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** {@return the settings this state was created from} */
    public PlateauConfig config() {
        return config;
    }

    /** {@return the learning rate at creation} */
    public double lr0() {
        return lr0;
    }

    /** {@return the current learning rate} */
    public double lr() {
        return lr;
    }

    /** {@return the best metric so far (+∞ in MIN mode, −∞ in MAX mode before the first)} */
    public double best() {
        return best;
    }

    /** {@return the number of bad steps since the last improvement, reduction or cooldown step} */
    public int badSteps() {
        return badSteps;
    }

    /** {@return the remaining cooldown steps} */
    public int cooldownCounter() {
        return cooldownCounter;
    }

    /** {@return the number of metrics read (PyTorch's last_epoch)} */
    public long steps() {
        return steps;
    }

    /**
     * Reads one metric (PyTorch {@code scheduler.step(metric)}) and returns the learning rate to
     * use from now on.
     *
     * @param metric the metric of this evaluation (NaN is never better)
     * @return the learning rate from now on
     */
    public double step(double metric) {
        steps++;
        if (config.isBetter(metric, best)) {
            best = metric;
            badSteps = 0;
        } else {
            badSteps++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            badSteps = 0; // bad steps during a cooldown are ignored
        }
        if (badSteps > config.patience()) {
            double reduced = Math.max(lr * config.factor(), config.minLr());
            if (lr - reduced > config.eps()) {
                lr = reduced;
            }
            cooldownCounter = config.cooldown();
            badSteps = 0;
        }
        return lr;
    }

    /** {@return the complete state, with the settings and lr0 it belongs to, as bytes} */
    public byte[] exportState() {
        ByteBuffer b = ByteBuffer.allocate(BYTES);
        b.putInt(MAGIC).putInt(VERSION);
        putConfig(b);
        b.putDouble(lr).putDouble(best).putInt(badSteps).putInt(cooldownCounter).putLong(steps);
        return b.array();
    }

    /**
     * Restores a state written by {@link #exportState()} of a reduce-on-plateau with the same
     * settings and lr0, so that continuing is identical to never having stopped.
     *
     * @param state bytes written by {@link #exportState()}
     * @throws IllegalArgumentException when the bytes are not such a state
     */
    public void importState(byte[] state) {
        Check.notNull("state", state);
        if (state.length != BYTES) {
            throw new IllegalArgumentException("not a reduce-on-plateau state: expected " + BYTES
                    + " bytes, got " + state.length);
        }
        ByteBuffer b = ByteBuffer.wrap(state);
        try {
            if (b.getInt() != MAGIC || b.getInt() != VERSION) {
                throw new IllegalArgumentException("not a reduce-on-plateau state (wrong header)");
            }
            ByteBuffer mine = ByteBuffer.allocate(BYTES);
            putConfig(mine);
            byte[] expected = new byte[mine.position()];
            mine.flip().get(expected);
            byte[] got = new byte[expected.length];
            b.get(got);
            if (!Arrays.equals(expected, got)) {
                throw new IllegalArgumentException(
                        "reduce-on-plateau state belongs to other settings or lr0 than " + config + ", lr0=" + lr0);
            }
            double newLr = b.getDouble();
            double newBest = b.getDouble();
            int newBad = b.getInt();
            int newCooldown = b.getInt();
            long newSteps = b.getLong();
            if (!(newLr >= 0) || Double.isInfinite(newLr) || newBad < 0 || newCooldown < 0 || newSteps < 0) {
                throw new IllegalArgumentException("reduce-on-plateau state is corrupt (lr=" + newLr + ", badSteps="
                        + newBad + ", cooldown=" + newCooldown + ", steps=" + newSteps + ")");
            }
            lr = newLr;
            best = newBest;
            badSteps = newBad;
            cooldownCounter = newCooldown;
            steps = newSteps;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("reduce-on-plateau state is truncated", e);
        }
    }

    private void putConfig(ByteBuffer b) {
        b.putInt(config.mode().ordinal()).putDouble(config.factor()).putInt(config.patience())
                .putDouble(config.threshold()).putInt(config.thresholdMode().ordinal()).putInt(config.cooldown())
                .putDouble(config.minLr()).putDouble(config.eps()).putDouble(lr0);
    }

    @Override
    public String toString() {
        return "ReduceOnPlateau[lr=" + lr + ", best=" + best + ", badSteps=" + badSteps + ", cooldown="
                + cooldownCounter + ", steps=" + steps + ", " + config + "]";
    }
}
