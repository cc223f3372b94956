package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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
        VectorSpace space = VectorSpace.forSearch(view, request.hasVectorName() ? request.getVectorName() : "");
        float[] query = space.prepare(DenseInput.of(request.getVectorList()));
        Predicate<StoredPoint> filter = PointFilter.compile(request.hasFilter(), request.getFilter());
        long offset = request.hasOffset() ? request.getOffset() : 0;
        List<Scored> top = ExactScan.nearest(view, space, query, filter, Set.of(), saturatedSum(offset, limit));
        ResultPoints out = new ResultPoints(
                PayloadProjection.of(request.hasWithPayload() ? request.getWithPayload() : null, false),
                VectorProjection.of(request.hasWithVectors() ? request.getWithVectors() : null));
        return toScoredPoints(top, space.metric(), request.hasScoreThreshold(), request.getScoreThreshold(),
                offset, out);
    }

    /**
     * Converts distance-ordered winners to wire points: applies the strict threshold (winners are
     * sorted, so the survivors are a prefix), skips {@code offset}.
     */
    static List<ScoredPoint> toScoredPoints(List<Scored> top, Metric metric, boolean hasThreshold, float threshold,
            long offset, ResultPoints out) {
        List<ScoredPoint> result = new ArrayList<>();
        long index = 0;
        for (Scored s : top) {
            float score = metric.toScore(s.score());
            if (hasThreshold && !metric.passesThreshold(score, threshold)) {
                break;
            }
            if (index++ < offset) {
                continue;
            }
            result.add(out.scored(s.point(), score));
        }
        return result;
    }

    static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
