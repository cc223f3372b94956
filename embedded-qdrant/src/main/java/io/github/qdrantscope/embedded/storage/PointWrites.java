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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The point write operations of Qdrant 1.17 ({@code lib/shard/src/update.rs}), applied to a collection
 * under its write lock.
 *
 * <p>Each operation validates its input (vector names and dimensions, payload) before changing anything.
 * Missing point ids are different, as in Qdrant: payload and vector operations on listed ids run in chunks
 * of 32 ids ({@code PAYLOAD_OP_BATCH_SIZE}, {@code VECTOR_OP_BATCH_SIZE}); each chunk changes the points that
 * exist, then its first missing id fails the request ({@code check_unprocessed_points}), so the points
 * changed before stay changed. The differential test found this: it used to reject such a request whole.
 */
public final class PointWrites {

    /** {@code PAYLOAD_OP_BATCH_SIZE} and {@code VECTOR_OP_BATCH_SIZE} in lib/shard/src/update.rs. */
    private static final int CHUNK = 32;

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
        // request validation (sparse lengths and duplicates) comes before any conversion error
        for (int i = 0; i < points.size(); i++) {
            SparseInput.validate(points.get(i).getVectors(), "points[" + i + "].vectors");
        }
        Map<PointKey, StoredPoint> byId = new LinkedHashMap<>();
        for (PointStruct point : points) {
            if (!point.hasId()) {
                throw QdrantErrors.invalidArgument("Empty ID is not allowed");
            }
            PointKey id = PointKey.of(point.getId());
            if (!point.hasVectors()) {
                throw QdrantErrors.invalidArgument("Expected some vectors");
            }
            VectorInput.Parsed vectors = VectorInput.toStored(point.getVectors(), collection.vectors(),
                    collection.sparseVectors());
            byId.put(id, new StoredPoint(id, point.getPayloadMap(), vectors.dense(), vectors.sparse()));
        }
        if (updateFilter == null && mode != UpdateMode.UpdateOnly && mode != UpdateMode.InsertOnly) {
            // the common upsert replaces or inserts unconditionally: one tree walk per point instead of a lookup and
            // a put (random UUID ids, as scoped clients write them, made the lookup a visible share of an upsert)
            byId.values().forEach(collection::put);
            return;
        }
        Predicate<StoredPoint> mayUpdate = updateFilter == null ? p -> true : FilterEvaluator.compile(updateFilter, collection.payloadSchema());
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
        for (PointKey id : select(selector)) {
            collection.remove(id);
        }
    }

    /** Replaces the given vectors of existing points, keeping their other vectors and payload. */
    public void updateVectors(List<PointVectors> updates, Filter updateFilter) {
        for (int i = 0; i < updates.size(); i++) {
            SparseInput.validate(updates.get(i).getVectors(), "points[" + i + "].vectors");
        }
        Map<PointKey, Map<String, float[]>> dense = new LinkedHashMap<>();
        Map<PointKey, Map<String, SparseVec>> sparse = new HashMap<>();
        for (PointVectors update : updates) {
            PointKey id = PointKey.of(update.getId());
            VectorInput.Parsed vectors = VectorInput.toStored(update.getVectors(), collection.vectors(),
                    collection.sparseVectors());
            dense.computeIfAbsent(id, k -> new HashMap<>()).putAll(vectors.dense());
            sparse.computeIfAbsent(id, k -> new HashMap<>()).putAll(vectors.sparse());
        }
        Predicate<StoredPoint> mayUpdate = updateFilter == null ? p -> true : FilterEvaluator.compile(updateFilter, collection.payloadSchema());
        // update_vectors_conditional: existing points failing the filter are left out, missing ones still fail
        inChunks(List.copyOf(dense.keySet()), point -> {
            if (mayUpdate.test(point)) {
                Map<String, float[]> mergedDense = new HashMap<>(point.vectors());
                mergedDense.putAll(dense.get(point.id()));
                Map<String, SparseVec> mergedSparse = new HashMap<>(point.sparseVectors());
                mergedSparse.putAll(sparse.get(point.id()));
                collection.put(new StoredPoint(point.id(), point.payload(), mergedDense, mergedSparse));
            }
        });
    }

    /** Removes the named vectors (dense or sparse) from the selected points. */
    public void deleteVectors(PointsSelector selector, List<String> names) {
        for (String name : names) {
            if (!collection.vectors().containsKey(name) && !collection.sparseVectors().contains(name)) {
                throw QdrantErrors.wrongInput("Not existing vector name error: " + name);
            }
        }
        forEachSelected(selector, point -> {
            Map<String, float[]> remaining = new HashMap<>(point.vectors());
            Map<String, SparseVec> remainingSparse = new HashMap<>(point.sparseVectors());
            names.forEach(remaining::remove);
            names.forEach(remainingSparse::remove);
            collection.put(new StoredPoint(point.id(), point.payload(), remaining, remainingSparse));
        });
    }

    /** SetPayload: merges {@code values} (null values delete keys), at {@code key} when non-null. */
    public void setPayload(PointsSelector selector, Map<String, Value> values, String key) {
        forEachSelected(selector, point -> collection.put(
                point.withPayload(PayloadPaths.set(point.payload(), values, key))));
    }

    /**
     * OverwritePayload: replaces the whole payload. A {@code key} is accepted and ignored, as Qdrant 1.17
     * ignores it: {@code process_payload_operation} in lib/shard/src/update.rs passes
     * {@code PayloadOps::OverwritePayload} to {@code overwrite_payload}, which has no key and calls
     * {@code set_full_payload} (the differential test found that this used to write at the key).
     */
    public void overwritePayload(PointsSelector selector, Map<String, Value> values, String key) {
        forEachSelected(selector, point -> collection.put(point.withPayload(values)));
    }

    /** DeletePayload: removes every value at each of {@code keys}. */
    public void deletePayload(PointsSelector selector, List<String> keys) {
        forEachSelected(selector, point -> collection.put(
                point.withPayload(PayloadPaths.delete(point.payload(), keys))));
    }

    /** ClearPayload: empties the payload of the selected points. */
    public void clearPayload(PointsSelector selector) {
        forEachSelected(selector, point -> collection.put(point.withPayload(Map.of())));
    }

    /**
     * Applies {@code change} to the selected points: listed ids in Qdrant's chunks ({@link #inChunks}), or
     * every point matching a filter.
     */
    private void forEachSelected(PointsSelector selector, Consumer<StoredPoint> change) {
        if (selector.getPointsSelectorOneOfCase() == PointsSelector.PointsSelectorOneOfCase.POINTS) {
            List<PointKey> ids = new ArrayList<>();
            for (PointId id : selector.getPoints().getIdsList()) {
                ids.add(PointKey.of(id));
            }
            inChunks(ids, change);
            return;
        }
        for (PointKey id : select(selector)) {
            change.accept(collection.point(id));
        }
    }

    /**
     * Qdrant's chunked application ({@code apply_points_with_conditional_move} then
     * {@code check_unprocessed_points}, per chunk of {@link #CHUNK} ids): the chunk's existing points
     * change, then its first missing id fails with {@code NOT_FOUND}, and later chunks do not run.
     */
    private void inChunks(List<PointKey> ids, Consumer<StoredPoint> change) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            PointKey missing = null;
            for (PointKey id : ids.subList(from, Math.min(ids.size(), from + CHUNK))) {
                StoredPoint point = collection.point(id);
                if (point != null) {
                    change.accept(point);
                } else if (missing == null) {
                    missing = id;
                }
            }
            if (missing != null) {
                throw QdrantErrors.pointNotFound(missing);
            }
        }
    }

    /** The ids a selector names: listed ids, or the points matching a filter. */
    private Set<PointKey> select(PointsSelector selector) {
        Set<PointKey> ids = new LinkedHashSet<>();
        switch (selector.getPointsSelectorOneOfCase()) {
            case POINTS -> {
                for (PointId id : selector.getPoints().getIdsList()) {
                    ids.add(PointKey.of(id));
                }
            }
            case FILTER -> {
                Predicate<StoredPoint> matches = FilterEvaluator.compile(selector.getFilter(), collection.payloadSchema());
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
}
