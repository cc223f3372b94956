package io.github.qdrantscope.embedded.search;

import java.util.List;

/**
 * The formulas of Qdrant's example queries ({@code lib/segment/src/vector_storage/query/}: {@code reco_query.rs},
 * {@code discovery_query.rs}, {@code context_query.rs}) over any kind of example, so that dense vectors and
 * multivectors ({@link VectorQuery}) and sparse vectors ({@link SparseExampleSearch}) score by one definition.
 * {@code similarity} is the raw similarity of the point being scored to an example, larger is better.
 */
final class ExampleScores {

    /** The similarity of the point being scored to one example. */
    @FunctionalInterface
    interface ToSimilarity<T> {
        float of(T example);
    }

    private ExampleScores() {
    }

    /**
     * {@code RecoBestScoreQuery}: the best similarity to any positive, through a scaled fast sigmoid, if it
     * beats the best similarity to any negative; otherwise minus the sigmoid of the best negative similarity.
     */
    static <T> float bestScore(List<T> positives, List<T> negatives, ToSimilarity<T> similarity) {
        float maxPositive = Float.NEGATIVE_INFINITY;
        for (T p : positives) {
            maxPositive = Math.max(maxPositive, similarity.of(p));
        }
        float maxNegative = Float.NEGATIVE_INFINITY;
        for (T n : negatives) {
            maxNegative = Math.max(maxNegative, similarity.of(n));
        }
        return maxPositive > maxNegative ? scaledFastSigmoid(maxPositive) : -scaledFastSigmoid(maxNegative);
    }

    /** {@code RecoSumScoresQuery}: the sum of the similarities to the positives minus that to the negatives. */
    static <T> float sumScores(List<T> positives, List<T> negatives, ToSimilarity<T> similarity) {
        float positive = 0;
        for (T p : positives) {
            positive += similarity.of(p);
        }
        float negative = 0;
        for (T n : negatives) {
            negative += similarity.of(n);
        }
        return positive - negative;
    }

    /**
     * {@code DiscoveryQuery}: the rank (+1 for every pair whose positive is more similar than its negative,
     * else -1) plus the scaled fast sigmoid of the similarity to the target.
     */
    static <P> float discover(float targetSimilarity, List<P> pairs, ToSimilarity<P> positive,
            ToSimilarity<P> negative) {
        int rank = 0;
        for (P pair : pairs) {
            rank += positive.of(pair) > negative.of(pair) ? 1 : -1;
        }
        return rank + scaledFastSigmoid(targetSimilarity);
    }

    /**
     * {@code ContextQuery}: the sum over pairs of {@code fast_sigmoid(min(pos - neg - EPSILON, 0))}, so 0 for
     * points on the positive side of every pair.
     */
    static <P> float context(List<P> pairs, ToSimilarity<P> positive, ToSimilarity<P> negative) {
        float sum = 0;
        for (P pair : pairs) {
            float difference = positive.of(pair) - negative.of(pair) - Math.ulp(1.0f);
            sum += fastSigmoid(Math.min(difference, 0f));
        }
        return sum;
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
