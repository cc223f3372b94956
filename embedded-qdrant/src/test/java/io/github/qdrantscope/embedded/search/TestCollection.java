package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.CosinePreprocessing;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.github.qdrantscope.embedded.storage.VectorSpec;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An in-memory {@link CollectionView} for engine tests. Like the storage layer, it stores Cosine
 * vectors preprocessed ({@link CosinePreprocessing}), so expected Cosine scores are dot products of unit
 * vectors.
 */
final class TestCollection implements CollectionView {

    private final Map<String, VectorSpec> vectors = new LinkedHashMap<>();
    private final TreeMap<PointKey, StoredPoint> points = new TreeMap<>();
    private final Map<String, PayloadSchemaInfo> schema = new LinkedHashMap<>();

    /** A collection with one unnamed vector. */
    static TestCollection unnamed(int size, Distance distance) {
        return new TestCollection().vector("", size, distance);
    }

    TestCollection vector(String name, int size, Distance distance) {
        vectors.put(name, new VectorSpec(size, distance));
        return this;
    }

    TestCollection index(String key, PayloadSchemaType type) {
        schema.put(key, PayloadSchemaInfo.newBuilder().setDataType(type).build());
        return this;
    }

    TestCollection index(String key, PayloadSchemaInfo info) {
        schema.put(key, info);
        return this;
    }

    /** Adds a point with the unnamed vector. */
    TestCollection point(long id, float[] vector, Object... payloadKeyValues) {
        return point(PointKey.ofNumber(id), Map.of("", vector), payloadKeyValues);
    }

    TestCollection point(String uuid, float[] vector, Object... payloadKeyValues) {
        return point(PointKey.ofUuid(UUID.fromString(uuid)), Map.of("", vector), payloadKeyValues);
    }

    TestCollection point(PointKey id, Map<String, float[]> named, Object... payloadKeyValues) {
        Map<String, float[]> stored = new LinkedHashMap<>();
        named.forEach((name, v) -> stored.put(name, vectors.get(name).distance() == Distance.Cosine
                ? CosinePreprocessing.preprocess(v.clone()) : v.clone()));
        Map<String, Value> payload = new LinkedHashMap<>();
        for (int i = 0; i < payloadKeyValues.length; i += 2) {
            payload.put((String) payloadKeyValues[i], value(payloadKeyValues[i + 1]));
        }
        points.put(id, new StoredPoint(id, payload, stored));
        return this;
    }

    static float[] v(float... values) {
        return values;
    }

    static Value value(Object o) {
        if (o instanceof Value v) {
            return v;
        }
        if (o instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        }
        if (o instanceof Integer i) {
            return Value.newBuilder().setIntegerValue(i).build();
        }
        if (o instanceof Long l) {
            return Value.newBuilder().setIntegerValue(l).build();
        }
        if (o instanceof Double d) {
            return Value.newBuilder().setDoubleValue(d).build();
        }
        if (o instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (o instanceof List<?> list) {
            ListValue.Builder b = ListValue.newBuilder();
            list.forEach(e -> b.addValues(value(e)));
            return Value.newBuilder().setListValue(b).build();
        }
        throw new IllegalArgumentException("unsupported payload value " + o);
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public Map<String, VectorSpec> vectors() {
        return vectors;
    }

    @Override
    public Set<String> sparseVectors() {
        return Set.of();
    }

    @Override
    public boolean sparseIdf(String name) {
        return false;
    }

    @Override
    public Collection<StoredPoint> points() {
        return points.values();
    }

    @Override
    public StoredPoint point(PointKey id) {
        return points.get(id);
    }

    @Override
    public int size() {
        return points.size();
    }

    @Override
    public Map<String, PayloadSchemaInfo> payloadSchema() {
        return schema;
    }
}
