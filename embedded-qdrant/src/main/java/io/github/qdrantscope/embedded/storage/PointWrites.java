package io.github.qdrantscope.embedded.storage;

import io.github.qdrantscope.embedded.filter.FilterEvaluator;
import io.github.qdrantscope.embedded.filter.PayloadPaths;
import io.github.qdrantscope.embedded.storage.StoredCollection.MutableCollection;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.UpdateMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The point write operations of Qdrant 1.17 ({@code lib/shard/src/update.rs}), applied to a collection
 * under its write lock.
 *
 * <p>Each operation validates its whole input before changing anything, so a rejected request leaves
 * the collection as it was.
 */
public final class PointWrites {

    private final MutableCollection collection;

    /** Operations on {@code collection}, which must be write-locked for the lifetime of this object. */
    public PointWrites(MutableCollection collection) {
        this.collection = collection;
    }

    /**
     * Upsert: each point replaces any stored point with its id (payload not given = empty); within one
     * request the last point with an id wins. {@code updateFilter} (when non-null) limits which
     * existing points may be replaced; {@code mode} limits inserts or updates.
     */
    public void upsert(List<PointStruct> points, Filter updateFilter, UpdateMode mode) {
        Map<PointKey, StoredPoint> byId = new LinkedHashMap<>();
        for (PointStruct point : points) {
            if (!point.hasId()) {
                throw QdrantErrors.invalidArgument("Empty ID is not allowed");
            }
            PointKey id = PointKey.of(point.getId());
            if (!point.hasVectors()) {
                throw QdrantErrors.invalidArgument("Expected some vectors");
            }
            Map<String, float[]> vectors = VectorInput.toStored(point.getVectors(), collection.vectors());
            byId.put(id, new StoredPoint(id, point.getPayloadMap(), vectors));
        }
        if (updateFilter == null && mode != UpdateMode.UpdateOnly && mode != UpdateMode.InsertOnly) {
            // the common upsert replaces or inserts unconditionally: one tree walk per point instead of a lookup and
            // a put (random UUID ids, as scoped clients write them, made the lookup a visible share of an upsert)
            byId.values().forEach(collection::put);
            return;
        }
        Predicate<StoredPoint> mayUpdate = updateFilter == null ? p -> true : FilterEvaluator.compile(updateFilter);
        for (StoredPoint point : byId.values()) {
            StoredPoint existing = collection.point(point.id());
            boolean allowed = existing == null
                    ? mode != UpdateMode.UpdateOnly
                    : mode != UpdateMode.InsertOnly && mayUpdate.test(existing);
            if (allowed) {
                collection.put(point);
            }
        }
    }

    /** Deletes the selected points; ids that do not exist are ignored. */
    public void deletePoints(PointsSelector selector) {
        for (PointKey id : select(selector, false)) {
            collection.remove(id);
        }
    }

    /** Replaces the given vectors of existing points, keeping their other vectors and payload. */
    public void updateVectors(List<PointVectors> updates, Filter updateFilter) {
        Map<PointKey, Map<String, float[]>> changes = new LinkedHashMap<>();
        for (PointVectors update : updates) {
            PointKey id = PointKey.of(update.getId());
            Map<String, float[]> vectors = VectorInput.toStored(update.getVectors(), collection.vectors());
            changes.computeIfAbsent(id, k -> new HashMap<>()).putAll(vectors);
        }
        requireExisting(changes.keySet());
        Predicate<StoredPoint> mayUpdate = updateFilter == null ? p -> true : FilterEvaluator.compile(updateFilter);
        changes.forEach((id, vectors) -> {
            StoredPoint point = collection.point(id);
            if (mayUpdate.test(point)) {
                Map<String, float[]> merged = new HashMap<>(point.vectors());
                merged.putAll(vectors);
                collection.put(new StoredPoint(id, point.payload(), merged));
            }
        });
    }

    /** Removes the named vectors from the selected points. */
    public void deleteVectors(PointsSelector selector, List<String> names) {
        for (String name : names) {
            if (!collection.vectors().containsKey(name)) {
                throw QdrantErrors.wrongInput("Not existing vector name error: " + name);
            }
        }
        for (PointKey id : select(selector, true)) {
            StoredPoint point = collection.point(id);
            Map<String, float[]> remaining = new HashMap<>(point.vectors());
            names.forEach(remaining::remove);
            collection.put(new StoredPoint(id, point.payload(), remaining));
        }
    }

    /** SetPayload: merges {@code values} (null values delete keys), at {@code key} when non-null. */
    public void setPayload(PointsSelector selector, Map<String, Value> values, String key) {
        for (PointKey id : select(selector, true)) {
            StoredPoint point = collection.point(id);
            collection.put(new StoredPoint(id, PayloadPaths.set(point.payload(), values, key), point.vectors()));
        }
    }

    /** OverwritePayload: replaces the whole payload (or, with {@code key}, the object at that path). */
    public void overwritePayload(PointsSelector selector, Map<String, Value> values, String key) {
        for (PointKey id : select(selector, true)) {
            StoredPoint point = collection.point(id);
            Map<String, Value> payload = key == null
                    ? values
                    : PayloadPaths.set(PayloadPaths.delete(point.payload(), List.of(key)), values, key);
            collection.put(new StoredPoint(id, payload, point.vectors()));
        }
    }

    /** DeletePayload: removes every value at each of {@code keys}. */
    public void deletePayload(PointsSelector selector, List<String> keys) {
        for (PointKey id : select(selector, true)) {
            StoredPoint point = collection.point(id);
            collection.put(new StoredPoint(id, PayloadPaths.delete(point.payload(), keys), point.vectors()));
        }
    }

    /** ClearPayload: empties the payload of the selected points. */
    public void clearPayload(PointsSelector selector) {
        for (PointKey id : select(selector, true)) {
            StoredPoint point = collection.point(id);
            collection.put(new StoredPoint(id, Map.of(), point.vectors()));
        }
    }

    /**
     * The ids a selector names: listed ids (checked to exist when {@code mustExist}, as payload and
     * vector operations require) or the points matching a filter.
     */
    private Set<PointKey> select(PointsSelector selector, boolean mustExist) {
        Set<PointKey> ids = new LinkedHashSet<>();
        switch (selector.getPointsSelectorOneOfCase()) {
            case POINTS -> {
                for (PointId id : selector.getPoints().getIdsList()) {
                    ids.add(PointKey.of(id));
                }
                if (mustExist) {
                    requireExisting(ids);
                }
            }
            case FILTER -> {
                Predicate<StoredPoint> matches = FilterEvaluator.compile(selector.getFilter());
                for (StoredPoint point : collection.points()) {
                    if (matches.test(point)) {
                        ids.add(point.id());
                    }
                }
            }
            default -> throw QdrantErrors.invalidArgument("Malformed PointsSelector type");
        }
        return ids;
    }

    // Qdrant reports the first missing id of the request.
    private void requireExisting(Iterable<PointKey> ids) {
        for (PointKey id : ids) {
            if (collection.point(id) == null) {
                throw QdrantErrors.pointNotFound(id);
            }
        }
    }
}
