package io.github.qdrantscope.embedded.search;

import java.util.List;

/**
 * What a vector search scores points against, with Qdrant's formulas
 * ({@code lib/segment/src/vector_storage/query/}): plain nearest neighbour, recommend best-score and
 * sum-scores, discovery (target + context pairs), context-only search and relevance feedback. Every example vector is
 * already prepared for the metric ({@link Metric#prepareQuery}), as Qdrant's custom query scorers
 * preprocess every example ({@code query.transform} in {@code vector_storage/query_scorer/}).
 *
 * <p>{@code similarity} below is the metric's raw similarity (larger is better; for Euclid the
 * negated squared distance), exactly what Qdrant feeds its custom scorers.
 */
sealed interface VectorQuery {

    /** A scorer of stored vectors for this query under {@code similarity} ({@link VectorSpace#similarity}). */
    ExactScan.VectorScorer scorer(Similarity similarity);

    /**
     * Whether scores are distances to post-process for the client (only plain nearest); custom
     * scores are returned raw ({@code local_shard/search.rs}).
     */
    default boolean distanceScored() {
        return false;
    }

    /** One query vector; the score is the metric's score. */
    record Nearest(float[] vector) implements VectorQuery {
        @Override
        public ExactScan.VectorScorer scorer(Similarity similarity) {
            return stored -> similarity.of(vector, stored);
        }

        @Override
        public boolean distanceScored() {
            return true;
        }
    }

    /** {@code RecoBestScoreQuery} ({@link ExampleScores#bestScore}). */
    record BestScore(List<float[]> positives, List<float[]> negatives) implements VectorQuery {
        @Override
        public ExactScan.VectorScorer scorer(Similarity similarity) {
            return stored -> ExampleScores.bestScore(positives, negatives, e -> similarity.of(e, stored));
        }
    }

    /** {@code RecoSumScoresQuery} ({@link ExampleScores#sumScores}). */
    record SumScores(List<float[]> positives, List<float[]> negatives) implements VectorQuery {
        @Override
        public ExactScan.VectorScorer scorer(Similarity similarity) {
            return stored -> ExampleScores.sumScores(positives, negatives, e -> similarity.of(e, stored));
        }
    }

    /** A context pair of a discovery or context search. */
    record Pair(float[] positive, float[] negative) {
    }

    /** {@code DiscoveryQuery} ({@link ExampleScores#discover}). */
    record Discover(float[] target, List<Pair> pairs) implements VectorQuery {
        @Override
        public ExactScan.VectorScorer scorer(Similarity similarity) {
            return stored -> ExampleScores.discover(similarity.of(target, stored), pairs,
                    p -> similarity.of(p.positive(), stored), p -> similarity.of(p.negative(), stored));
        }
    }

    /** {@code ContextQuery} ({@link ExampleScores#context}). */
    record Context(List<Pair> pairs) implements VectorQuery {
        @Override
        public ExactScan.VectorScorer scorer(Similarity similarity) {
            return stored -> ExampleScores.context(pairs, p -> similarity.of(p.positive(), stored),
                    p -> similarity.of(p.negative(), stored));
        }
    }

    /** {@code FeedbackQuery} ({@link RelevanceFeedback}). */
    record Feedback(RelevanceFeedback<float[]> feedback) implements VectorQuery {
        @Override
        public ExactScan.VectorScorer scorer(Similarity similarity) {
            return stored -> feedback.score(e -> similarity.of(e, stored));
        }
    }
}
