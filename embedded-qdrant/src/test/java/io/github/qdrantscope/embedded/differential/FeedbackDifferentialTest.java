package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.FeedbackItem;
import io.qdrant.client.grpc.Points.FeedbackStrategy;
import io.qdrant.client.grpc.Points.NaiveFeedbackStrategy;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RelevanceFeedbackInput;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Query {@code relevance_feedback} against Qdrant's engine (Edge): per seed an unnamed vector of 2 to 5 dimensions
 * under one of the four distances, 24 points, and feedback queries whose target and 1 to 5 feedback examples are
 * vectors or point ids (excluded from the results), with scores, a, b and c from small grids (equal scores and
 * b = 0 included), limit, offset, filter, threshold, and now and then a nearest prefetch to re-score. Components
 * are multiples of 1/4, so Dot, Euclid and Manhattan scores are exact; equal scores at the page's end are
 * compared as ties.
 */
class FeedbackDifferentialTest extends SeededDifferentialTest {

    private static final int SEEDS = 16;
    private static final int POINTS = 24;

    // vector components are multiples of 1/4
    private static final int LEVELS = 4;
    private static final Distance[] DISTANCES = {Distance.Cosine, Distance.Dot, Distance.Euclid, Distance.Manhattan};

    @Test
    void feedbackQueriesAgreeWithQdrantsEngine() {
        int ambiguous = assertSeedsAgree(SEEDS, (run, seed, random) -> {
            int dim = 2 + random.nextInt(4);
            Distance distance = DISTANCES[(int) (seed % 4)];
            return run.run(seed, new Data(new Random(seed), List.of(new Data.Space("", dim, distance))),
                    steps(seed, random, dim, distance));
        });
        System.out.printf("FeedbackDifferentialTest: %d seeds, %d queries only checked for success%n", SEEDS,
                ambiguous);
    }

    private static List<Step> steps(long seed, Random random, int dim, Distance distance) {
        String collection = "feedback_diff_" + seed;
        return DenseScenario.steps(collection, random, dim, distance, POINTS, LEVELS,
                () -> query(collection, random, dim));
    }

    private static DenseVector dense(Random random, int dim) {
        return DenseScenario.dense(random, dim, LEVELS);
    }

    private static VectorInput example(Random random, int dim) {
        return random.nextInt(3) == 0
                ? VectorInput.newBuilder().setId(PointId.newBuilder().setNum(1 + random.nextInt(POINTS))).build()
                : VectorInput.newBuilder().setDense(dense(random, dim)).build();
    }

    private static QueryPoints query(String collection, Random random, int dim) {
        RelevanceFeedbackInput.Builder feedback = RelevanceFeedbackInput.newBuilder().setTarget(example(random, dim))
                .setStrategy(FeedbackStrategy.newBuilder().setNaive(NaiveFeedbackStrategy.newBuilder()
                        .setA(random.nextInt(5) / 2f).setB(random.nextInt(3)).setC(random.nextInt(5) / 2f)));
        int items = 1 + random.nextInt(5);
        for (int i = 0; i < items; i++) {
            feedback.addFeedback(FeedbackItem.newBuilder().setExample(example(random, dim))
                    .setScore(random.nextInt(5) / 4f));
        }
        QueryPoints.Builder b = QueryPoints.newBuilder().setCollectionName(collection).setLimit(1 + random.nextInt(8))
                .setQuery(Query.newBuilder().setRelevanceFeedback(feedback))
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(random.nextBoolean()))
                .setWithVectors(WithVectorsSelector.newBuilder().setEnable(random.nextBoolean()));
        if (random.nextInt(4) == 0) {
            b.addPrefetch(PrefetchQuery.newBuilder().setLimit(5 + random.nextInt(10))
                    .setQuery(Query.newBuilder().setNearest(VectorInput.newBuilder().setDense(dense(random, dim)))));
        }
        if (random.nextInt(3) == 0) {
            b.setOffset(random.nextInt(3));
        }
        if (random.nextInt(4) == 0) {
            b.setScoreThreshold((random.nextInt(9) - 4) / 2f);
        }
        if (random.nextInt(3) == 0) {
            b.setFilter(Filter.newBuilder().addMust(Condition.newBuilder().setField(FieldCondition.newBuilder()
                    .setKey("k").setRange(Range.newBuilder().setGte(random.nextInt(10))))));
        }
        return b.build();
    }
}
