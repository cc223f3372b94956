package io.github.qdrantscope.embedded.search;

import java.util.List;

/**
 * What a vector search scores points against, with Qdrant's formulas
 * ({@code lib/segment/src/vector_storage/query/}): plain nearest neighbour, recommend best-score and
 * sum-scores, discovery (target + context pairs) and context-only search. Every example vector is
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

    /**
     * {@code RecoBestScoreQuery}: the best similarity to any positive, through a scaled fast
     * sigmoid, if it beats the best similarity to any negative; otherwise minus the sigmoid of the
     * best negative similarity.
     */
    record BestScore(List<float[]> positives, List<float[]> negatives) implements VectorQuery {
        @Override
        public ExactScan.VectorScorer scorer(Similarity similarity) {
            return stored -> {
                float maxPositive = Float.NEGATIVE_INFINITY;
                for (float[] p : positives) {
                    maxPositive = Math.max(maxPositive, similarity.of(p, stored));
                }
                float maxNegative = Float.NEGATIVE_INFINITY;
                for (float[] n : negatives) {
                    maxNegative = Math.max(maxNegative, similarity.of(n, stored));
                }
                return maxPositive > maxNegative
                        ? scaledFastSigmoid(maxPositive)
                        : -scaledFastSigmoid(maxNegative);
            };
        }
    }

    /** {@code RecoSumScoresQuery}: sum of similarities to positives minus sum to negatives. */
    record SumScores(List<float[]> positives, List<float[]> negatives) implements VectorQuery {
        @Override
        public ExactScan.VectorScorer scorer(Similarity similarity) {
            return stored -> {
                float positive = 0;
                for (float[] p : positives) {
                    positive += similarity.of(p, stored);
                }
                float negative = 0;
                for (float[] n : negatives) {
                    negative += similarity.of(n, stored);
                }
                return positive - negative;
            };
        }
    }

    /** A context pair of a discovery or context search. */
    record Pair(float[] positive, float[] negative) {
    }

    /**
     * {@code DiscoveryQuery}: the rank (+1 for every pair whose positive is more similar than its
     * negative, else -1) plus the scaled fast sigmoid of the similarity to the target.
     */
    record Discover(float[] target, List<Pair> pairs) implements VectorQuery {
        @Override
        public ExactScan.VectorScorer scorer(Similarity similarity) {
            return stored -> {
                int rank = 0;
                for (Pair pair : pairs) {
                    rank += similarity.of(pair.positive(), stored) > similarity.of(pair.negative(), stored)
                            ? 1 : -1;
                }
                return rank + scaledFastSigmoid(similarity.of(target, stored));
            };
        }
    }

    /**
     * {@code ContextQuery}: the sum over pairs of {@code fast_sigmoid(min(pos - neg - EPSILON, 0))},
     * so 0 for points on the positive side of every pair.
     */
    record Context(List<Pair> pairs) implements VectorQuery {
        @Override
        public ExactScan.VectorScorer scorer(Similarity similarity) {
            return stored -> {
                float sum = 0;
                for (Pair pair : pairs) {
                    float difference = similarity.of(pair.positive(), stored)
                            - similarity.of(pair.negative(), stored) - Math.ulp(1.0f);
                    sum += fastSigmoid(Math.min(difference, 0f));
                }
                return sum;
            };
        }
    }

    /** {@code common::math::fast_sigmoid}: x / (1 + |x|), in (-1, 1). */
    static float fastSigmoid(float x) {
        return x / (1.0f + Math.abs(x));
    }

    /** {@code common::math::scaled_fast_sigmoid}: 0.5 * (fast_sigmoid(x) + 1), in (0, 1). */
    static float scaledFastSigmoid(float x) {
        return 0.5f * (fastSigmoid(x) + 1.0f);
    }
}
