package dev.descent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schedule against torch 1.13's {@code torch.optim.lr_scheduler} (goldens written by
 * {@code tools/schedule_torch_goldens.py}). PyTorch updates most rates recursively
 * ({@code lr *= γ}); descent uses the closed forms, so they agree to rounding: a relative
 * tolerance of 1e-12 (the recursions accumulate about one ulp per step over ≤ 100 steps).
 */
class TorchGoldensTest {

    static final double RELATIVE = 1e-12;

    static Stream<TorchGoldens> schedules() {
        return TorchGoldens.load().stream().filter(g -> !g.name().equals("ReduceLROnPlateau"));
    }

    static Stream<TorchGoldens> plateaus() {
        return TorchGoldens.load().stream().filter(g -> g.name().equals("ReduceLROnPlateau"));
    }

    static Schedule schedule(TorchGoldens g) {
        double lr0 = g.lr0();
        return switch (g.name()) {
            case "StepLR" -> Schedule.step(lr0, g.l("step_size"), g.d("gamma"));
            case "MultiStepLR" -> Schedule.multiStep(lr0,
                    Arrays.stream(g.args().get("milestones").split(";")).mapToLong(Long::parseLong).toArray(),
                    g.d("gamma"));
            case "ExponentialLR" -> Schedule.exponentialStaircase(lr0, g.d("gamma"), 1);
            case "CosineAnnealingLR" -> Schedule.cosine(lr0, g.l("T_max"), g.d("eta_min"));
            case "CosineAnnealingWarmRestarts" ->
                    Schedule.cosineWarmRestarts(lr0, g.l("T_0"), g.l("T_mult"), g.d("eta_min"));
            case "OneCycleLR" -> Schedule.oneCycle(g.d("max_lr"), g.l("total_steps"), g.d("pct_start"),
                    g.d("div_factor"), g.d("final_div_factor"));
            case "PolynomialLR" -> Schedule.polynomial(lr0, 0, g.d("power"), g.l("total_iters"));
            case "LinearLR" -> Schedule.linear(lr0, g.d("start_factor"), g.d("end_factor"), g.l("total_iters"));
            default -> throw new IllegalStateException("no schedule for golden " + g.name());
        };
    }

    @Test
    void everyTorchSchedulerIsCovered() {
        List<String> names = TorchGoldens.load().stream().map(TorchGoldens::name).distinct().toList();
        assertThat(names).containsExactlyInAnyOrder("StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR",
                "CosineAnnealingWarmRestarts", "OneCycleLR", "PolynomialLR", "LinearLR", "ReduceLROnPlateau");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void matchesTorch(TorchGoldens g) {
        Schedule s = schedule(g);
        double[] want = g.lrs();
        double worst = 0;
        int worstAt = -1;
        for (int t = 0; t < want.length; t++) {
            double got = s.at(t);
            double err = Math.abs(got - want[t]) / Math.max(Math.abs(want[t]), 1e-300);
            if (want[t] == 0) {
                err = Math.abs(got) / g.lr0(); // a rate of exactly 0: compare relative to lr0
            }
            if (err > worst) {
                worst = err;
                worstAt = t;
            }
        }
        assertThat(worst).as("max relative difference to torch at step %d", worstAt).isLessThanOrEqualTo(RELATIVE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plateaus")
    void reduceOnPlateauMatchesTorchExactly(TorchGoldens g) {
        PlateauConfig c = new PlateauConfig(
                PlateauConfig.Mode.valueOf(g.args().get("mode").toUpperCase()),
                g.d("factor"),
                (int) g.l("patience"),
                g.d("threshold"),
                PlateauConfig.ThresholdMode.valueOf(g.args().get("threshold_mode").toUpperCase()),
                (int) g.l("cooldown"),
                g.d("min_lr"),
                g.d("eps"));
        ReduceOnPlateau p = c.create(g.lr0());
        double[] got = new double[g.metrics().length];
        for (int i = 0; i < got.length; i++) {
            got[i] = p.step(g.metrics()[i]);
        }
        assertThat(got).containsExactly(g.lrs());
        assertThat(p.steps()).isEqualTo(got.length);
    }
}
