package dev.descent.optim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The part every optimizer state shares: the step count, the parameter groups, the gradient
 * preprocessing of {@link Options} (folded into two scalars that the kernels apply per element)
 * and the state's export and import. Subclasses supply the fused per-range update. A step is
 * {@link #beginStep(float[], float[], double)} (the count, the per-step scalars, the clip-norm
 * scale) then {@link #stepRange} over the groups' ranges, so that a step split into ranges on
 * several threads computes every element exactly as the whole step does.
 */
abstract class FlatOptimizer implements Optimizer {

    private static final int MAGIC = 0x44534f50; // "DSOP"
    private static final int VERSION = 1;

    private final OptimizerConfig config;
    final ParamGroups groups;
    final Options options;
    /** The state arrays (moments), each of the buffer's size; exported bit for bit. */
    final float[][] arrays;
    long t;
    /** The learning rate of the step begun last ({@link #beginStep(float[], float[], double)}). */
    private double stepLr;
    /** Its gradient multiplier: the clip-norm scale, negated when maximizing. */
    private float stepScale;

    FlatOptimizer(OptimizerConfig config, ParamGroups groups, int stateArrays) {
        Check.notNull("groups", groups);
        this.config = config;
        this.groups = groups;
        this.options = config.options();
        this.arrays = new float[stateArrays][groups.size()];
    }

    @Override
    public final OptimizerConfig config() {
        return config;
    }

    @Override
    public final long steps() {
        return t;
    }

    @Override
    public final int bytesPerParam() {
        // θ read and written, g read, each state array read and written; clipping by norm reads g once more
        return 4 * (3 + 2 * arrays.length) + (options.clipNorm() == Double.POSITIVE_INFINITY ? 0 : 4);
    }

    @Override
    public final void step(float[] params, float[] grads, double lr) {
        beginStep(params, grads, lr);
        stepRange(params, grads, 0, groups.size());
    }

    /** {@return true: every optimizer of this package steps by range} */
    @Override
    public final boolean stepsByRange() {
        return true;
    }

    @Override
    public final void beginStep(float[] params, float[] grads, double lr) {
        if (params.length != groups.size() || grads.length != groups.size()) {
            throw new IllegalArgumentException("params and grads must have the optimizer's size " + groups.size()
                    + ", got " + params.length + " and " + grads.length);
        }
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be a finite number ≥ 0, got " + lr);
        }
        t++;
        startStep();
        double s = options.clipNorm() == Double.POSITIVE_INFINITY ? 1 : clipScale(grads);
        stepLr = lr;
        stepScale = (float) (options.maximize() ? -s : s);
    }

    @Override
    public final void stepRange(float[] params, float[] grads, int from, int to) {
        if (from < 0 || to < from || to > groups.size()) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is outside [0, " + groups.size() + ")");
        }
        float clipValue = (float) options.clipValue();
        for (int k = 0; k < groups.count(); k++) {
            ParamGroup group = groups.group(k);
            int lo = Math.max(from, group.from());
            int hi = Math.min(to, group.to());
            if (lo < hi) {
                update(params, grads, lo, hi, stepLr * group.lrScale(),
                        (float) (options.weightDecay() * group.weightDecayScale()), group.weightDecayScale(), stepScale,
                        clipValue);
            }
        }
    }

    /** {@link Clip#scale} of the norm over all groups: {@code torch.nn.utils.clip_grad_norm_}. */
    private double clipScale(float[] grads) {
        double ss = 0;
        for (int k = 0; k < groups.count(); k++) {
            ParamGroup group = groups.group(k);
            ss += Kernels.sumSquares(grads, group.from(), group.to());
        }
        return Clip.scale(Math.sqrt(ss), options.clipNorm());
    }

    /** Per-step work done once before the groups (t already incremented). */
    void startStep() {}

    /**
     * The fused update of θ[from, to).
     *
     * @param lr this group's learning rate
     * @param lambda this group's coupled weight decay λ
     * @param lambdaScale this group's weight-decay multiplier (for decoupled decay)
     * @param scale the gradient multiplier: clip-norm scale, negated when maximizing
     * @param clipValue the gradient clip value (+∞ for none)
     */
    abstract void update(float[] p, float[] g, int from, int to, double lr, float lambda, double lambdaScale,
            float scale, float clipValue);

    /** Extra scalar state exported with the arrays (none by default). */
    double[] scalars() {
        return new double[0];
    }

    /** Restores {@link #scalars()}. */
    void restoreScalars(double[] s) {}

    @Override
    public final byte[] exportState() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(config().name());
            out.writeInt(groups.size());
            out.writeLong(t);
            double[] s = scalars();
            out.writeInt(s.length);
            for (double v : s) {
                out.writeLong(Double.doubleToRawLongBits(v));
            }
            out.writeInt(arrays.length);
            out.flush();
            // the arrays in bulk, the same big-endian raw bits writeInt would give, one copy each
            int head = bytes.size();
            byte[] all = java.util.Arrays.copyOf(bytes.toByteArray(), head + arrays.length * 4 * groups.size());
            java.nio.FloatBuffer view = java.nio.ByteBuffer.wrap(all, head, all.length - head).slice().asFloatBuffer();
            for (float[] a : arrays) {
                view.put(a);
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public final void importState(byte[] state) {
        String name = config().name();
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not a descent optimizer state (bad header)");
            }
            String stateName = in.readUTF();
            int size = in.readInt();
            if (!stateName.equals(name) || size != groups.size()) {
                throw new IllegalArgumentException("the state belongs to " + stateName + " over " + size
                        + " parameters, not to " + name + " over " + groups.size());
            }
            long steps = in.readLong();
            double[] s = new double[in.readInt()];
            if (s.length != scalars().length || steps < 0) {
                throw new IllegalArgumentException("the state of " + name + " is malformed");
            }
            for (int i = 0; i < s.length; i++) {
                s[i] = Double.longBitsToDouble(in.readLong());
            }
            if (in.readInt() != arrays.length) {
                throw new IllegalArgumentException("the state of " + name + " has another number of moment arrays"
                        + " (another configuration, e.g. amsgrad or momentum)");
            }
            float[][] read = new float[arrays.length][size];
            for (float[] a : read) {
                for (int i = 0; i < a.length; i++) {
                    a[i] = Float.intBitsToFloat(in.readInt());
                }
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("the state of " + name + " has trailing bytes");
            }
            for (int k = 0; k < arrays.length; k++) {
                System.arraycopy(read[k], 0, arrays[k], 0, size);
            }
            restoreScalars(s);
            t = steps;
        } catch (IOException e) {
            throw new IllegalArgumentException("the state of " + name + " is truncated or malformed", e);
        }
    }

    @Override
    public String toString() {
        return config() + " at step " + t;
    }
}
