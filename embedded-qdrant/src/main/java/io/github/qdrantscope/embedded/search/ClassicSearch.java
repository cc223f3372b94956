package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.SparseInput;
import io.github.qdrantscope.embedded.storage.SparseVec;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPointGroups;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The classic Search API: nearest neighbours of one dense vector (or, with {@code sparse_indices}, one sparse
 * vector, {@link SparseSearch}), with offset, strict score
 * threshold, filter and payload/vector selection ({@code lib/collection/src/collection/search.rs}:
 * top {@code offset + limit} is computed, then {@code offset} skipped).
 */
final class ClassicSearch {

    private ClassicSearch() {
    }

    static List<ScoredPoint> run(CollectionView view, SearchPoints request, String fieldPrefix) {
        long limit = Limits.atLeastOne(request.getLimit(), fieldPrefix + "limit");
        long offset = request.hasOffset() ? request.getOffset() : 0;
        String vectorName = request.hasVectorName() ? request.getVectorName() : "";
        Float threshold = request.hasScoreThreshold() ? request.getScoreThreshold() : null;
        List<Hit> hits;
        if (request.hasSparseIndices()) {
            hits = sparse(view, vectorName, request.getVectorList(), request.getSparseIndices().getDataList())
                    .run(view, PointFilter.compile(view, request.hasFilter(), request.getFilter()), threshold,
                            saturatedSum(offset, limit));
        } else {
            hits = coreSearch(view, vectorName, request.getVectorList(), request.hasFilter(), request.getFilter(),
                    threshold).run(view, saturatedSum(offset, limit));
        }
        return page(hits, offset, ResultPoints.of(view, request.hasWithPayload() ? request.getWithPayload() : null,
                request.hasWithVectors() ? request.getWithVectors() : null));
    }

    /**
     * SearchGroups: the same search ranking every point that has a value at {@code group_by}
     * ({@code grouped}), best first, for {@link Grouping#group}.
     */
    static List<Hit> rankedForGroups(CollectionView view, SearchPointGroups request, Predicate<StoredPoint> grouped) {
        String vectorName = request.hasVectorName() ? request.getVectorName() : "";
        Float threshold = request.hasScoreThreshold() ? request.getScoreThreshold() : null;
        Predicate<StoredPoint> filter = PointFilter.and(PointFilter.compile(view, request.hasFilter(), request.getFilter()),
                grouped);
        if (request.hasSparseIndices()) {
            return sparse(view, vectorName, request.getVectorList(), request.getSparseIndices().getDataList())
                    .run(view, filter, threshold, view.size());
        }
        CoreSearch search = coreSearch(view, vectorName, request.getVectorList(), false, null, threshold);
        return new CoreSearch(search.space(), search.query(), filter, Set.of(), threshold).run(view, view.size());
    }

    /**
     * The legacy sparse search: {@code vector} holds the values of the indices in {@code sparse_indices}, and
     * {@code vector_name} names a sparse vector. Qdrant turns the pair into a sparse query vector without
     * checking it ({@code VectorInternal::from_vector_and_indices}, {@code lib/segment/src/data_types/vectors.rs});
     * the embedded server refuses lengths that differ and repeated indices with the texts of the sparse
     * validation of Query ({@code validate_sparse_vector_impl}), on the field {@code sparse_indices}, rather
     * than score them somehow. A dense vector name is {@code OperationError::WrongSparse}.
     */
    private static SparseSearch sparse(CollectionView view, String vectorName, List<Float> values,
            List<Integer> indices) {
        if (!view.sparseVectors().contains(vectorName)) {
            VectorSpace.forQuery(view, vectorName); // the name errors of a dense search come first
            throw QdrantErrors.wrongInput("Conversion between sparse and regular vectors failed");
        }
        List<String> problems = SparseInput.sparseProblems(indices, values.size());
        if (!problems.isEmpty()) {
            List<String> labelled = new ArrayList<>(problems.size());
            problems.forEach(p -> labelled.add("sparse_indices." + p));
            throw QdrantErrors.validation(String.join(", ", labelled));
        }
        int[] ids = new int[indices.size()];
        float[] weights = new float[values.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = indices.get(i);
            weights[i] = values.get(i);
        }
        SparseSearch search = new SparseSearch(vectorName, SparseVec.sorted(ids, weights));
        return view.sparseIdf(vectorName) ? search.withIdf(view) : search;
    }

    private static CoreSearch coreSearch(CollectionView view, String vectorName, List<Float> vector,
            boolean hasFilter, io.qdrant.client.grpc.Common.Filter filter, Float threshold) {
        if (view.sparseVectors().contains(vectorName)) {
            // a dense vector for a sparse one: OperationError::WrongSparse as BadInput
            throw QdrantErrors.wrongInput("Conversion between sparse and regular vectors failed");
        }
        // the local shard checks names against the collection config before any segment sees the request:
        // SegmentsSearcher::prepare_query_context -> CollectionParams::get_distance -> missing_vector_error
        VectorSpace space = VectorSpace.forQuery(view, vectorName);
        float[] query = space.prepare(DenseInput.of(vector));
        return new CoreSearch(space, new VectorQuery.Nearest(query), PointFilter.compile(view, hasFilter, filter),
                Set.of(), threshold);
    }

    /** Skips {@code offset} hits and converts the rest to wire points. */
    static List<ScoredPoint> page(List<Hit> hits, long offset, ResultPoints out) {
        List<ScoredPoint> result = new ArrayList<>(Math.max(0, hits.size() - (int) Math.min(offset, hits.size())));
        for (int i = (int) Math.min(offset, hits.size()); i < hits.size(); i++) {
            Hit h = hits.get(i);
            result.add(out.scored(h.point(), h.score(), h.orderValue()));
        }
        return result;
    }

    /** {@code a * b} for unsigned wire values, saturating instead of overflowing. */
    static long saturatedProduct(long a, long b) {
        if (a < 0 || b < 0) {
            return Long.MAX_VALUE;
        }
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }

    /** {@code a + b} for unsigned wire values, saturating instead of overflowing. */
    static long saturatedSum(long a, long b) {
        if (a < 0 || b < 0) {
            return Long.MAX_VALUE;
        }
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
