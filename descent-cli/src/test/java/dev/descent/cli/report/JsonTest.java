package dev.descent.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedValuesEscapedAndNonFiniteAsNull() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\nd\u0001");
        m.put("n", 3);
        m.put("d", 0.25);
        m.put("big", 1e300);
        m.put("arr", new double[] {1, Double.NaN, Double.POSITIVE_INFINITY, -2.5});
        m.put("list", List.of(true, "x"));
        m.put("nil", null);
        assertThat(Json.write(m)).isEqualTo(
                "{\"s\":\"a\\\"b\\\\c\\nd\\u0001\",\"n\":3,\"d\":0.25,\"big\":1.0E300,\"arr\":[1.0,null,null,-2.5],"
                        + "\"list\":[true,\"x\"],\"nil\":null}");
    }

    @Test
    void nonFiniteIsNullEverywhereAndTheOutputParsesBack() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("boxed", Double.NaN);
        m.put("float", Float.NEGATIVE_INFINITY);
        m.put("floats", new float[] {0.5f, Float.NaN});
        m.put("nested", Map.of("inf", Double.POSITIVE_INFINITY));
        m.put("ints", new int[] {1, 2});
        m.put("longs", new long[] {3L << 40});
        String s = Json.write(m);
        assertThat(s).isEqualTo("{\"boxed\":null,\"float\":null,\"floats\":[0.5,null],\"nested\":{\"inf\":null},"
                + "\"ints\":[1,2],\"longs\":[3298534883328]}");
        assertThat(Json.MAPPER.readTree(s).get("longs").get(0).asLong()).isEqualTo(3L << 40);
    }
}
