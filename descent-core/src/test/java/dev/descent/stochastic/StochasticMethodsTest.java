package dev.descent.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StochasticMethodsTest {

    @Test
    void defaultsAndKeys() {
        assertEquals(MultiBatchLbfgs.DEFAULT, StochasticMethods.parse("mb-lbfgs"));
        assertEquals(new MultiBatchLbfgs(1, 1, 20, 0.1, 1e-4, 10), StochasticMethods.parse("mb-lbfgs:overlap=1,memory=20,damping=0.1"));
        assertEquals(ProgressiveBatchLbfgs.DEFAULT.withLr(0.5), StochasticMethods.parse(" PB-LBFGS:lr=0.5 "));
        assertEquals(new Sqn(0.2, 10, 1000, 10), StochasticMethods.parse("sqn:lr=0.2,every=10,hessian_batch=1000"));
        assertEquals(new Sqn(0.1, 20, 4096, 10, 0.2, 0.9), StochasticMethods.parse("sqn:momentum=0.9"));
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
    void badSpecsSayWhatIsWrongInTheSharedFormat() {
        assertEquals("'gamma=1' at column 10 of optimizer spec 'mb-lbfgs:gamma=1': unknown key 'gamma'; valid keys for mb-lbfgs: "
                + "lr, overlap, memory, damping, c1, backtracks, search", message("mb-lbfgs:gamma=1"));
        assertTrue(message("mb-lbfgs:search=wolfe").contains("'wolfe' is not one of batch, overlap"), message("mb-lbfgs:search=wolfe"));
        assertEquals("'overlap=0.7' at column 10 of optimizer spec 'mb-lbfgs:overlap=0.7': overlap (or exactly 1, full overlap) must be "
                + "in (0, 0.5], got 0.7", message("mb-lbfgs:overlap=0.7"));
        assertTrue(message("sqn:every=x").startsWith("'every=x' at column 5 of optimizer spec 'sqn:every=x': "), message("sqn:every=x"));
        assertTrue(message("qn").contains("valid names: mb-lbfgs, pb-lbfgs, sqn, naive-lbfgs"), message("qn"));
        assertTrue(message("sqn:every").contains("every=VALUE"), message("sqn:every"));
        assertTrue(message("pb-lbfgs:test=normal").contains("'normal' is not one of inner, norm"), message("pb-lbfgs:test=normal"));
        assertTrue(message("sqn:memory=3000000000").contains("memory must be ≤ 2147483647"), message("sqn:memory=3000000000"));
        assertThrows(IllegalArgumentException.class, () -> new ProgressiveBatchLbfgs(1, 0, 0.25, 10, 0.2, 1e-4, 10, 16, 0,
                ProgressiveBatchLbfgs.Test.NORM));
        assertEquals(ProgressiveBatchLbfgs.Test.NORM, ((ProgressiveBatchLbfgs) StochasticMethods.parse("pb-lbfgs:TEST=Norm")).test());
    }

    /** Names, keys, defaults and help come from the records' entries. */
    @Test
    void usageListsEveryMethodWithItsDefaults() {
        List<String> usage = StochasticMethods.usage();
        assertEquals(4, usage.size());
        assertTrue(usage.get(0).startsWith("mb-lbfgs[:lr=1.0,overlap=0.25,memory=10,damping=0.2,c1=1.0E-4,backtracks=10,search=batch]"), usage.get(0));
        assertTrue(usage.get(1).contains("test=inner"), usage.get(1));
        assertTrue(usage.get(2).startsWith("sqn[:lr=0.1,every=20,hessian_batch=4096,memory=10,damping=0.2,momentum=0.0]"), usage.get(2));
        assertEquals(List.of("mb-lbfgs", "pb-lbfgs", "sqn", "naive-lbfgs"), StochasticMethods.names());
        assertEquals("sqn:lr=0.1,every=20,hessian_batch=4096,memory=10,damping=0.2,momentum=0.0", StochasticMethods.spec(Sqn.DEFAULT));
    }

    private static String message(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> StochasticMethods.parse(spec)).getMessage();
    }
}
