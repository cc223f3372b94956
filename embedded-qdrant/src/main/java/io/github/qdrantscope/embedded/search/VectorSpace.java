package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.VectorSpec;
import io.github.qdrantscope.embedded.storage.MultiVectors;
import io.qdrant.client.grpc.Points.MultiDenseVector;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * One named dense vector (plain or multivector) of a collection that a request scores against, resolved
 * with the error texts Qdrant gives for an unknown name. Vectors of a multivector space, stored and
 * prepared queries alike, are flattened sub-vectors ({@link MultiVectors}), compared with MaxSim
 * ({@link Metric#maxSim}); a plain dense query there is a multivector of one, as Qdrant's multi-dense
 * scorers take it.
 */
record VectorSpace(String name, VectorSpec spec, Metric metric) {

    /** How stored vectors of this space are compared with a prepared query or example (larger is better). */
    Similarity similarity() {
        if (!spec.multivector()) {
            return metric::similarity;
        }
        int dim = spec.size();
        return (query, stored) -> metric.maxSim(query, stored, dim);
    }

    /**
     * A multivector query or example ({@code multi_dense}): checked and prepared as Qdrant's
     * {@code MultiMetricQueryScorer::new} prepares it, every sub-vector preprocessed for the metric
     * ({@link MultiVectors#checked}). A dense space refuses it ({@code OperationError::WrongMulti}, reported
     * as {@code Wrong input: Conversion between multi and regular vectors failed} by
     * {@code lib/collection/src/operations/types.rs}).
     */
    float[] prepareMulti(MultiDenseVector multi) {
        return prepareMulti(MultiVectors.flatten(multi), MultiVectors.subVectorLengths(multi));
    }

    /** {@link #prepareMulti(MultiDenseVector)} of a flattened multivector with its sub-vector lengths. */
    float[] prepareMulti(float[] flat, int[] subVectorLengths) {
        if (!spec.multivector()) {
            throw QdrantErrors.wrongInput("Conversion between multi and regular vectors failed");
        }
        return MultiVectors.checked(flat, subVectorLengths, spec.size(), spec.distance());
    }

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

    /**
     * A stored vector of this space used as a query or example (a point id): prepared as {@link #prepare}
     * prepares a sent one, every sub-vector of a multivector.
     */
    float[] prepareStored(float[] stored) {
        if (!spec.multivector()) {
            return prepare(stored);
        }
        checkStored(stored);
        return MultiVectors.checked(stored, subVectorLengths(stored), spec.size(), spec.distance());
    }

    /**
     * The dimension check of a stored vector read as an example: {@link #check}, except that a stored
     * multivector (flattened whole sub-vectors) passes in its space.
     */
    float[] checkStored(float[] vector) {
        if (spec.multivector() && vector.length > 0 && vector.length % spec.size() == 0) {
            return vector;
        }
        return check(vector);
    }

    /** Only the dimension check of {@link #prepare}; returns {@code vector} itself. */
    float[] check(float[] vector) {
        if (vector.length != spec.size()) {
            throw QdrantErrors.wrongInput("Vector dimension error: expected dim: " + spec.size()
                    + ", got " + vector.length);
        }
        return vector;
    }

    private int[] subVectorLengths(float[] flat) {
        int[] lengths = new int[flat.length / spec.size()];
        Arrays.fill(lengths, spec.size());
        return lengths;
    }
}
