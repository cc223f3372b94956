package io.github.qdrantscope.embedded.filter;

import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code with_payload} include selector as Qdrant 1.17 applies it: {@code PayloadSelector::process} in
 * {@code lib/segment/src/types.rs} runs {@code JsonPath::value_filter} (lib/segment/src/json_path/mod.rs,
 * {@code run_filter}) with {@code any(|pattern| pattern.check_include_pattern(key))}. Every key of the
 * payload tree is visited with its own path (an array element's path ends in {@code []}); a key is kept
 * when its path and some include path agree item by item over their common length (either is a prefix of
 * the other). A kept object is rebuilt from its kept keys, so it stays, possibly empty ({@code obj.x} on an
 * {@code obj} without {@code x} returns {@code obj: {}}); a kept array keeps the elements whose
 * {@code []} path agrees ({@code nested[].a} keeps each element as {@code {a}}); any other kept value is
 * returned whole. The index searched could not pin the v1.17.0 tag; the {@code value_filter} form read is
 * the JsonPath-v2 one, which 1.17 uses.
 */
public final class PayloadInclude {

    private final JsonPath[] patterns;

    private PayloadInclude(JsonPath[] patterns) {
        this.patterns = patterns;
    }

    /**
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} "Invalid json path: '...'" for a field
     *     that is not a payload key path, as {@code json_path_from_proto} converts each include field
     */
    public static PayloadInclude of(List<String> fields) {
        JsonPath[] parsed = new JsonPath[fields.size()];
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = JsonPath.parse(fields.get(i));
        }
        return new PayloadInclude(parsed);
    }

    /** The included part of {@code payload}. */
    public Map<String, Value> apply(Map<String, Value> payload) {
        Map<String, Value> out = new LinkedHashMap<>();
        List<JsonPath.Item> path = new ArrayList<>();
        for (Map.Entry<String, Value> e : payload.entrySet()) {
            if (included(e.getKey(), path)) {
                out.put(e.getKey(), filter(e.getKey(), path, e.getValue()));
            }
        }
        return out;
    }

    private Value filter(String first, List<JsonPath.Item> path, Value value) {
        switch (value.getKindCase()) {
            case STRUCT_VALUE: {
                Struct.Builder kept = Struct.newBuilder();
                for (Map.Entry<String, Value> e : value.getStructValue().getFieldsMap().entrySet()) {
                    path.add(new JsonPath.Key(e.getKey()));
                    if (included(first, path)) {
                        kept.putFields(e.getKey(), filter(first, path, e.getValue()));
                    }
                    path.remove(path.size() - 1);
                }
                return Value.newBuilder().setStructValue(kept).build();
            }
            case LIST_VALUE: {
                ListValue.Builder kept = ListValue.newBuilder();
                path.add(JsonPath.Wildcard.INSTANCE);
                if (included(first, path)) {
                    for (Value element : value.getListValue().getValuesList()) {
                        kept.addValues(filter(first, path, element));
                    }
                }
                path.remove(path.size() - 1);
                return Value.newBuilder().setListValue(kept).build();
            }
            default:
                return value;
        }
    }

    /** {@code JsonPathV2::check_include_pattern}: same first key, equal items over the common length. */
    private boolean included(String first, List<JsonPath.Item> rest) {
        for (JsonPath pattern : patterns) {
            if (!pattern.firstKey.equals(first)) {
                continue;
            }
            int common = Math.min(rest.size(), pattern.rest.length);
            boolean agrees = true;
            for (int i = 0; i < common && agrees; i++) {
                agrees = rest.get(i).equals(pattern.rest[i]);
            }
            if (agrees) {
                return true;
            }
        }
        return false;
    }
}
