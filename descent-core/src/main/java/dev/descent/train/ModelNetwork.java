package dev.descent.train;

import dev.descent.data.Dataset;
import dev.descent.nn.Model;
import java.nio.ByteBuffer;

/**
 * A {@link Network} view of an {@code nn.Model}: the trainer's mini-batch pass is
 * {@link Model#forwardBackward(float[], int[], int)} in training mode, evaluation is
 * {@link Model#loss}/{@link Model#accuracy} in evaluation mode, and the non-parameter state
 * (batch-norm running statistics, dropout streams: {@link Model.State}) travels in checkpoints.
 */
public final class ModelNetwork implements Network {

    private final Model model;

    /** Wraps {@code model}; it is trained in place. */
    public ModelNetwork(Model model) {
        this.model = model;
    }

    /** The wrapped model. */
    public Model model() {
        return model;
    }

    @Override
    public float[] params() {
        return model.params();
    }

    @Override
    public float[] grads() {
        return model.grads();
    }

    @Override
    public double lossAndGradient(float[] x, int[] y, int rows) {
        model.setTraining(true);
        return model.forwardBackward(x, y, rows);
    }

    /**
     * Evaluates in chunks of {@link Model#maxBatch()} rows copied into a scratch buffer, so the
     * model's workspaces never grow to the data set's size.
     */
    @Override
    public Evaluation evaluate(Dataset data) {
        int d = data.d();
        if (d != model.inputSize()) {
            throw new IllegalArgumentException("data has " + d + " features, the model expects " + model.inputSize());
        }
        int cap = model.maxBatch();
        if (xs == null || xs.length < cap * d) {
            xs = new float[cap * d];
            ys = new int[cap];
        }
        double loss = 0;
        long correct = 0;
        for (int s = 0; s < data.n(); s += cap) {
            int b = Math.min(cap, data.n() - s);
            System.arraycopy(data.x(), s * d, xs, 0, b * d);
            System.arraycopy(data.y(), s, ys, 0, b);
            loss += b * model.loss(xs, ys, b);
            correct += model.correct(xs, ys, b);
        }
        return new Evaluation(loss / data.n(), (double) correct / data.n());
    }

    private float[] xs;
    private int[] ys;

    /** {@link Model.State} as bytes: buffer count, buffers, generator count, generator states. */
    @Override
    public byte[] exportState() {
        Model.State s = model.exportState();
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
            model.importState(new Model.State(b, r));
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("the network state does not belong to this model (" + e + ")");
        }
    }
}
