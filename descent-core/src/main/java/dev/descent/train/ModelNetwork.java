package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.nn.Evaluation;
import dev.descent.nn.Model;
import dev.descent.nn.ModelState;
import java.nio.ByteBuffer;

/**
 * A {@link Network} view of an {@code nn.Model}: the trainer's mini-batch pass is
 * {@link Model#forwardBackward(float[], int[], int)} (or its float-target form, for regression)
 * in training mode, evaluation is {@link Model#evaluate} in evaluation mode, and the non-parameter state
 * (batch-norm running statistics, dropout streams: {@link ModelState}) travels in checkpoints.
 */
public final class ModelNetwork implements Network {

    private final Model model;

    /**
     * Wraps {@code model}; it is trained in place.
     *
     * @param model the model
     */
    public ModelNetwork(Model model) {
        this.model = model;
    }

    /** {@return the wrapped model} */
    public Model model() {
        return model;
    }

    /** {@return the model's parameters} */
    @Override
    public float[] params() {
        return model.params();
    }

    /** {@return the model's gradients} */
    @Override
    public float[] grads() {
        return model.grads();
    }

    /** {@link Model#forwardBackward(float[], int[], int)} in training mode. */
    @Override
    public double lossAndGradient(float[] x, int[] y, int rows) {
        model.setTraining(true);
        return model.forwardBackward(x, y, rows);
    }

    /** {@link Model#forwardBackward(float[], float[], int)} in training mode (regression). */
    @Override
    public double lossAndGradient(float[] x, float[] targets, int rows) {
        model.setTraining(true);
        return model.forwardBackward(x, targets, rows);
    }

    /**
     * {@link Model#evaluate} over the whole set: one forward pass, in chunks of
     * {@link Model#maxBatch()} rows; loss alone for a regression set.
     */
    @Override
    public Evaluation evaluate(Dataset data) {
        if (data.d() != model.inputSize()) {
            throw new IllegalArgumentException("data has " + data.d() + " features, the model expects " + model.inputSize());
        }
        if (data.isRegression() && data.targetWidth() != model.outputSize()) {
            throw new IllegalArgumentException("data has " + data.targetWidth() + " target columns, the model outputs "
                    + model.outputSize());
        }
        return data.isRegression() ? model.evaluate(data.x(), data.targets(), data.n())
                : model.evaluate(data.x(), data.y(), data.n());
    }

    /** {@return {@link ModelState} as bytes: buffer count, buffers, generator count, generator states} */
    @Override
    public byte[] exportState() {
        ModelState s = model.exportState();
        float[] b = s.buffers();
        long[] r = s.rng();
        ByteBuffer out = ByteBuffer.allocate(8 + 4 * b.length + 8 * r.length);
        out.putInt(b.length);
        out.asFloatBuffer().put(b);
        out.position(4 + 4 * b.length);
        out.putInt(r.length);
        for (long v : r) {
            out.putLong(v);
        }
        return out.array();
    }

    /** Restores {@link #exportState()}'s bytes into the model. */
    @Override
    public void importState(byte[] state) {
        try {
            ByteBuffer in = ByteBuffer.wrap(state);
            float[] b = new float[in.getInt()];
            in.asFloatBuffer().get(b);
            in.position(4 + 4 * b.length);
            long[] r = new long[in.getInt()];
            for (int i = 0; i < r.length; i++) {
                r[i] = in.getLong();
            }
            model.importState(new ModelState(b, r));
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("the network state does not belong to this model (" + e + ")");
        }
    }
}
