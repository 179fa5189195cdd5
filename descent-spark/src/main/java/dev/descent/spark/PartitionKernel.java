package dev.descent.spark;

import dev.descent.nn.Model;
import dev.descent.train.ModelObjective;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;

/**
 * The per-partition kernel of {@link SparkObjective}'s passes: one {@link Partial} from all blocks
 * of a partition. It copies the broadcast θ into its thread's {@link Model} (built once per
 * executor thread from the {@link ModelRecipe}) and evaluates every {@link Block} with descent-core's
 * {@link ModelObjective} kernels (float32 matrix products, gradients accumulated in double), adding
 * rows·loss and rows·gradient (or rows·H·v) per block.
 *
 * @param recipe the model every executor thread builds once
 * @param payload the broadcast θ (and v)
 * @param kind what to compute per block
 * @param failFirst whether a task's first attempt throws (fault-injection tests)
 * @param nanos the accumulator of kernel time
 */
record PartitionKernel(ModelRecipe recipe, Broadcast<PartitionKernel.Payload> payload, PartitionKernel.Kind kind,
                       boolean failFirst, LongAccumulator nanos) implements FlatMapFunction<Iterator<Block>, Partial> {

    /** What a pass computes per block. */
    enum Kind { GRADIENT, VALUE, HESSIAN_VECTOR }

    /**
     * The broadcast value: θ in float32 and, for H·v, the direction v.
     *
     * @param w θ rounded to float32
     * @param v the direction of a Hessian-vector product, or null
     */
    record Payload(float[] w, double[] v) implements Serializable {}

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Partial> call(Iterator<Block> blocks) {
        TaskContext task = TaskContext.get();
        if (failFirst && task != null && task.attemptNumber() == 0) {
            throw new IllegalStateException("injected failure of the first attempt of partition "
                    + task.partitionId());
        }
        Payload pl = payload.value();
        long t0 = System.nanoTime();
        Model m = recipe.model();
        System.arraycopy(pl.w(), 0, m.params(), 0, pl.w().length);
        Partial p = new Partial();
        double[] g = new double[m.paramCount()];
        while (blocks.hasNext()) {
            Block b = blocks.next();
            switch (kind) {
                case GRADIENT -> {
                    double loss = ModelObjective.valueAndGradient(m, b.x(), b.y(), b.rows(), g);
                    scale(g, b.rows());
                    p.add(b.rows() * loss, g, b.rows());
                }
                case VALUE -> p.add(b.rows() * m.loss(b.x(), b.y(), b.rows()), new double[0], b.rows());
                case HESSIAN_VECTOR -> {
                    ModelObjective.hessianVector(m, b.x(), b.y(), b.rows(), pl.v(), g);
                    scale(g, b.rows());
                    p.add(0, g, b.rows());
                }
            }
        }
        nanos.add(System.nanoTime() - t0);
        List<Partial> out = new ArrayList<>(1);
        out.add(p);
        return out.iterator();
    }

    private static void scale(double[] g, int rows) {
        for (int i = 0; i < g.length; i++) {
            g[i] *= rows;
        }
    }
}
