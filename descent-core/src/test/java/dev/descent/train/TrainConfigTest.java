package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.data.Dataset;
import dev.descent.data.Synthetic;
import dev.descent.optim.Sgd;
import org.junit.jupiter.api.Test;

/** TrainConfig's factories and the run length it computes for the caller. */
class TrainConfigTest {

    @Test
    void totalStepsCountsBatchesPerEpochAndTheStepBudget() {
        TrainConfig c = TrainConfig.forEpochs(3, 32, 0);
        assertThat(c.epochs()).isEqualTo(3);
        assertThat(c.stepsPerEpoch(100)).isEqualTo(4);        // 32 + 32 + 32 + 4
        assertThat(c.totalSteps(100)).isEqualTo(12);
        assertThat(c.totalSteps(10)).isEqualTo(3);           // one (short) batch per epoch
        assertThat(c.withMaxSteps(5).totalSteps(100)).isEqualTo(5);
        assertThat(c.withMaxSteps(50).totalSteps(100)).isEqualTo(12);
        assertThat(TrainConfig.forSteps(1000, 32, 0).totalSteps(100)).isEqualTo(1000);
        assertThat(c.scheduleLength(100)).isEqualTo(12);
        assertThat(c.withSchedulePerEpoch(true).scheduleLength(100)).isEqualTo(3);
        assertThat(c.withSchedulePerEpoch(true).withMaxSteps(5).scheduleLength(100)).isEqualTo(2);
        assertThatThrownBy(() -> c.totalSteps(0)).hasMessageContaining("at least 1 row");
    }

    @Test
    void theTrainerRunsExactlyTotalSteps() {
        Dataset data = Synthetic.blobs(3, 33, 2, 1.0, 1);     // 99 rows
        for (TrainConfig c : new TrainConfig[] {TrainConfig.forEpochs(2, 16, 1), TrainConfig.forSteps(9, 16, 1),
                TrainConfig.forEpochs(2, 500, 1), TrainConfig.forEpochs(3, 16, 1).withMaxSteps(10)}) {
            TestNets.Softmax net = new TestNets.Softmax(2, 3, 1);
            TrainResult r = new Trainer(c, net, new Sgd(0.01).create(net.params().length), t -> 0.01)
                    .fit(data, null, TrainListener.none());
            assertThat(r.steps()).as(c.toString()).isEqualTo(c.totalSteps(data.n()));
        }
    }
}
