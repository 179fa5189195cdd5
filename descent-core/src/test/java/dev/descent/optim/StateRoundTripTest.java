package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Export, import, continue: bit-identical to never having stopped. */
class StateRoundTripTest {

    /** Every optimizer, with options that give it the most state. */
    static final List<String> SPECS = List.of("sgd:lr=0.05", "momentum:lr=0.02,dampening=0.3",
            "nesterov:lr=0.02,weight_decay=0.01", "adagrad:lr=0.1,lr_decay=0.01,initial_accumulator_value=0.1",
            "rmsprop:lr=0.01,centered=true,momentum=0.5", "rmsprop:lr=0.01,bias_correction=true",
            "adam:lr=0.05,amsgrad=true,clip_norm=3", "adamw:lr=0.05,clip_value=1", "nadam:lr=0.05",
            "radam:lr=0.05", "adamax:lr=0.05,maximize=true", "adadelta", "lion:lr=0.01,weight_decay=0.1");

    @Provide
    Arbitrary<String> specs() {
        return Arbitraries.of(SPECS);
    }

    /**
     * The layout of {@link Optimizer#exportState()}: magic, version, name, size, step count,
     * scalars, then each moment array as big-endian raw float bits (NaN payloads and −0 kept),
     * byte for byte as written with {@link java.io.DataOutputStream}.
     */
    @Test
    void exportedBytesAreTheDataOutputLayoutWithRawBits() throws java.io.IOException {
        int n = 5;
        int[] m = {0x7fc00001, 0x80000000, 0x3f800000, 0xff800000, 0x00000001};
        int[] v = {0x7f800001, 0x00000000, 0x41200000, 0x7fffffff, 0x80000001};
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeInt(0x44534f50);
        out.writeInt(1);
        out.writeUTF("adam");
        out.writeInt(n);
        out.writeLong(7);
        out.writeInt(0);
        out.writeInt(2);
        for (int[] a : new int[][] {m, v}) {
            for (int b : a) {
                out.writeInt(b);
            }
        }
        byte[] expected = bytes.toByteArray();
        Optimizer adam = Adam.defaults().create(n);
        adam.importState(expected);
        assertThat(adam.exportState()).containsExactly(expected);
    }

    @Property(tries = 60)
    void roundTripThenContinueIsBitIdentical(@ForAll("specs") String spec, @ForAll @IntRange(min = 0, max = 12) int before,
            @ForAll @IntRange(min = 1, max = 12) int after, @ForAll @IntRange(min = 1, max = 70) int n,
            @ForAll long seed) {
        OptimizerConfig config = Optimizers.parse(spec);
        ParamGroups groups = n >= 4
                ? ParamGroups.of(n, new ParamGroup(0, n / 2, 1, 1), new ParamGroup(n / 2 + 1, n, 0.5, 0))
                : ParamGroups.whole(n);
        Trajectories.Problem p = Trajectories.Problem.random(n, seed);

        Optimizer straight = config.create(groups);
        float[] expected = Trajectories.run(straight, p, before + after, config.lr());

        Optimizer first = config.create(groups);
        float[] x = p.x0().clone();
        float[] g = new float[n];
        for (int t = 0; t < before; t++) {
            p.grad(x, g);
            first.step(x, g);
        }
        Optimizer resumed = config.create(groups);
        resumed.importState(first.exportState());
        assertThat(resumed.steps()).isEqualTo(before);
        for (int t = 0; t < after; t++) {
            p.grad(x, g);
            resumed.step(x, g);
        }
        assertThat(x).containsExactly(expected);
        assertThat(resumed.exportState()).containsExactly(straight.exportState());
    }

    @Test
    void foreignStatesAreRejected() {
        byte[] adam = new Adam(1e-3).create(10).exportState();
        assertThatThrownBy(() -> new Adam(1e-3).create(11).importState(adam))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("over 10 parameters");
        assertThatThrownBy(() -> new RAdam(1e-3).create(10).importState(adam))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adam");
        assertThatThrownBy(() -> new Adam(1e-3, 0.9, 0.999, 1e-8, true, Options.NONE).create(10).importState(adam))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amsgrad");
        assertThatThrownBy(() -> new Adam(1e-3).create(10).importState(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] truncated = java.util.Arrays.copyOf(adam, adam.length - 1);
        assertThatThrownBy(() -> new Adam(1e-3).create(10).importState(truncated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    }
}
