package io.github.qdrantscope.embedded.differential;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.OrderValue;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one shape both sides are compared in: plain Java values ({@code Map<String, Object>},
 * {@code List<Object>}, {@code Long} for integers, {@code Double} for other numbers, {@code String},
 * {@code Boolean}, {@code null}). Integers and doubles stay apart, as Qdrant keeps {@code integer_value}
 * and {@code double_value} apart: a payload 3 read back as 3.0 is a difference.
 */
final class Json {

    private Json() {
    }

    /** The oracle's JSON (Python's json.dumps writes ints without and floats with a point or exponent). */
    static Object toJava(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : ((JsonObject) e).entrySet()) {
                map.put(entry.getKey(), toJava(entry.getValue()));
            }
            return map;
        }
        if (e.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonElement item : (JsonArray) e) {
                list.add(toJava(item));
            }
            return list;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isString()) {
            return p.getAsString();
        }
        String number = p.getAsString();
        boolean integral = number.chars().allMatch(c -> c == '-' || Character.isDigit(c));
        return integral ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
    }

    static Object id(PointId id) {
        return id.hasUuid() ? id.getUuid() : (Object) id.getNum();
    }

    static Object value(Value v) {
        return switch (v.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case INTEGER_VALUE -> v.getIntegerValue();
            case DOUBLE_VALUE -> v.getDoubleValue();
            case STRING_VALUE -> v.getStringValue();
            case BOOL_VALUE -> v.getBoolValue();
            case STRUCT_VALUE -> payload(v.getStructValue().getFieldsMap());
            case LIST_VALUE -> {
                List<Object> list = new ArrayList<>();
                v.getListValue().getValuesList().forEach(x -> list.add(value(x)));
                yield list;
            }
        };
    }

    static Map<String, Object> payload(Map<String, Value> fields) {
        Map<String, Object> map = new LinkedHashMap<>();
        fields.forEach((k, v) -> map.put(k, value(v)));
        return map;
    }

    /** Unnamed: the list of floats; named: name -> list (as Edge answers). Floats widened exactly. */
    static Object vectors(VectorsOutput v) {
        if (v.hasVector()) {
            return floats(v.getVector());
        }
        Map<String, Object> named = new LinkedHashMap<>();
        v.getVectors().getVectorsMap().forEach((name, vector) -> named.put(name, floats(vector)));
        return named;
    }

    /**
     * A dense vector as its floats, a sparse one as {@code {indices, values}} (edge_convert.vector_out), a
     * multivector as the list of its sub-vectors' floats (as Edge answers it).
     */
    @SuppressWarnings("deprecation") // the deprecated `data` field is what 1.17 servers still fill
    private static Object floats(VectorOutput v) {
        if (v.hasMultiDense()) {
            List<Object> rows = new ArrayList<>();
            v.getMultiDense().getVectorsList().forEach(row -> {
                List<Object> out = new ArrayList<>(row.getDataCount());
                row.getDataList().forEach(f -> out.add((double) f));
                rows.add(out);
            });
            return rows;
        }
        if (v.hasSparse()) {
            Map<String, Object> sparse = new LinkedHashMap<>();
            List<Object> indices = new ArrayList<>();
            v.getSparse().getIndicesList().forEach(i -> indices.add((long) i));
            List<Object> values = new ArrayList<>();
            v.getSparse().getValuesList().forEach(f -> values.add((double) f));
            sparse.put("indices", indices);
            sparse.put("values", values);
            return sparse;
        }
        List<Float> data = v.hasDense() ? v.getDense().getDataList() : v.getDataList();
        List<Object> out = new ArrayList<>(data.size());
        data.forEach(f -> out.add((double) f));
        return out;
    }

    static Object orderValue(OrderValue v) {
        return v.hasInt() ? (Object) v.getInt() : (Object) v.getFloat();
    }
}
