package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import java.util.Collection;
import java.util.Collections;
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

    MergedView(CollectionView collection, NavigableMap<PointKey, StoredPoint> points) {
        this.collection = collection;
        this.points = points;
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
}
