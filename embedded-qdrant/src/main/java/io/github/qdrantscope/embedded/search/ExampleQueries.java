package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.qdrant.client.grpc.Points.ContextInput;
import io.qdrant.client.grpc.Points.ContextInputPair;
import io.qdrant.client.grpc.Points.DiscoverInput;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.RelevanceFeedbackInput;
import io.qdrant.client.grpc.Points.VectorInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The Query API's example-based vector queries, recommend, discover, context and relevance feedback, built from their
 * inputs ({@code universal_query/collection_query.rs}); {@link Examples} resolves each input.
 */
final class ExampleQueries {

    private ExampleQueries() {
    }

    /**
     * best_score and sum_scores score with every example preprocessed; average_vector averages the
     * examples as sent (stored vectors as stored) and preprocesses only the average, the Nearest query it
     * becomes (avg_vector_for_recommendation in collection_query.rs, as for classic Recommend).
     */
    static VectorQuery recommend(VectorSpace space, Examples examples, RecommendInput input) {
        RecommendStrategy strategy = input.hasStrategy() ? input.getStrategy() : RecommendStrategy.AverageVector;
        if (strategy != RecommendStrategy.BestScore && strategy != RecommendStrategy.SumScores) {
            AverageVector average = new AverageVector();
            for (VectorInput v : input.getPositiveList()) {
                average.addPositive(examples.unprepared(v), multi(space, v));
            }
            for (VectorInput v : input.getNegativeList()) {
                average.addNegative(examples.unprepared(v), multi(space, v));
            }
            return new VectorQuery.Nearest(average.query(space));
        }
        List<float[]> positives = new ArrayList<>();
        for (VectorInput v : input.getPositiveList()) {
            addIfPresent(positives, examples.of(v, false));
        }
        List<float[]> negatives = new ArrayList<>();
        for (VectorInput v : input.getNegativeList()) {
            addIfPresent(negatives, examples.of(v, false));
        }
        return strategy == RecommendStrategy.BestScore ? new VectorQuery.BestScore(positives, negatives)
                : new VectorQuery.SumScores(positives, negatives);
    }

    /** Whether an example is a multivector to average_vector: sent as one, or a point's of a multivector space. */
    private static boolean multi(VectorSpace space, VectorInput v) {
        return v.hasMultiDense() || v.hasId() && space.spec().multivector();
    }

    static void addIfPresent(List<float[]> into, float[] vector) {
        if (vector != null) {
            into.add(vector);
        }
    }

    static VectorQuery discover(Examples examples, DiscoverInput input) {
        if (!input.hasTarget()) {
            throw QdrantErrors.invalidArgument("DiscoverInput target is missing");
        }
        if (!input.hasContext()) {
            throw QdrantErrors.invalidArgument("DiscoverInput context is missing");
        }
        return new VectorQuery.Discover(examples.of(input.getTarget(), true),
                pairs(examples, input.getContext().getPairsList()));
    }

    private static List<VectorQuery.Pair> pairs(Examples examples, List<ContextInputPair> wire) {
        List<VectorQuery.Pair> pairs = new ArrayList<>(wire.size());
        for (ContextInputPair p : wire) {
            if (!p.hasPositive()) {
                throw QdrantErrors.invalidArgument("ContextPair positive is missing");
            }
            if (!p.hasNegative()) {
                throw QdrantErrors.invalidArgument("ContextPair negative is missing");
            }
            pairs.add(new VectorQuery.Pair(examples.of(p.getPositive(), true), examples.of(p.getNegative(), true)));
        }
        return pairs;
    }

    static VectorQuery context(Examples examples, ContextInput input) {
        return new VectorQuery.Context(pairs(examples, input.getPairsList()));
    }

    /** Relevance feedback: the target and every feedback example are required and prepared, as for nearest. */
    static VectorQuery feedback(Examples examples, RelevanceFeedbackInput input) {
        return new VectorQuery.Feedback(RelevanceFeedback.of(input, v -> examples.of(v, true)));
    }
}
