package dev.descent.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exporting the whole state (row cursor, curvature memory, saved overlap) and importing it into fresh state resumes bit for bit. */
class ResumeTest {

    static List<SampledConfig> configs() {
        return List.of(MultiBatchLbfgs.DEFAULT, new MultiBatchLbfgs(1, 1, 5, 0.2, 1e-4, 10), new MultiBatchLbfgs(1, 0.5, 3, 0, 1e-4, 4),
                ProgressiveBatchLbfgs.DEFAULT, (ProgressiveBatchLbfgs) StochasticMethods.parse("pb-lbfgs:test=norm,theta=0.5"), new Sqn(0.005, 4, 300, 5),
                new Sqn(0.005, 4, 300, 5, 0.2, 0.9), // the guard has undone a step before the split in both α = 0.1 runs, not in the other
                new Sqn(0.1, 4, 300, 5), new Sqn(0.1, 4, 300, 5, 0.2, 0.9), new Sqn(0.05, 4, 300, 5, 0.2, 0.9),
                new NaiveLbfgs(0.01, 5, false), new NaiveLbfgs(1, 5, true),
                StochasticMethods.parse("mb-lbfgs:search=overlap"), StochasticMethods.parse("mb-lbfgs:search=overlap,overlap=1"),
                StochasticMethods.parse("mb-lbfgs:search=overlap,lr=30"), StochasticMethods.parse("pb-lbfgs:search=overlap,test=norm,theta=0.5"));
    }

    @Test
    void importedStateContinuesBitIdentically() {
        int guarded = 0;
        for (SampledConfig cfg : configs()) {
            Quadratics f = new Quadratics(1500, 12, 300, 3.0, 9);
            float[] x = new float[12];
            SampledMethod straight = cfg.create(f, 64, 4);
            for (int k = 0; k < 40; k++) {
                straight.step(x, cfg.lr());
            }
            float[] y = new float[12];
            SampledMethod first = cfg.create(f, 64, 4);
            for (int k = 0; k < 17; k++) {
                first.step(y, cfg.lr());
            }
            guarded += first.stats().stepsUndone() > 0 ? 1 : 0;
            byte[] saved = first.exportState();
            SampledMethod second = cfg.create(f, 64, 4);
            second.importState(saved);
            assertArrayEquals(saved, second.exportState(), cfg.name());
            for (int k = 17; k < 40; k++) {
                second.step(y, cfg.lr());
            }
            assertArrayEquals(x, y, cfg.toString());
            assertArrayEquals(straight.exportState(), second.exportState(), cfg.toString());
            assertEquals(straight.stats(), second.stats());
        }
        assertEquals(2, guarded); // states saved after the guard fired continue too
    }

    @Test
    void foreignStateIsRefusedWithAMessage() {
        Quadratics f = new Quadratics(500, 4, 10, 1, 1);
        byte[] sqn = new Sqn(0.01, 4, 100, 5).create(f, 32, 1).exportState();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultiBatchLbfgs.DEFAULT.create(f, 32, 1).importState(sqn));
        assertEquals(true, e.getMessage().startsWith("the saved state does not belong to this mb-lbfgs state"), e.getMessage());
        assertEquals("the saved state does not belong to this mb-lbfgs state (it has the format SQN4, this version of descent reads "
                + "MBL2: continue it with the descent that wrote it, or start a new run)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sqn(0.01, 4, 100, 5).create(f, 32, 1).importState(new byte[3]));
    }

    /** An sqn state with momentum and one without are told apart, in both directions; another μ > 0 continues. */
    @Test
    void sqnStatesWithAndWithoutMomentumSayWhichTheyAre() {
        Quadratics f = new Quadratics(500, 4, 10, 1, 1);
        SampledMethod plain = new Sqn(0.01, 4, 100, 5).create(f, 32, 1);
        SampledMethod heavy = new Sqn(0.01, 4, 100, 5, 0.2, 0.9).create(f, 32, 1);
        float[] x = new float[4];
        float[] z = new float[4];
        for (int k = 0; k < 10; k++) {
            plain.step(x, 0.01);
            heavy.step(z, 0.01);
        }
        assertEquals("the saved state does not belong to this sqn state (it was saved without momentum: continue it with momentum=0)",
                assertThrows(IllegalArgumentException.class, () -> new Sqn(0.01, 4, 100, 5, 0.2, 0.9).create(f, 32, 1)
                        .importState(plain.exportState())).getMessage());
        assertEquals("the saved state does not belong to this sqn state (it was saved with momentum: continue it with the momentum it had)",
                assertThrows(IllegalArgumentException.class, () -> new Sqn(0.01, 4, 100, 5).create(f, 32, 1)
                        .importState(heavy.exportState())).getMessage());
        SampledMethod other = new Sqn(0.01, 4, 100, 5, 0.2, 0.5).create(f, 32, 1);
        other.importState(heavy.exportState());
        assertArrayEquals(heavy.exportState(), other.exportState());
    }
}
