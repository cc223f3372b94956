package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Several shards of a custom-sharded collection read as one: the points of all of them in id order, an id held
 * by more than one shard once (Qdrant deduplicates ids across shards in Scroll, Retrieve and search merging,
 * lib/collection/src/collection/point_ops.rs and search.rs). Everything but the points is the collection's.
 */
final class MergedView implements CollectionView {

    private final CollectionView collection;
    private final NavigableMap<PointKey, StoredPoint> points;
    private final Map<String, List<Map<String, Value>>> retired;

    /** {@code retired}: what the merged shards' indexes retained, by key, copied under each shard's lock. */
    MergedView(CollectionView collection, NavigableMap<PointKey, StoredPoint> points,
            Map<String, List<Map<String, Value>>> retired) {
        this.collection = collection;
        this.points = points;
        this.retired = retired;
    }

    @Override
    public String name() {
        return collection.name();
    }

    @Override
    public Map<String, VectorSpec> vectors() {
        return collection.vectors();
    }

    @Override
    public Set<String> sparseVectors() {
        return collection.sparseVectors();
    }

    @Override
    public boolean sparseIdf(String name) {
        return collection.sparseIdf(name);
    }

    @Override
    public Collection<StoredPoint> points() {
        return Collections.unmodifiableCollection(points.values());
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
        return collection.payloadSchema();
    }

    // each shard's index retains its own values; the collection's facet sums the shards' hits
    @Override
    public List<Map<String, Value>> retiredIndexPayloads(String key) {
        return retired.getOrDefault(key, List.of());
    }
}
