package dev.descent.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.nn.Model;
import dev.descent.nn.ModelSpec;
import dev.descent.nn.ParamRange;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** ParamGroups.noDecayOnBiasesAndNorms: weight decay on weight matrices only, in one call. */
class ParamGroupsForModelTest {

    @Test
    void groupsCoverTheBufferWithDecayOnWeightsOnly() {
        Model m = ModelSpec.parse("mlp:8,6:bn", 5, 3).build(1);
        ParamGroups groups = ParamGroups.noDecayOnBiasesAndNorms(m);
        assertThat(groups.size()).isEqualTo(m.paramCount());
        int covered = 0;
        for (ParamGroup g : groups.groups()) {
            covered += g.length();
            assertThat(g.lrScale()).isEqualTo(1.0);
        }
        assertThat(covered).isEqualTo(m.paramCount());
        for (ParamRange r : m.parameterRanges()) {
            ParamGroup g = groups.groups().stream().filter(x -> x.from() <= r.from() && r.to() <= x.to()).findFirst().orElseThrow();
            assertThat(g.weightDecayScale()).as(r.name()).isEqualTo(r.kind() == ParamRange.Kind.WEIGHT ? 1.0 : 0.0);
        }
        // dense0.bias, bn1.weight and bn1.bias are neighbours with the same settings: one group
        assertThat(groups.count()).isLessThan(m.parameterRanges().size());
    }

    @Test
    void adamwDecaysWeightsAndLeavesBiasesAndNormsAlone() {
        Model m = ModelSpec.parse("mlp:4:bn", 3, 2).build(2);
        float[] before = m.params().clone();
        Optimizer opt = new AdamW(0.1, 0.5).create(ParamGroups.noDecayOnBiasesAndNorms(m));
        float[] zero = new float[m.paramCount()];
        for (int s = 0; s < 3; s++) {
            opt.step(m.params(), zero);
        }
        for (ParamRange r : m.parameterRanges()) {
            float[] now = Arrays.copyOfRange(m.params(), r.from(), r.to());
            float[] then = Arrays.copyOfRange(before, r.from(), r.to());
            if (r.kind() == ParamRange.Kind.WEIGHT) {
                // zero gradient: only the decoupled decay moves them, θ ← θ·(1 − lr·λ)³
                for (int i = 0; i < now.length; i++) {
                    assertThat((double) now[i]).isCloseTo(then[i] * Math.pow(1 - 0.1 * 0.5, 3), org.assertj.core.api.Assertions.within(1e-6));
                }
            } else {
                assertThat(now).as(r.name()).containsExactly(then);
            }
        }
    }
}
