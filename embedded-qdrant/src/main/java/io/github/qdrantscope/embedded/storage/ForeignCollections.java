package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Points.LookupLocation;
import java.util.Map;
import java.util.Set;

/**
 * The collections other than the searched one that a read's {@code lookup_from} names, each read before the
 * searched collection's lock is taken: only the points whose ids the request mentions, with the collection's vector
 * configuration. Qdrant resolves example ids the same way, in a retrieve before the search
 * ({@code ReferencedPoints::fetch_vectors}, {@code lib/collection/src/common/fetch_vectors.rs}); reading them first
 * means no read ever holds two collection locks, so two crossing lookups cannot deadlock.
 */
public final class ForeignCollections {

    /** No lookups: every {@code lookup_from} of the request names the searched collection, or there is none. */
    public static final ForeignCollections NONE = new ForeignCollections(Map.of());

    /**
     * The part of a lookup collection a request can reference.
     *
     * @param name the collection's real name
     * @param vectors its dense vector configurations
     * @param sparseVectors its sparse vector names
     * @param points the points among the request's ids that exist there (in the selected shards)
     */
    public record Snapshot(String name, Map<String, VectorSpec> vectors, Set<String> sparseVectors,
            Map<PointKey, StoredPoint> points) {
    }

    /** A lookup location's snapshot, or the error reading it gave (a missing collection or shard key). */
    public record Entry(Snapshot snapshot, RuntimeException error) {
    }

    private final Map<LookupLocation, Entry> entries;

    /** @param entries by {@link #key} of the lookup location */
    public ForeignCollections(Map<LookupLocation, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** What identifies a lookup: the collection and its shard key selector (not the vector name). */
    public static LookupLocation key(LookupLocation location) {
        return location.toBuilder().clearVectorName().build();
    }

    /**
     * The snapshot a lookup location names.
     *
     * @throws RuntimeException the error reading it gave, e.g. {@code NOT_FOUND "Not found: Collection x"}
     */
    public Snapshot get(LookupLocation location) {
        Entry entry = entries.get(key(location));
        if (entry == null) {
            throw new IllegalStateException("lookup location not read before the search: " + location);
        }
        if (entry.error() != null) {
            throw entry.error();
        }
        return entry.snapshot();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
