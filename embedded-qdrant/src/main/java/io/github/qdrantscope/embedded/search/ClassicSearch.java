package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPointGroups;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The classic Search API: nearest neighbours of one dense vector, with offset, strict score
 * threshold, filter and payload/vector selection ({@code lib/collection/src/collection/search.rs}:
 * top {@code offset + limit} is computed, then {@code offset} skipped).
 */
final class ClassicSearch {

    private ClassicSearch() {
    }

    static List<ScoredPoint> run(CollectionView view, SearchPoints request, String fieldPrefix) {
        long limit = Limits.atLeastOne(request.getLimit(), fieldPrefix + "limit");
        if (request.hasSparseIndices()) {
            throw DenseInput.unsupported("sparse vectors");
        }
        long offset = request.hasOffset() ? request.getOffset() : 0;
        CoreSearch search = coreSearch(view, request.hasVectorName() ? request.getVectorName() : "",
                request.getVectorList(), request.hasFilter(), request.getFilter(),
                request.hasScoreThreshold() ? request.getScoreThreshold() : null);
        List<Hit> hits = search.run(view, saturatedSum(offset, limit));
        return page(hits, offset, ResultPoints.of(view, request.hasWithPayload() ? request.getWithPayload() : null,
                request.hasWithVectors() ? request.getWithVectors() : null));
    }

    /** SearchGroups: the same search, every hit ranked, then grouped. */
    static CoreSearch coreSearch(CollectionView view, SearchPointGroups request) {
        if (request.hasSparseIndices()) {
            throw DenseInput.unsupported("sparse vectors");
        }
        return coreSearch(view, request.hasVectorName() ? request.getVectorName() : "", request.getVectorList(),
                request.hasFilter(), request.getFilter(),
                request.hasScoreThreshold() ? request.getScoreThreshold() : null);
    }

    private static CoreSearch coreSearch(CollectionView view, String vectorName, List<Float> vector,
            boolean hasFilter, io.qdrant.client.grpc.Common.Filter filter, Float threshold) {
        // the local shard checks names against the collection config before any segment sees the request:
        // SegmentsSearcher::prepare_query_context -> CollectionParams::get_distance -> missing_vector_error
        VectorSpace space = VectorSpace.forQuery(view, vectorName);
        float[] query = space.prepare(DenseInput.of(vector));
        return new CoreSearch(space, new VectorQuery.Nearest(query), PointFilter.compile(hasFilter, filter),
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
