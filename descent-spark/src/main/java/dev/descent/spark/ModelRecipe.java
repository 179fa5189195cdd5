package dev.descent.spark;

import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.nn.ParamRange;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every executor needs to rebuild the same descent {@link Model}: a {@link ModelSpec} text,
 * the input width, the number of outputs, the initialization seed and the block size (the model's
 * workspace rows, so that one block is one chunk of {@link Model#lossAndGradient}).
 *
 * <p>The models on the command line:
 * <ul>
 *   <li>{@code softmax}: multinomial logistic regression, Dense(d → K) with softmax cross-entropy
 *       (MLlib's {@code family=multinomial});
 *   <li>{@code logistic}: binary logistic regression, Dense(d → 1) with binary cross-entropy on
 *       the logit, labels 0/1 (MLlib's {@code family=binomial});
 *   <li>any other {@link ModelSpec} text, e.g. {@code mlp:64} (a multilayer perceptron).
 * </ul>
 *
 * <p>{@link #model()} keeps one model per recipe per thread (Spark task threads are pooled), so
 * an executor builds it once, not once per task.
 *
 * @param spec a {@link ModelSpec} text, e.g. {@code softmax} or {@code softmax:loss=bce}
 * @param inputSize features per row, ≥ 1
 * @param outputs outputs of the last layer, ≥ 1
 * @param seed initialization seed (zeros for the linear models, so it matters only for MLPs)
 * @param blockRows rows per block, ≥ 1
 */
public record ModelRecipe(String spec, int inputSize, int outputs, long seed, int blockRows) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<Map<ModelRecipe, Model>> MODELS = ThreadLocal.withInitial(LinkedHashMap::new);

    /** Validates the recipe by parsing the spec. */
    public ModelRecipe {
        if (blockRows < 1) {
            throw new IllegalArgumentException("block rows must be >= 1, got " + blockRows);
        }
        ModelSpec.parse(spec, inputSize, outputs);
    }

    /**
     * The recipe for a command-line model name with {@code classes} label classes.
     *
     * @param name {@code softmax}, {@code logistic} (needs 2 classes) or a {@link ModelSpec} text
     * @param inputSize features per row, ≥ 1
     * @param classes label classes, ≥ 2
     * @param seed initialization seed (MLPs)
     * @param blockRows rows per block, ≥ 1
     * @return the recipe
     * @throws IllegalArgumentException for an unknown model or a class count it cannot take
     */
    public static ModelRecipe of(String name, int inputSize, int classes, long seed, int blockRows) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("logistic")) {
            if (classes != 2) {
                throw new IllegalArgumentException("--model logistic needs labels 0 and 1, the data has "
                        + classes + " classes; use --model softmax");
            }
            return new ModelRecipe("softmax:loss=bce", inputSize, 1, seed, blockRows);
        }
        return new ModelRecipe(n, inputSize, classes, seed, blockRows);
    }

    /**
     * A new model built from this recipe.
     *
     * @return a model with its own buffers and workspaces for {@code blockRows} rows
     */
    public Model build() {
        return ModelSpec.parse(spec, inputSize, outputs).build(seed, blockRows);
    }

    /** This thread's model for this recipe, built on first use; its parameters are scratch. */
    Model model() {
        Map<ModelRecipe, Model> cache = MODELS.get();
        Model m = cache.get(this);
        if (m == null) {
            if (cache.size() >= 4) {
                cache.clear();
            }
            m = build();
            cache.put(this, m);
        }
        return m;
    }

    /**
     * A mask of the parameters that the L2 penalty covers: every {@link ParamRange.Kind#WEIGHT}
     * range (Dense weights), never biases or batch-norm parameters, as MLlib and scikit-learn do.
     *
     * @return one flag per parameter
     */
    public boolean[] weightMask() {
        Model m = build();
        boolean[] mask = new boolean[m.paramCount()];
        for (ParamRange r : m.parameterRanges()) {
            if (r.kind() == ParamRange.Kind.WEIGHT) {
                for (int i = r.from(); i < r.to(); i++) {
                    mask[i] = true;
                }
            }
        }
        return mask;
    }
}
