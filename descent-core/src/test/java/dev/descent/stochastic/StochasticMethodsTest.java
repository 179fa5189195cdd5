package dev.descent.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StochasticMethodsTest {

    @Test
    void defaultsAndKeys() {
        assertEquals(MultiBatchLbfgs.DEFAULT, StochasticMethods.parse("mb-lbfgs"));
        assertEquals(new MultiBatchLbfgs(1, 1, 20, 0.1, 1e-4, 10), StochasticMethods.parse("mb-lbfgs:overlap=1,memory=20,damping=0.1"));
        assertEquals(ProgressiveBatchLbfgs.DEFAULT.withLr(0.5), StochasticMethods.parse(" PB-LBFGS:lr=0.5 "));
        assertEquals(new Sqn(0.2, 10, 1000, 10), StochasticMethods.parse("sqn:lr=0.2,every=10,hessian_batch=1000"));
        assertTrue(StochasticMethods.isSampled("sqn:every=3"));
        assertTrue(!StochasticMethods.isSampled("adam"));
    }

    @Test
    void specRoundTrips() {
        for (SampledConfig c : ResumeTest.configs()) {
            assertEquals(c, StochasticMethods.parse(StochasticMethods.spec(c)));
        }
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertEquals("unknown key gamma for mb-lbfgs in 'mb-lbfgs:gamma=1'; valid keys: lr, overlap, memory, damping, c1, backtracks",
                assertThrows(IllegalArgumentException.class, () -> StochasticMethods.parse("mb-lbfgs:gamma=1")).getMessage());
        assertEquals("bad mb-lbfgs spec 'mb-lbfgs:overlap=0.7': overlap (or exactly 1, full overlap) must be in (0, 0.5], got 0.7",
                assertThrows(IllegalArgumentException.class, () -> StochasticMethods.parse("mb-lbfgs:overlap=0.7")).getMessage());
        assertEquals("bad value 'x' for every in 'sqn:every=x': expected an integer",
                assertThrows(IllegalArgumentException.class, () -> StochasticMethods.parse("sqn:every=x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StochasticMethods.parse("qn")).getMessage()
                .contains("valid names: mb-lbfgs, pb-lbfgs, sqn"));
        assertThrows(IllegalArgumentException.class, () -> StochasticMethods.parse("sqn:every"));
        assertThrows(IllegalArgumentException.class, () -> new ProgressiveBatchLbfgs(1, 0, 0.25, 10, 0.2, 1e-4, 10, 16, 0,
                ProgressiveBatchLbfgs.Test.NORM));
        assertEquals(ProgressiveBatchLbfgs.Test.NORM, ((ProgressiveBatchLbfgs) StochasticMethods.parse("pb-lbfgs:test=norm")).test());
    }
}
