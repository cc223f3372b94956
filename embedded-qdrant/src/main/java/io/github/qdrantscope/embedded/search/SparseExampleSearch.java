package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.SparseVec;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A recommend (best_score, sum_scores), discover, context or relevance feedback query on a sparse vector. Unlike a
 * nearest search, it scores every point that has the vector, also an empty one or one sharing no index with any
 * example: Qdrant's sparse index answers these queries with {@code search_scored}, a scan of all points
 * ({@code lib/segment/src/index/sparse_index/sparse_vector_index/search.rs}), whose
 * {@code SparseCustomQueryScorer} takes the similarity to an example sharing no index as 0
 * ({@code example.score(v).unwrap_or(0.0)}, {@code vector_storage/query_scorer/sparse_custom_query_scorer.rs}).
 *
 * @param name the sparse vector scored ({@code using})
 * @param scorer the example query's formula ({@link ExampleScores}) over {@link #similarity}
 */
record SparseExampleSearch(String name, Scorer scorer) implements SparseRanking {

    /** The score of one stored vector. */
    @FunctionalInterface
    interface Scorer {
        float score(SparseVec stored);
    }

    /** The dot product over shared indices, 0 when there are none. */
    static float similarity(SparseVec example, SparseVec stored) {
        Float dot = example.dot(stored);
        return dot == null ? 0f : dot;
    }

    static SparseExampleSearch bestScore(String name, List<SparseVec> positives, List<SparseVec> negatives) {
        return new SparseExampleSearch(name,
                stored -> ExampleScores.bestScore(positives, negatives, e -> similarity(e, stored)));
    }

    static SparseExampleSearch sumScores(String name, List<SparseVec> positives, List<SparseVec> negatives) {
        return new SparseExampleSearch(name,
                stored -> ExampleScores.sumScores(positives, negatives, e -> similarity(e, stored)));
    }

    static SparseExampleSearch discover(String name, SparseVec target, List<SparseVec[]> pairs) {
        return new SparseExampleSearch(name, stored -> ExampleScores.discover(similarity(target, stored), pairs,
                p -> similarity(p[0], stored), p -> similarity(p[1], stored)));
    }

    static SparseExampleSearch context(String name, List<SparseVec[]> pairs) {
        return new SparseExampleSearch(name, stored -> ExampleScores.context(pairs,
                p -> similarity(p[0], stored), p -> similarity(p[1], stored)));
    }

    static SparseExampleSearch feedback(String name, RelevanceFeedback<SparseVec> feedback) {
        return new SparseExampleSearch(name, stored -> feedback.score(e -> similarity(e, stored)));
    }

    @Override
    public List<Hit> run(Iterable<StoredPoint> points, Predicate<StoredPoint> filter, Float threshold, long k) {
        TopK top = new TopK((int) Math.min(k, Integer.MAX_VALUE));
        for (StoredPoint point : points) {
            SparseVec stored = point.sparseVectors().get(name);
            if (stored != null && PointFilter.matches(filter, point)) {
                top.offer(point, scorer.score(stored));
            }
        }
        List<Hit> hits = new ArrayList<>(top.size());
        for (Scored s : top.best()) {
            // the threshold applies to the raw custom score with the distance's rule (Dot: above it)
            if (threshold != null && !(s.score() > threshold)) {
                break;
            }
            hits.add(new Hit(s.point(), s.score()));
        }
        return hits;
    }
}
