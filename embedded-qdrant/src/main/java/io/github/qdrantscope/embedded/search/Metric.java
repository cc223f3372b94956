package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CosinePreprocessing;
import io.qdrant.client.grpc.Collections.Distance;

/**
 * A distance function as Qdrant scores with it ({@code lib/segment/src/spaces/simple.rs}).
 *
 * <p>Internally every metric yields a similarity where larger is better, so that top-k, thresholds
 * and fusion treat all distances alike: Cosine and Dot use the dot product, Euclid the negated
 * squared L2 distance and Manhattan the negated L1 distance (Qdrant does the same and converts in
 * {@code postprocess}). {@link #toScore(float)} turns a similarity into the score the client sees.
 */
enum Metric {
    COSINE, DOT, EUCLID, MANHATTAN;

    static Metric of(Distance distance) {
        return switch (distance) {
            case Cosine -> COSINE;
            case Dot -> DOT;
            case Euclid -> EUCLID;
            case Manhattan -> MANHATTAN;
            default -> throw new IllegalStateException("Unsupported distance " + distance);
        };
    }

    /**
     * The query as Qdrant's query scorers use it: Cosine preprocesses it like a stored vector
     * ({@link CosinePreprocessing#preprocess}: unchanged when already unit length); Dot, Euclid and
     * Manhattan use it as is (their {@code preprocess} in simple.rs returns the vector).
     */
    float[] prepareQuery(float[] query) {
        return this == COSINE ? CosinePreprocessing.preprocess(query) : query;
    }

    /** Larger is better for every metric. */
    float similarity(float[] query, float[] stored) {
        return switch (this) {
            case COSINE, DOT -> VectorMath.dot(query, stored);
            case EUCLID -> -VectorMath.squaredEuclid(query, stored);
            case MANHATTAN -> -VectorMath.manhattan(query, stored);
        };
    }

    /** {@link #similarity} of {@code query[qFrom..qFrom+dim)} and {@code stored[sFrom..sFrom+dim)}. */
    float similarity(float[] query, int qFrom, float[] stored, int sFrom, int dim) {
        return switch (this) {
            case COSINE, DOT -> VectorMath.dot(query, qFrom, stored, sFrom, dim);
            case EUCLID -> -VectorMath.squaredEuclid(query, qFrom, stored, sFrom, dim);
            case MANHATTAN -> -VectorMath.manhattan(query, qFrom, stored, sFrom, dim);
        };
    }

    /**
     * Qdrant's {@code score_max_similarity} ({@code lib/segment/src/vector_storage/query_scorer/mod.rs}), the
     * MaxSim comparator of multivectors: over the query's sub-vectors in order, the f32 sum of each one's
     * largest {@link #similarity} to any stored sub-vector. Both arguments are flattened sub-vectors of
     * {@code dim} values.
     */
    float maxSim(float[] query, float[] stored, int dim) {
        float sum = 0;
        for (int q = 0; q < query.length; q += dim) {
            float max = Float.NEGATIVE_INFINITY;
            for (int s = 0; s < stored.length; s += dim) {
                float sim = similarity(query, q, stored, s, dim);
                if (sim > max) {
                    max = sim;
                }
            }
            sum += max;
        }
        return sum;
    }

    /** The score returned to clients: the similarity for Cosine/Dot, the (positive) distance otherwise. */
    float toScore(float similarity) {
        return switch (this) {
            case COSINE, DOT -> similarity;
            case EUCLID -> (float) Math.sqrt(Math.abs(similarity));
            case MANHATTAN -> Math.abs(similarity);
        };
    }

    /** Whether a larger client-visible score is better (false for the distances Euclid and Manhattan). */
    boolean largerIsBetter() {
        return this == COSINE || this == DOT;
    }

    /**
     * Qdrant's strict {@code score_threshold}: {@code score > t} for Cosine/Dot, {@code score < t}
     * for Euclid/Manhattan ({@code local_shard/search.rs}).
     */
    boolean passesThreshold(float score, float threshold) {
        return largerIsBetter() ? score > threshold : score < threshold;
    }
}
