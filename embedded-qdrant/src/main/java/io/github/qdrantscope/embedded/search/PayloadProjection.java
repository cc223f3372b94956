package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.filter.PayloadPaths;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which part of a payload a response carries: Qdrant's {@code with_payload} (bool, include paths or
 * exclude paths). Include paths are object paths ({@code a}, {@code a.b}); an include path through an
 * array ({@code a[]}) selects its first segment's whole value. Exclude paths are full payload keys,
 * removed exactly as DeletePayload removes them.
 */
final class PayloadProjection {

    private enum Mode { NONE, ALL, INCLUDE, EXCLUDE }

    private final Mode mode;
    private final List<String> fields;

    private PayloadProjection(Mode mode, List<String> fields) {
        this.mode = mode;
        this.fields = fields;
    }

    /**
     * @param selector the request's selector, or {@code null} when the request did not set one
     * @param defaultEnabled what an absent selector means (Scroll: on; Search/Query/Get: off)
     */
    static PayloadProjection of(WithPayloadSelector selector, boolean defaultEnabled) {
        if (selector == null) {
            return new PayloadProjection(defaultEnabled ? Mode.ALL : Mode.NONE, List.of());
        }
        return switch (selector.getSelectorOptionsCase()) {
            case ENABLE -> new PayloadProjection(selector.getEnable() ? Mode.ALL : Mode.NONE, List.of());
            case INCLUDE -> new PayloadProjection(Mode.INCLUDE, selector.getInclude().getFieldsList());
            case EXCLUDE -> new PayloadProjection(Mode.EXCLUDE, selector.getExclude().getFieldsList());
            // an empty selector message decodes to "nothing set": Qdrant treats it as not requested
            case SELECTOROPTIONS_NOT_SET -> new PayloadProjection(defaultEnabled ? Mode.ALL : Mode.NONE, List.of());
        };
    }

    /** The payload to return (never null; empty when disabled). */
    Map<String, Value> apply(Map<String, Value> payload) {
        switch (mode) {
            case NONE:
                return Map.of();
            case ALL:
                return payload;
            case INCLUDE: {
                Map<String, Value> out = new LinkedHashMap<>();
                for (String field : fields) {
                    include(payload, segments(field), 0, out);
                }
                return out;
            }
            default:
                // the same removal as DeletePayload: Qdrant's exclude is `payload.remove(path)` for each path
                return PayloadPaths.delete(payload, fields);
        }
    }

    private static String[] segments(String path) {
        int bracket = path.indexOf('[');
        String objectPath = bracket >= 0 ? path.substring(0, bracket) : path;
        return objectPath.split("\\.", -1);
    }

    private static void include(Map<String, Value> from, String[] path, int depth, Map<String, Value> into) {
        Value value = from.get(path[depth]);
        if (value == null) {
            return;
        }
        if (depth == path.length - 1) {
            into.put(path[depth], value);
            return;
        }
        if (!value.hasStructValue()) {
            return;
        }
        Value existing = into.get(path[depth]);
        Map<String, Value> nested = existing != null && existing.hasStructValue()
                ? new LinkedHashMap<>(existing.getStructValue().getFieldsMap())
                : new LinkedHashMap<>();
        include(value.getStructValue().getFieldsMap(), path, depth + 1, nested);
        if (!nested.isEmpty()) {
            into.put(path[depth], structOf(nested));
        }
    }

    private static Value structOf(Map<String, Value> fields) {
        return Value.newBuilder().setStructValue(Struct.newBuilder().putAllFields(fields)).build();
    }
}
