package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointColumns;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.SparseIndex;
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
        return hits(top, threshold);
    }

    /**
     * The same search walking only the posting lists of the query's indices in the view's inverted index
     * ({@link SparseIndex}), when the view keeps one. The query's indices ascend, so every point's score
     * adds its products in the order {@link SparseVec#dot} adds them, from the same 0: the scores are
     * bit-identical to the scan's, and {@link TopK}'s order (score, then id) makes the hits identical too.
     */
    @Override
    public List<Hit> run(CollectionView view, Predicate<StoredPoint> filter, Float threshold, long k) {
        PointColumns columns = view.sparseIndexed();
        if (columns == null) {
            return run(view.points(), filter, threshold, k);
        }
        TopK top = new TopK((int) Math.min(k, Integer.MAX_VALUE));
        if (top.capacity() == 0) {
            return List.of();
        }
        SparseIndex index = columns.sparseIndex(name);
        int[] positions = index.positions();
        float[] postingValues = index.values();
        int[] queryIndices = query.indices();
        float[] queryValues = query.values();
        int[] starts = new int[queryIndices.length];
        int[] ends = new int[queryIndices.length];
        long postings = 0;
        for (int q = 0; q < queryIndices.length; q++) {
            starts[q] = index.start(queryIndices[q]);
            ends[q] = index.end(queryIndices[q]);
            postings += ends[q] - starts[q];
        }
        float[] scores = new float[columns.size()];
        // a point sharing an index with the query is a result even at score 0: remember who was reached
        long[] reached = new long[(columns.size() + 63) >>> 6];
        int[] touched = new int[(int) Math.min(postings, columns.size())];
        int count = 0;
        for (int q = 0; q < queryIndices.length; q++) {
            float weight = queryValues[q];
            int end = ends[q];
            for (int p = starts[q]; p < end; p++) {
                int position = positions[p];
                scores[position] += postingValues[p] * weight;
                long bit = 1L << position;
                if ((reached[position >>> 6] & bit) == 0) {
                    reached[position >>> 6] |= bit;
                    touched[count++] = position;
                }
            }
        }
        for (int c = 0; c < count; c++) {
            int position = touched[c];
            float score = scores[position];
            if (!top.accepts(score)) {
                continue;
            }
            StoredPoint point = columns.point(position);
            if (PointFilter.matches(filter, point)) {
                top.offer(point, score);
            }
        }
        return hits(top, threshold);
    }

    private static List<Hit> hits(TopK top, Float threshold) {
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
