package io.github.qdrantscope.embedded.filter;

import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.NullValue;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payload key paths ({@code a.b}, {@code a[]}, {@code a[0]}, quoted segments) and the payload edits
 * that take them, as Qdrant 1.17's {@code json_path} module defines them
 * ({@code lib/segment/src/json_path/mod.rs}: {@code value_get}, {@code value_set}, {@code value_remove}).
 */
public final class PayloadPaths {

    private static final Value NULL = Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();

    private PayloadPaths() {
    }

    /**
     * All values at {@code key} in {@code payload}: arrays reached through {@code []} are flattened;
     * a plain path ending at an array yields the array value itself. Empty when the path is missing.
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} for a key that does not parse
     */
    public static List<Value> resolve(Map<String, Value> payload, String key) {
        return Collections.unmodifiableList(JsonPath.parse(key).values(payload));
    }

    /**
     * SetPayload semantics: merges {@code values} into the payload (top-level keys replaced; a null
     * value deletes the key), or, when {@code key} is non-null, into the object at that nested path
     * (created when missing). Returns a new map; the input is not modified.
     *
     * <p>As Qdrant's {@code value_set}: a missing or non-object value on the way to a {@code .key} step
     * is replaced by an object; a {@code [i]} step replaces a non-array by an empty array and sets
     * nothing when {@code i} is out of bounds; a {@code []} step merges into every element of an array
     * and replaces a non-array by an empty array; a non-object at the end is replaced by an object.
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} for a key that does not parse
     */
    public static Map<String, Value> set(Map<String, Value> payload, Map<String, Value> values, String key) {
        Map<String, Value> dest = new LinkedHashMap<>(payload);
        if (key == null) {
            mergeMap(dest, values);
        } else {
            JsonPath path = JsonPath.parse(key);
            setInMap(path.firstKey, path.rest, 0, dest, values);
        }
        return dest;
    }

    /**
     * DeletePayload semantics: removes every value at each path. Returns a new map.
     *
     * <p>As Qdrant's {@code value_remove}: a path ending in {@code .key} removes that key from every
     * object reached; ending in {@code []} empties the array; ending in {@code [i]} removes nothing
     * (Qdrant does not delete array indices because it would not be idempotent).
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} for a key that does not parse
     */
    public static Map<String, Value> delete(Map<String, Value> payload, List<String> keys) {
        Map<String, Value> dest = new LinkedHashMap<>(payload);
        for (String key : keys) {
            JsonPath path = JsonPath.parse(key);
            if (path.rest.length == 0) {
                dest.remove(path.firstKey);
            } else {
                Value value = dest.get(path.firstKey);
                if (value != null) {
                    dest.put(path.firstKey, remove(path.rest, 0, value));
                }
            }
        }
        return dest;
    }

    /** {@code merge_map} in {@code lib/segment/src/common/utils.rs}: null removes, anything else replaces. */
    private static void mergeMap(Map<String, Value> dest, Map<String, Value> src) {
        for (Map.Entry<String, Value> e : src.entrySet()) {
            if (isNull(e.getValue())) {
                dest.remove(e.getKey());
            } else {
                dest.put(e.getKey(), e.getValue());
            }
        }
    }

    private static void setInMap(String key, JsonPath.Item[] path, int depth, Map<String, Value> destMap,
            Map<String, Value> src) {
        Value existing = destMap.get(key);
        destMap.put(key, setValue(path, depth, existing == null ? NULL : existing, src));
    }

    private static Value setValue(JsonPath.Item[] path, int depth, Value dest, Map<String, Value> src) {
        if (depth == path.length) {
            Map<String, Value> map = fieldsOrEmpty(dest);
            mergeMap(map, src);
            return object(map);
        }
        JsonPath.Item item = path[depth];
        if (item instanceof JsonPath.Key k) {
            Map<String, Value> map = fieldsOrEmpty(dest);
            setInMap(k.name(), path, depth + 1, map, src);
            return object(map);
        }
        if (dest.getKindCase() != Value.KindCase.LIST_VALUE) {
            return array(List.of());
        }
        List<Value> list = new ArrayList<>(dest.getListValue().getValuesList());
        if (item instanceof JsonPath.Index i) {
            if (i.index() < list.size()) {
                list.set(i.index(), setValue(path, depth + 1, list.get(i.index()), src));
            }
        } else {
            list.replaceAll(element -> setValue(path, depth + 1, element, src));
        }
        return array(list);
    }

    /** A mutable copy of an object's fields; a non-object is replaced by an empty object. */
    private static Map<String, Value> fieldsOrEmpty(Value value) {
        return value.getKindCase() == Value.KindCase.STRUCT_VALUE
                ? new LinkedHashMap<>(value.getStructValue().getFieldsMap())
                : new LinkedHashMap<>();
    }

    private static Value remove(JsonPath.Item[] path, int depth, Value value) {
        JsonPath.Item head = path[depth];
        boolean last = depth == path.length - 1;
        if (head instanceof JsonPath.Key k) {
            if (value.getKindCase() != Value.KindCase.STRUCT_VALUE) {
                return value;
            }
            Map<String, Value> fields = value.getStructValue().getFieldsMap();
            Value child = fields.get(k.name());
            if (child == null) {
                return value;
            }
            Map<String, Value> map = new LinkedHashMap<>(fields);
            if (last) {
                map.remove(k.name());
            } else {
                map.put(k.name(), remove(path, depth + 1, child));
            }
            return object(map);
        }
        if (value.getKindCase() != Value.KindCase.LIST_VALUE) {
            return value;
        }
        List<Value> list = value.getListValue().getValuesList();
        if (head instanceof JsonPath.Index i) {
            if (last || i.index() >= list.size()) {
                return value;
            }
            List<Value> copy = new ArrayList<>(list);
            copy.set(i.index(), remove(path, depth + 1, list.get(i.index())));
            return array(copy);
        }
        if (last) {
            return array(List.of());
        }
        List<Value> copy = new ArrayList<>(list.size());
        for (Value element : list) {
            copy.add(remove(path, depth + 1, element));
        }
        return array(copy);
    }

    static boolean isNull(Value v) {
        Value.KindCase kind = v.getKindCase();
        return kind == Value.KindCase.NULL_VALUE || kind == Value.KindCase.KIND_NOT_SET;
    }

    private static Value object(Map<String, Value> fields) {
        return Value.newBuilder().setStructValue(Struct.newBuilder().putAllFields(fields)).build();
    }

    private static Value array(List<Value> values) {
        return Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(values)).build();
    }
}
