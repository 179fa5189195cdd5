package dev.descent.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.io.OutputFile;
import dev.descent.optim.OptimizerConfig;
import dev.descent.optim.Optimizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints carry the run's settings and refuse to continue with other ones; recovery never destroys the backup. */
class CheckpointSettingsTest {

    @TempDir
    Path dir;

    private static Trainer trainer(OptimizerConfig oc, TestNets.Softmax net, Path ck) {
        return new Trainer(TrainConfig.forEpochs(2, 16, 7), net, oc.create(net.params().length), t -> oc.lr())
                .checkpointTo(ck, Map.of("model", "softmax", "optimizer", Optimizers.spec(oc)));
    }

    @Test
    void aResumeWithChangedAdamWHyperparametersIsRefusedNamingTheDifference() throws Exception {
        OptimizerConfig wrote = Optimizers.parse("adamw:lr=0.01,weight_decay=0.01");
        trainer(wrote, new TestNets.Softmax(2, 3, 0), dir).fit(TrainerTest.DATA.train(), TrainerTest.DATA.heldOut(), TrainListener.none());
        Checkpoint c = Checkpoint.read(dir);
        assertThat(c.meta()).containsEntry("optimizer", Optimizers.spec(wrote));

        OptimizerConfig changed = Optimizers.parse("adamw:lr=0.01,weight_decay=0.1");
        assertThatThrownBy(() -> trainer(changed, new TestNets.Softmax(2, 3, 0), dir)
                .resume(c, TrainerTest.DATA.train(), TrainerTest.DATA.heldOut(), TrainListener.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the checkpoint was written with other settings: optimizer adamw:weight_decay 0.01 in the checkpoint, 0.1 now");
        // the same settings continue
        trainer(wrote, new TestNets.Softmax(2, 3, 0), dir).resume(c, TrainerTest.DATA.train(), TrainerTest.DATA.heldOut(),
                TrainListener.none());
    }

    @Test
    void aCorruptCurrentCheckpointIsSetAsideNeverMadeTheBackup() throws Exception {
        CheckpointTest.sample(1).write(dir);
        CheckpointTest.sample(2).write(dir);
        Path f = dir.resolve(Checkpoint.FILE);
        byte[] bad = Files.readAllBytes(f);
        bad[bad.length / 2] ^= 1;
        Files.write(f, bad);
        Checkpoint.CorruptException e = org.junit.jupiter.api.Assertions.assertThrows(Checkpoint.CorruptException.class,
                () -> Checkpoint.read(dir));
        assertThat(e.backup()).contains(dir.resolve(Checkpoint.PREVIOUS));
        Checkpoint backup = Checkpoint.read(dir.resolve(Checkpoint.PREVIOUS));
        backup.write(dir); // what a resume from the backup does at its next checkpoint
        assertThat(Files.readAllBytes(dir.resolve(Checkpoint.CORRUPT))).isEqualTo(bad);
        assertThat(Checkpoint.read(dir.resolve(Checkpoint.PREVIOUS)).step()).isEqualTo(1); // the backup is still there
        assertThat(Checkpoint.read(dir).step()).isEqualTo(1);
        // a killed writer's temporaries are removed, nothing else
        Path stale = Files.writeString(dir.resolve(OutputFile.tempPrefix(f) + "123" + OutputFile.TEMP_SUFFIX), "half");
        Path mine = Files.writeString(dir.resolve("notes.txt"), "mine");
        Checkpoint.deleteTemporaries(dir);
        assertThat(stale).doesNotExist();
        assertThat(mine).exists();
    }
}
