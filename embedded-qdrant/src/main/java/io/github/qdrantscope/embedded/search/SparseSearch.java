package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.SparseInput;
import io.github.qdrantscope.embedded.storage.SparseVec;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.VectorInput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A nearest search on a sparse vector: the score is the dot product over the indices the query and the
 * stored vector share ({@link SparseVec#dot}), unprocessed. A point without the vector, or sharing no
 * index with the query, is not a result: Qdrant's sparse search walks only the posting lists of the
 * query's indices ({@code SearchContext} in {@code lib/sparse/src/index/search_context.rs}).
 *
 * @param name the sparse vector searched ({@code using})
 * @param query the query vector, sorted
 */
record SparseSearch(String name, SparseVec query) implements SparseRanking {

    /** Sparse vectors score with Dot's rules ({@code CollectionParams::get_distance}, lib/collection/src/config.rs). */
    private static final Metric METRIC = Metric.of(Distance.Dot);

    /**
     * Request validation of a {@code nearest} sparse vector: {@code validate_sparse_vector_impl} reached
     * through {@code QueryPoints.query}, {@code Query.variant} and {@code VectorInput.variant}
     * ({@code lib/api/build.rs}); the oneof impls in between add no names ({@code lib/api/src/grpc/validate.rs}).
     *
     * @param path the query's field path, e.g. {@code query} or {@code prefetch[0].query}
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} "Validation error in body:
     *     [query.variant.variant.indices: must be unique]" (and the length check)
     */
    static void validateNearest(VectorInput input, String path) {
        if (input.getVariantCase() != VectorInput.VariantCase.SPARSE) {
            return;
        }
        SparseVector sparse = input.getSparse();
        List<String> problems = SparseInput.sparseProblems(sparse.getIndicesList(), sparse.getValuesCount());
        if (!problems.isEmpty()) {
            List<String> labelled = new ArrayList<>(problems.size());
            problems.forEach(p -> labelled.add(path + ".variant.variant." + p));
            throw QdrantErrors.validation(String.join(", ", labelled));
        }
    }

    /** The same search with the query weighted by the collection's idf statistics ({@link SparseIdf}). */
    SparseSearch withIdf(CollectionView view) {
        return new SparseSearch(name, SparseIdf.weighted(view, name, query));
    }

    @Override
    public List<Hit> run(Iterable<StoredPoint> points, Predicate<StoredPoint> filter, Float threshold, long k) {
        TopK top = new TopK((int) Math.min(k, Integer.MAX_VALUE));
        for (StoredPoint point : points) {
            SparseVec stored = point.sparseVectors().get(name);
            if (stored == null || !PointFilter.matches(filter, point)) {
                continue;
            }
            Float score = stored.dot(query);
            if (score != null) {
                top.offer(point, score);
            }
        }
        List<Hit> hits = new ArrayList<>(top.size());
        for (Scored s : top.best()) {
            if (threshold != null && !METRIC.passesThreshold(s.score(), threshold)) {
                break;
            }
            hits.add(new Hit(s.point(), s.score()));
        }
        return hits;
    }
}
