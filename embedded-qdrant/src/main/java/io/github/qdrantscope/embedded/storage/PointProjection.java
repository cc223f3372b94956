package io.github.qdrantscope.embedded.storage;

import io.github.qdrantscope.embedded.filter.PayloadPaths;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.NamedVectorsOutput;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What of a stored point a response carries: the payload as a {@link WithPayloadSelector} asks
 * (all, none, include or exclude paths) and the vectors as a {@link WithVectorsSelector} asks.
 */
public final class PointProjection {

    private PointProjection() {
    }

    /**
     * The payload to return.
     *
     * @param whenUnset what an unset selector means for the RPC (Scroll: all; Get/Search/Query: none)
     */
    public static Map<String, Value> payload(StoredPoint point, WithPayloadSelector selector, boolean whenUnset) {
        return switch (selector.getSelectorOptionsCase()) {
            case ENABLE -> selector.getEnable() ? point.payload() : Map.of();
            case INCLUDE -> include(point.payload(), selector.getInclude().getFieldsList());
            case EXCLUDE -> PayloadPaths.delete(point.payload(), selector.getExclude().getFieldsList());
            default -> whenUnset ? point.payload() : Map.of();
        };
    }

    /**
     * The vectors to return, or empty when none were asked for (the default). A point whose only
     * selected vector is the unnamed one gets {@code vector}; otherwise the named map.
     */
    public static Optional<VectorsOutput> vectors(StoredPoint point, WithVectorsSelector selector) {
        Map<String, float[]> selected;
        switch (selector.getSelectorOptionsCase()) {
            case ENABLE -> {
                if (!selector.getEnable()) {
                    return Optional.empty();
                }
                selected = point.vectors();
            }
            case INCLUDE -> {
                selected = new LinkedHashMap<>();
                for (String name : selector.getInclude().getNamesList()) {
                    float[] v = point.vector(name);
                    if (v != null) {
                        selected.put(name, v);
                    }
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        if (selected.size() == 1 && selected.containsKey("")) {
            return Optional.of(VectorsOutput.newBuilder().setVector(output(selected.get(""))).build());
        }
        NamedVectorsOutput.Builder named = NamedVectorsOutput.newBuilder();
        selected.forEach((name, v) -> named.putVectors(name, output(v)));
        return Optional.of(VectorsOutput.newBuilder().setVectors(named).build());
    }

    /** A Points/Get result entry. */
    public static RetrievedPoint retrieved(StoredPoint point, WithPayloadSelector payload, boolean payloadWhenUnset,
            WithVectorsSelector vectors) {
        RetrievedPoint.Builder builder = RetrievedPoint.newBuilder()
                .setId(point.id().toPointId())
                .putAllPayload(payload(point, payload, payloadWhenUnset));
        vectors(point, vectors).ifPresent(builder::setVectors);
        return builder.build();
    }

    /**
     * A dense vector as output: in {@code dense} and in the deprecated {@code data} field (which
     * Qdrant itself fills), so clients reading either form see it.
     */
    @SuppressWarnings("deprecation")
    public static VectorOutput output(float[] vector) {
        DenseVector.Builder dense = DenseVector.newBuilder();
        VectorOutput.Builder output = VectorOutput.newBuilder();
        for (float v : vector) {
            dense.addData(v);
            output.addData(v);
        }
        return output.setDense(dense).build();
    }

    // Keeps only the given paths, rebuilding the objects on the way (a.b keeps {"a": {"b": ...}}).
    private static Map<String, Value> include(Map<String, Value> payload, List<String> paths) {
        Map<String, Value> result = new LinkedHashMap<>();
        for (String path : paths) {
            copyPath(payload, path.split("\\."), 0, result);
        }
        return result;
    }

    private static void copyPath(Map<String, Value> source, String[] segments, int index, Map<String, Value> target) {
        Value value = source.get(segments[index]);
        if (value == null) {
            return;
        }
        if (index == segments.length - 1) {
            target.put(segments[index], value);
            return;
        }
        if (!value.hasStructValue()) {
            return;
        }
        Value existing = target.get(segments[index]);
        Map<String, Value> child = existing != null && existing.hasStructValue()
                ? new LinkedHashMap<>(existing.getStructValue().getFieldsMap())
                : new LinkedHashMap<>();
        copyPath(value.getStructValue().getFieldsMap(), segments, index + 1, child);
        if (!child.isEmpty()) {
            target.put(segments[index], Value.newBuilder()
                    .setStructValue(Struct.newBuilder().putAllFields(child)).build());
        }
    }
}
