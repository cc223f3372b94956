package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.ForeignCollections;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Points.LookupLocation;

/**
 * Where the point ids used as examples are read: the searched collection, or the collection {@code lookup_from}
 * names, in the vector {@code lookup_from.vector_name} (else {@code using}). As in Qdrant, ids looked up in another
 * collection are not excluded from the results ({@code get_referenced_point_ids_on_collection} in
 * {@code universal_query/collection_query.rs}, {@code recommend_into_core_search} in {@code recommendations.rs}),
 * and that collection is only read when an id is referenced ({@code fetch_vectors.rs} skips a lookup without ids,
 * so a raw-vector query never fails on a missing lookup collection).
 */
final class ExampleSource {

    private final CollectionView view;
    private final LookupLocation foreign;
    private final String vectorName;

    private ExampleSource(CollectionView view, LookupLocation foreign, String vectorName) {
        this.view = view;
        this.foreign = foreign;
        this.vectorName = vectorName;
    }

    /**
     * @param lookupFrom the request level's {@code lookup_from}, or {@code null}
     * @param using the vector searched
     */
    static ExampleSource of(CollectionView view, LookupLocation lookupFrom, String using) {
        if (lookupFrom == null) {
            return new ExampleSource(view, null, using);
        }
        String name = lookupFrom.hasVectorName() ? lookupFrom.getVectorName() : using;
        boolean other = !lookupFrom.getCollectionName().equals(view.name());
        return new ExampleSource(view, other ? lookupFrom : null, name);
    }

    /** The vector read from referenced points. */
    String vectorName() {
        return vectorName;
    }

    /** Whether referenced ids are excluded from the results: only ids of the searched collection are. */
    boolean excludesIds() {
        return foreign == null;
    }

    /**
     * The referenced point.
     *
     * @throws io.grpc.StatusRuntimeException {@code NOT_FOUND "Not found: Collection x"} (a missing lookup collection),
     *     {@code "Not found: No point with id 7 found"}, or {@code "Wrong input: Not existing vector name error: v"}
     *     when the lookup collection has no vector of that name (its retrieve by vector name fails)
     */
    StoredPoint point(PointKey id) {
        if (foreign == null) {
            StoredPoint point = view.point(id);
            if (point == null) {
                throw QdrantErrors.pointNotFound(id);
            }
            return point;
        }
        ForeignCollections.Snapshot snapshot = view.lookups().get(foreign);
        StoredPoint point = snapshot.points().get(id);
        if (point == null) {
            throw QdrantErrors.pointNotFound(id);
        }
        if (!snapshot.vectors().containsKey(vectorName) && !snapshot.sparseVectors().contains(vectorName)) {
            throw QdrantErrors.wrongInput("Not existing vector name error: " + vectorName);
        }
        return point;
    }

    /** Whether the vector read is a sparse one in the collection it is read from. */
    boolean readsSparse() {
        return foreign == null ? view.sparseVectors().contains(vectorName)
                : view.lookups().get(foreign).sparseVectors().contains(vectorName);
    }

    /** Whether the vector read is a dense one (or multivector) in the collection it is read from. */
    boolean readsDense() {
        return foreign == null ? view.vectors().containsKey(vectorName)
                : view.lookups().get(foreign).vectors().containsKey(vectorName);
    }
}
