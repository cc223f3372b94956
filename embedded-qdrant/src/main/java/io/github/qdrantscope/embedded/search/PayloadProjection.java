package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.filter.PayloadInclude;
import io.github.qdrantscope.embedded.filter.PayloadPaths;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import java.util.List;
import java.util.Map;

/**
 * Which part of a payload a response carries: Qdrant's {@code with_payload} (bool, include paths or
 * exclude paths). Include paths keep what Qdrant's {@code value_filter} keeps ({@link PayloadInclude}:
 * {@code obj.x} returns {@code obj: {}} when {@code obj} has no {@code x}, {@code a[].b} projects each
 * element of {@code a} to {@code {b}}). Exclude paths are full payload keys, removed exactly as
 * DeletePayload removes them.
 */
final class PayloadProjection {

    private enum Mode { NONE, ALL, INCLUDE, EXCLUDE }

    private final Mode mode;
    private final List<String> fields;
    private final PayloadInclude include;

    private PayloadProjection(Mode mode, List<String> fields) {
        this.mode = mode;
        this.fields = fields;
        this.include = mode == Mode.INCLUDE ? PayloadInclude.of(fields) : null;
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
            case INCLUDE:
                return include.apply(payload);
            default:
                // the same removal as DeletePayload: Qdrant's exclude is `payload.remove(path)` for each path
                return PayloadPaths.delete(payload, fields);
        }
    }
}
