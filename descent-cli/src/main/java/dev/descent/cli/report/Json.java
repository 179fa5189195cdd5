package dev.descent.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * The one JSON writer of the command line (Jackson): every {@code --json} object, the train
 * command's metrics lines and the tour's {@code results.json} go through {@link #write}.
 *
 * <p>Values are plain Java objects: {@code null}, {@link String}, {@link Boolean}, {@link Number},
 * arrays ({@code double[]}, {@code float[]}, {@code int[]}, {@code long[]}), {@link java.util.List}
 * and {@link java.util.Map} with string keys (insertion order kept). The output is compact (no
 * spaces, one line). Numbers: integers as integers, {@code double}/{@code float} in Java's
 * shortest round-trip form ({@code 0.25}, {@code 40.0}, {@code 1.0E300}), and non-finite values,
 * which JSON cannot hold, as {@code null}, in fields and in arrays alike.
 */
public final class Json {

    /** The configured mapper (non-finite doubles and floats as {@code null}); not exposed, so nobody reconfigures it. */
    static final ObjectMapper MAPPER = JsonMapper.builder().addModule(nonFiniteAsNull()).build();

    private Json() {}

    /**
     * The JSON text of {@code value}, on one line.
     *
     * @param value a value of the kinds listed above, nested as deep as needed
     * @return the JSON text, without a line break
     * @throws IllegalArgumentException when {@code value} holds something Jackson cannot write
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static SimpleModule nonFiniteAsNull() {
        JsonSerializer<Double> doubles = serializer(Json::number);
        JsonSerializer<Float> floats = serializer(Json::number);
        JsonSerializer<double[]> doubleArrays = serializer((g, a) -> {
            g.writeStartArray(a, a.length);
            for (double v : a) {
                number(g, v);
            }
            g.writeEndArray();
        });
        JsonSerializer<float[]> floatArrays = serializer((g, a) -> {
            g.writeStartArray(a, a.length);
            for (float v : a) {
                number(g, v);
            }
            g.writeEndArray();
        });
        SimpleModule m = new SimpleModule("descent-non-finite-as-null");
        m.addSerializer(Double.class, doubles);
        m.addSerializer(Double.TYPE, doubles);
        m.addSerializer(Float.class, floats);
        m.addSerializer(Float.TYPE, floats);
        m.addSerializer(double[].class, doubleArrays);
        m.addSerializer(float[].class, floatArrays);
        return m;
    }

    /** How one value of type {@code T} is written. */
    @FunctionalInterface
    private interface Writer<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    /** A Jackson serializer that writes each value with {@code writer}. */
    private static <T> JsonSerializer<T> serializer(Writer<T> writer) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
                writer.write(g, value);
            }
        };
    }

    /** Writes a double, or {@code null} when it is not finite. */
    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    /** Writes a float in its own shortest form (not widened to double), or {@code null} when it is not finite. */
    private static void number(JsonGenerator g, float v) throws IOException {
        if (Float.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

}
