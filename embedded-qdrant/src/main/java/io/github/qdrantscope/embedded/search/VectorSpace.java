package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.VectorSpec;
import java.util.TreeSet;

/**
 * One named dense vector of a collection that a request scores against, resolved with the error
 * texts Qdrant gives for an unknown name.
 */
record VectorSpace(String name, VectorSpec spec, Metric metric) {

    /**
     * Resolution where the segment rejects the name (with_vectors selection, recommend/discover
     * reference vectors, read from the segments before any search):
     * {@code Wrong input: Not existing vector name error: <name>}
     * ({@code OperationError::VectorNameNotExists} in {@code lib/segment/src/common/operation_error.rs}).
     */
    static VectorSpace forSearch(CollectionView view, String name) {
        VectorSpec spec = view.vectors().get(name);
        if (spec == null) {
            throw QdrantErrors.wrongInput("Not existing vector name error: " + name);
        }
        return new VectorSpace(name, spec, Metric.of(spec.distance()));
    }

    /**
     * Resolution for searches that ask the collection config first (classic Search, the Query API
     * family, matrix): {@code CollectionParams::missing_vector_error} in
     * {@code lib/collection/src/config.rs}, reached from {@code SegmentsSearcher::prepare_query_context}.
     */
    static VectorSpace forQuery(CollectionView view, String name) {
        VectorSpec spec = view.vectors().get(name);
        if (spec != null) {
            return new VectorSpace(name, spec, Metric.of(spec.distance()));
        }
        TreeSet<String> available = new TreeSet<>(view.vectors().keySet());
        if (available.isEmpty()) {
            throw QdrantErrors.wrongInput("Vectors are not configured in this collection");
        }
        if (available.size() == 1 && available.contains("")) {
            throw QdrantErrors.wrongInput("Vector with name " + name + " is not configured in this collection");
        }
        String names = String.join(", ", available);
        if (name.isEmpty()) {
            throw QdrantErrors.wrongInput(
                    "Collection requires specified vector name in the request, available names: " + names);
        }
        throw QdrantErrors.wrongInput("Vector with name `" + name
                + "` is not configured in this collection, available names: " + names);
    }

    /**
     * Checks a query vector's dimension and prepares it for scoring ({@link Metric#prepareQuery}):
     * {@code Wrong input: Vector dimension error: expected dim: <e>, got <r>}.
     */
    float[] prepare(float[] query) {
        return metric.prepareQuery(check(query));
    }

    /** Only the dimension check of {@link #prepare}; returns {@code vector} itself. */
    float[] check(float[] vector) {
        if (vector.length != spec.size()) {
            throw QdrantErrors.wrongInput("Vector dimension error: expected dim: " + spec.size()
                    + ", got " + vector.length);
        }
        return vector;
    }
}
