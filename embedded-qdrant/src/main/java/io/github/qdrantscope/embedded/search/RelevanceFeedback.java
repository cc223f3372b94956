package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.qdrant.client.grpc.Points.FeedbackItem;
import io.qdrant.client.grpc.Points.NaiveFeedbackStrategy;
import io.qdrant.client.grpc.Points.RelevanceFeedbackInput;
import io.qdrant.client.grpc.Points.VectorInput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Query {@code relevance_feedback} with the naive strategy, as Qdrant 1.17 scores it ({@code NaiveFeedbackQuery}
 * and {@code FeedbackQuery} in {@code lib/segment/src/vector_storage/query/feedback_query.rs}):
 * every ordered pair of feedback items whose score difference {@code confidence} is above 0 becomes a
 * (positive, negative) pair weighted {@code confidence^b * c}, in {@code permutations(2)} order; a point scores
 * {@code a * sim(target) + sum(weight * (sim(positive) - sim(negative)))}, all in f32 and in that order, with the
 * space's raw similarity (dense, multivector MaxSim or sparse dot product), returned unprocessed as for the other
 * example queries. The same formula serves every kind of vector, so it is generic over the example type.
 *
 * @param <T> a prepared example vector
 */
final class RelevanceFeedback<T> {

    /** A (higher scored, lower scored) pair of feedback examples with its precomputed weight. */
    record Pair<T>(T positive, T negative, float weight) {
    }

    private final float a;
    private final T target;
    private final List<Pair<T>> pairs;

    private RelevanceFeedback(float a, T target, List<Pair<T>> pairs) {
        this.a = a;
        this.target = target;
        this.pairs = pairs;
    }

    /**
     * Request validation ({@code lib/api/build.rs}: {@code NaiveFeedbackStrategy.b} range(min = 0.0)), printed as
     * the validator's range error; a NaN passes, as the validator's {@code <} comparison lets it.
     *
     * @param path the query's field path, e.g. {@code query} or {@code prefetch[0].query}
     */
    static void validate(RelevanceFeedbackInput input, String path) {
        if (input.hasStrategy() && input.getStrategy().hasNaive() && input.getStrategy().getNaive().getB() < 0f) {
            throw QdrantErrors.validation(path + ".variant.strategy.variant.b: value "
                    + input.getStrategy().getNaive().getB() + " invalid, must be 0.0 or larger");
        }
    }

    /**
     * Resolves the input's vectors (target first, then the feedback examples in order) and builds the query.
     *
     * @param resolve a required example: a point lacking the vector fails the query, as for nearest
     *     ({@code vector_not_found_error} in {@code universal_query/collection_query.rs})
     */
    static <T> RelevanceFeedback<T> of(RelevanceFeedbackInput input, Function<VectorInput, T> resolve) {
        if (!input.hasTarget()) {
            throw QdrantErrors.invalidArgument("RelevanceFeedbackInput target is missing");
        }
        if (!input.hasStrategy() || !input.getStrategy().hasNaive()) {
            throw QdrantErrors.invalidArgument("RelevanceFeedbackInput strategy is missing");
        }
        T target = resolve.apply(input.getTarget());
        List<T> examples = new ArrayList<>(input.getFeedbackCount());
        List<Float> scores = new ArrayList<>(input.getFeedbackCount());
        for (FeedbackItem item : input.getFeedbackList()) {
            if (!item.hasExample()) {
                throw QdrantErrors.invalidArgument("FeedbackItem example is missing");
            }
            examples.add(resolve.apply(item.getExample()));
            scores.add(item.getScore());
        }
        NaiveFeedbackStrategy naive = input.getStrategy().getNaive();
        return new RelevanceFeedback<>(naive.getA(), target, pairs(examples, scores, naive.getB(), naive.getC()));
    }

    /**
     * {@code extract_context_pairs} with margin 0: itertools' {@code permutations(2)} visits (i, j), i != j, with i
     * outer and j inner; a pair is kept when {@code score_i - score_j} is not {@code <= 0} (so a NaN difference is
     * kept), weighted {@code (score_i - score_j).powf(b) * c}.
     */
    static <T> List<Pair<T>> pairs(List<T> examples, List<Float> scores, float b, float c) {
        List<Pair<T>> pairs = new ArrayList<>();
        if (examples.size() < 2) {
            return pairs;
        }
        for (int i = 0; i < examples.size(); i++) {
            for (int j = 0; j < examples.size(); j++) {
                if (i == j) {
                    continue;
                }
                float confidence = scores.get(i) - scores.get(j);
                if (confidence <= 0f) {
                    continue;
                }
                float weight = (float) RustMath.powf(confidence, b) * c;
                pairs.add(new Pair<>(examples.get(i), examples.get(j), weight));
            }
        }
        return pairs;
    }

    /** {@code FeedbackQuery::score_by}. */
    float score(ExampleScores.ToSimilarity<T> similarity) {
        float score = a * similarity.of(target);
        for (Pair<T> pair : pairs) {
            float delta = similarity.of(pair.positive()) - similarity.of(pair.negative());
            score += pair.weight() * delta;
        }
        return score;
    }
}
