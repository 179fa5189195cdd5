package dev.descent.optim;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named view of an optimizer's state, like torch's {@code optimizer.state_dict()}: the step
 * count, the scalar state by name and each per-parameter state array by name (PyTorch's names:
 * {@code exp_avg} and {@code exp_avg_sq} for Adam's m and v, {@code momentum_buffer} for SGD
 * with momentum, {@code sum} for AdaGrad, ...). Get one from {@link Optimizer#stateDict()}; it is
 * a copy, so reading it never changes the optimizer. (Checkpoints keep using the exact bytes of
 * {@link Optimizer#exportState()}; this view decodes them.)
 *
 * <p>Names by optimizer: sgd {@code momentum_buffer}; adam, adamw {@code exp_avg},
 * {@code exp_avg_sq} (and {@code max_exp_avg_sq} with AMSGrad); adamax {@code exp_avg},
 * {@code exp_inf}; nadam {@code exp_avg}, {@code exp_avg_sq} and the scalar {@code mu_product};
 * radam {@code exp_avg}, {@code exp_avg_sq}; adagrad {@code sum}; adadelta {@code square_avg},
 * {@code acc_delta}; rmsprop {@code square_avg} (then {@code grad_avg} when centered, then
 * {@code momentum_buffer} with momentum); lion {@code exp_avg}. An array or scalar without a
 * known name is called {@code state0}, {@code state1}, ... ({@code scalar0}, ...).
 *
 * @param optimizer the optimizer's name ({@link OptimizerConfig#name()})
 * @param size the number of parameters, ≥ 0
 * @param step the number of steps taken, ≥ 0
 * @param scalars scalar state by name, in export order (unmodifiable)
 * @param arrays per-parameter state by name, each of length {@code size}, in export order
 *     (unmodifiable map of copies)
 */
public record StateDict(String optimizer, int size, long step, Map<String, Double> scalars, Map<String, float[]> arrays) {

    private static final int MAGIC = 0x44534f50; // "DSOP", the optimizers' export format
    private static final int VERSION = 1;

    /** Copies the maps (keeping their order) and checks the array lengths. */
    public StateDict {
        scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        LinkedHashMap<String, float[]> a = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : arrays.entrySet()) {
            if (e.getValue().length != size) {
                throw new IllegalArgumentException("state array " + e.getKey() + " has length " + e.getValue().length
                        + ", the optimizer has " + size + " parameters");
            }
            a.put(e.getKey(), e.getValue().clone());
        }
        arrays = Collections.unmodifiableMap(a);
    }

    /** The named view of {@code opt}'s current state (what {@link Optimizer#stateDict()} returns). */
    static StateDict of(Optimizer opt) {
        byte[] bytes = opt.exportState();
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalStateException("the state of " + opt.config().name() + " is not in the optimizer export format");
            }
            String name = in.readUTF();
            int size = in.readInt();
            long step = in.readLong();
            double[] s = new double[in.readInt()];
            for (int i = 0; i < s.length; i++) {
                s[i] = Double.longBitsToDouble(in.readLong());
            }
            float[][] arrays = new float[in.readInt()][size];
            for (float[] a : arrays) {
                for (int i = 0; i < size; i++) {
                    a[i] = Float.intBitsToFloat(in.readInt());
                }
            }
            List<String> names = arrayNames(opt.config(), arrays.length);
            Map<String, Double> scalars = new LinkedHashMap<>();
            for (int i = 0; i < s.length; i++) {
                scalars.put(name.equals("nadam") && i == 0 ? "mu_product" : "scalar" + i, s[i]);
            }
            Map<String, float[]> named = new LinkedHashMap<>();
            for (int i = 0; i < arrays.length; i++) {
                named.put(i < names.size() ? names.get(i) : "state" + i, arrays[i]);
            }
            return new StateDict(name, size, step, scalars, named);
        } catch (IOException e) {
            throw new UncheckedIOException("the state of " + opt.config().name() + " does not parse", e);
        }
    }

    /** PyTorch's names of the state arrays of {@code c}, in export order. */
    private static List<String> arrayNames(OptimizerConfig c, int count) {
        return switch (c.name()) {
            case "sgd" -> List.of("momentum_buffer");
            case "adam", "adamw" -> List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq");
            case "adamax" -> List.of("exp_avg", "exp_inf");
            case "nadam", "radam" -> List.of("exp_avg", "exp_avg_sq");
            case "adagrad" -> List.of("sum");
            case "adadelta" -> List.of("square_avg", "acc_delta");
            case "lion" -> List.of("exp_avg");
            case "rmsprop" -> c instanceof RmsProp r && r.centered()
                    ? List.of("square_avg", "grad_avg", "momentum_buffer")
                    : List.of("square_avg", "momentum_buffer");
            default -> List.of();
        };
    }

    /**
     * A copy of one state array.
     *
     * @param name the array's name, for example {@code exp_avg}
     * @return a copy of the array
     * @throws IllegalArgumentException naming the known names when there is no such array
     */
    public float[] array(String name) {
        float[] a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException(optimizer + " has no state array '" + name + "'; it has " + arrays.keySet());
        }
        return a.clone();
    }

    /** {@return the names and sizes, not the values} */
    @Override
    public String toString() {
        return "StateDict[" + optimizer + ", step " + step + ", " + size + " parameters, scalars " + scalars.keySet()
                + ", arrays " + arrays.keySet() + "]";
    }
}
