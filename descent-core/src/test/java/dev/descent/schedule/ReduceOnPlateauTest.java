package dev.descent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reduce-on-plateau: import checks, the settings' checks, and its rule by hand (torch goldens: {@link TorchGoldensTest}). */
class ReduceOnPlateauTest {

    @Test
    void importRejectsStatesOfOtherSettingsAndGarbage() {
        ReduceOnPlateau p = PlateauConfig.defaults().create(0.1);
        p.step(1.0);
        byte[] state = p.exportState();
        assertThatThrownBy(() -> PlateauConfig.defaults().withPatience(3).create(0.1).importState(state))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other settings or lr0");
        assertThatThrownBy(() -> PlateauConfig.defaults().create(0.2).importState(state))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other settings or lr0");
        assertThatThrownBy(() -> p.importState(new byte[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 96 bytes, got 5");
        assertThatThrownBy(() -> p.importState(new byte[state.length]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong header");
        assertThat(p.best()).isEqualTo(1.0); // a rejected import leaves the state alone
    }

    @Test
    void reducesAfterPatienceBadStepsThenCoolsDown() {
        ReduceOnPlateau p = PlateauConfig.defaults().withPatience(1).withCooldown(2).withFactor(0.5).create(1.0);
        assertThat(p.step(1.0)).isEqualTo(1.0); // best 1.0
        assertThat(p.step(1.0)).isEqualTo(1.0); // bad 1 (not better by 1e-4 relative)
        assertThat(p.step(1.0)).isEqualTo(0.5); // bad 2 > patience 1: reduce, cooldown 2
        assertThat(p.cooldownCounter()).isEqualTo(2);
        assertThat(p.step(1.0)).isEqualTo(0.5); // cooldown: not counted
        assertThat(p.step(1.0)).isEqualTo(0.5);
        assertThat(p.step(1.0)).isEqualTo(0.5); // bad 1
        assertThat(p.step(1.0)).isEqualTo(0.25); // bad 2: reduce
        assertThat(p.step(0.5)).isEqualTo(0.25); // better
        assertThat(p.best()).isEqualTo(0.5);
        assertThat(p.badSteps()).isZero();
    }

    @Test
    void settingsRejectBadValuesNamingThem() {
        PlateauConfig d = PlateauConfig.defaults();
        assertThatThrownBy(() -> d.withFactor(1)).hasMessage("factor must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> d.withPatience(-1)).hasMessage("patience must be ≥ 0, got -1");
        assertThatThrownBy(() -> d.withCooldown(-1)).hasMessage("cooldown must be ≥ 0, got -1");
        assertThatThrownBy(() -> d.withThreshold(Double.NaN, PlateauConfig.ThresholdMode.ABS))
                .hasMessageStartingWith("threshold must");
        assertThatThrownBy(() -> d.withMinLr(-1)).hasMessageStartingWith("minLr must");
        assertThatThrownBy(() -> d.withEps(-1)).hasMessageStartingWith("eps must");
        assertThatThrownBy(() -> d.withMode(null)).hasMessage("mode must not be null");
        assertThatThrownBy(() -> d.create(-1)).hasMessageStartingWith("lr0 must");
    }
}
