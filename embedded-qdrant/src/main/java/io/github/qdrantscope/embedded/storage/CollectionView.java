package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of one collection for query code (filtering, search, scroll, facets).
 *
 * <p>A view is handed to a callback while the collection's read lock is held: it is consistent and
 * cheap (no copies), and must not be kept or used after the callback returns.
 */
public interface CollectionView {

    /** The collection's real name (aliases already resolved). */
    String name();

    /** Dense vector configurations by name; the unnamed default vector is under {@code ""}. */
    Map<String, VectorSpec> vectors();

    /** Names of the sparse vectors ({@code sparse_vectors_config}). */
    Set<String> sparseVectors();

    /** Whether the sparse vector {@code name} has the {@code idf} modifier (its current configuration). */
    boolean sparseIdf(String name);

    /** All points in ascending {@link PointKey} order. */
    Collection<StoredPoint> points();

    /**
     * The same points as {@link #points()} as flat arrays, for scans. Like the view itself, the result
     * must not be kept after the callback returns (a write makes a new one).
     */
    default PointColumns columns() {
        return PointColumns.of(points());
    }

    /**
     * {@link #columns()} when this view caches them between reads, so that a sparse search may use their
     * inverted indexes ({@link PointColumns#sparseIndex}); {@code null} when it does not (building an index for
     * one search would cost more than the scan it saves).
     */
    default PointColumns sparseIndexed() {
        return null;
    }

    /** The point with this id, or {@code null}. */
    StoredPoint point(PointKey id);

    /** Number of points. */
    int size();

    /** Payload indexes created with CreateFieldIndex, by field key (as given by the client). */
    Map<String, PayloadSchemaInfo> payloadSchema();

    /**
     * For an exact, unfiltered facet: one single-key payload ({@code {first path segment: value}}) per value the
     * {@code key}'s map index held for points since changed or deleted, which Qdrant still lists with count 0
     * ({@link RetiredIndexValues}); empty without such an index.
     */
    default List<Map<String, Value>> retiredIndexPayloads(String key) {
        return List.of();
    }

    /** The other collections the request's {@code lookup_from} names, read before this view's lock was taken. */
    default ForeignCollections lookups() {
        return ForeignCollections.NONE;
    }
}
