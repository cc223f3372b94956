package io.github.qdrantscope.benchmarks;

import static io.qdrant.client.ValueFactory.value;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.github.qdrantscope.embedded.storage.VectorSpec;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A {@link CollectionView} over a sorted map of {@link StoredPoint}s, so the embedded server's search
 * engine can be measured in process, without gRPC, on the same data as the other variants.
 */
final class InMemoryCollection implements CollectionView {

    private final String name;
    private final VectorSpec vector;
    private final NavigableMap<PointKey, StoredPoint> points = new TreeMap<>();

    /** The points of {@code dataset} (id = index), stored as the server stores them. */
    InMemoryCollection(String name, Dataset dataset) {
        this.name = name;
        int dimension = dataset.vector(0).length;
        this.vector = new VectorSpec(dimension, Distance.Cosine);
        for (int i = 0; i < dataset.size(); i++) {
            PointKey key = PointKey.ofNumber(i);
            // Dataset vectors are already unit length, as Cosine vectors are stored.
            points.put(key, new StoredPoint(key, Map.of(Dataset.TENANT_KEY, value(dataset.tenant(i))),
                    Map.of("", dataset.vector(i))));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, VectorSpec> vectors() {
        return Map.of("", vector);
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
        return Map.of();
    }
}
