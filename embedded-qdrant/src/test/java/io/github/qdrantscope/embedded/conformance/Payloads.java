package io.github.qdrantscope.embedded.conformance;

import io.qdrant.client.ValueFactory;
import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds Qdrant payload values from plain Java values, so test data reads like JSON. */
final class Payloads {

    private Payloads() {
    }

    /** {@code payload("a", 1, "b", "x")}: alternating keys and values. */
    static Map<String, Value> payload(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        Map<String, Value> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], value(keysAndValues[i + 1]));
        }
        return map;
    }

    /** A JSON object value. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Integers become JSON integers, doubles JSON doubles, null JSON null, lists arrays, maps objects. */
    static Value value(Object object) {
        if (object == null) {
            return ValueFactory.nullValue();
        }
        if (object instanceof Value v) {
            return v;
        }
        if (object instanceof String s) {
            return ValueFactory.value(s);
        }
        if (object instanceof Boolean b) {
            return ValueFactory.value(b);
        }
        if (object instanceof Integer || object instanceof Long) {
            return ValueFactory.value(((Number) object).longValue());
        }
        if (object instanceof Double || object instanceof Float) {
            return ValueFactory.value(((Number) object).doubleValue());
        }
        if (object instanceof List<?> list) {
            List<Value> values = new ArrayList<>();
            list.forEach(element -> values.add(value(element)));
            return Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(values)).build();
        }
        if (object instanceof Map<?, ?> map) {
            Struct.Builder struct = Struct.newBuilder();
            map.forEach((k, v) -> struct.putFields((String) k, value(v)));
            return Value.newBuilder().setStructValue(struct).build();
        }
        throw new IllegalArgumentException("unsupported payload value " + object.getClass());
    }
}
