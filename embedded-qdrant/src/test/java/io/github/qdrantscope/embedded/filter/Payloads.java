package io.github.qdrantscope.embedded.filter;

import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.NullValue;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds wire payload values from plain Java objects for tests. */
final class Payloads {

    /** Marker for JSON null in {@link #map}. */
    static final Object NULL = new Object();

    private Payloads() {
    }

    static Value value(Object o) {
        if (o == null || o == NULL) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (o instanceof Value v) {
            return v;
        }
        if (o instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        }
        if (o instanceof Integer || o instanceof Long) {
            return Value.newBuilder().setIntegerValue(((Number) o).longValue()).build();
        }
        if (o instanceof Double || o instanceof Float) {
            return Value.newBuilder().setDoubleValue(((Number) o).doubleValue()).build();
        }
        if (o instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (o instanceof List<?> list) {
            ListValue.Builder lb = ListValue.newBuilder();
            list.forEach(e -> lb.addValues(value(e)));
            return Value.newBuilder().setListValue(lb).build();
        }
        if (o instanceof Map<?, ?> map) {
            Struct.Builder sb = Struct.newBuilder();
            map.forEach((k, v) -> sb.putFields((String) k, value(v)));
            return Value.newBuilder().setStructValue(sb).build();
        }
        throw new IllegalArgumentException("unsupported " + o);
    }

    /** A payload from alternating keys and values. */
    static Map<String, Value> map(Object... kv) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], value(kv[i + 1]));
        }
        return m;
    }

    /** A JSON object value from alternating keys and values (keeps JSON nulls, unlike Map.of). */
    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Object> arr(Object... values) {
        return java.util.Arrays.asList(values);
    }

    static StoredPoint point(long id, Map<String, Value> payload) {
        return new StoredPoint(PointKey.ofNumber(id), payload, Map.of());
    }
}
