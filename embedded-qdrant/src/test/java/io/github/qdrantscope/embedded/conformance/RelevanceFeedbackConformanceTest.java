package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorFactory.multiVector;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorInputFactory.multiVectorInput;
import static io.qdrant.client.VectorInputFactory.vectorInput;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.MultiVectorComparator;
import io.qdrant.client.grpc.Collections.MultiVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.FeedbackItem;
import io.qdrant.client.grpc.Points.FeedbackStrategy;
import io.qdrant.client.grpc.Points.NaiveFeedbackStrategy;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RelevanceFeedbackInput;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.VectorInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Query {@code relevance_feedback} (naive strategy, {@code lib/segment/src/vector_storage/query/feedback_query.rs}):
 * every ordered pair of feedback items with a positive score difference weighs {@code (difference)^b * c}, and a
 * point scores {@code a * sim(target) + sum(weight * (sim(positive) - sim(negative)))} in raw similarities.
 * Points 1 [1, 0], 2 [0, 1], 3 [1, 1], 4 [0.5, -1], 5 [-1, 0.25], 6 [2, 0.5]; target [1, 0.5]; feedback [1, 0]
 * 0.75, [0, 1] 0.25, [1, 1] 0.5, [0.5, -1] 0, with a 0.5, b 2, c 1.5. Components and scores are multiples of
 * powers of 2, so the f32 arithmetic is exact; every expected answer is what Qdrant's engine (Qdrant Edge 0.9.0)
 * returned for the same query.
 */
class RelevanceFeedbackConformanceTest extends ConformanceTestBase {

    private static final float[][] POINTS = {{1, 0}, {0, 1}, {1, 1}, {0.5f, -1}, {-1, 0.25f}, {2, 0.5f}};
    private static final float[] SCORES = {0.75f, 0.25f, 0.5f, 0f};

    private String collection(Distance distance) {
        String name = newCollection(2, distance);
        List<PointStruct> points = new ArrayList<>();
        for (int i = 0; i < POINTS.length; i++) {
            points.add(point(i + 1, POINTS[i]));
        }
        await(client.upsertAsync(name, points));
        return name;
    }

    private static RelevanceFeedbackInput.Builder feedback(VectorInput target, float a, float b, float c) {
        return RelevanceFeedbackInput.newBuilder().setTarget(target).setStrategy(FeedbackStrategy.newBuilder()
                .setNaive(NaiveFeedbackStrategy.newBuilder().setA(a).setB(b).setC(c)));
    }

    /** The class's feedback as raw vectors, or as the ids of points 1 to 4 holding them. */
    private static RelevanceFeedbackInput.Builder standard(boolean byId) {
        RelevanceFeedbackInput.Builder f = feedback(vectorInput(1, 0.5f), 0.5f, 2f, 1.5f);
        for (int i = 0; i < SCORES.length; i++) {
            VectorInput example = byId ? VectorInput.newBuilder().setId(id(i + 1)).build() : vectorInput(POINTS[i]);
            f.addFeedback(FeedbackItem.newBuilder().setExample(example).setScore(SCORES[i]));
        }
        return f;
    }

    private List<ScoredPoint> query(String c, RelevanceFeedbackInput.Builder f) {
        return query(QueryPoints.newBuilder().setCollectionName(c).setLimit(10)
                .setQuery(Query.newBuilder().setRelevanceFeedback(f)));
    }

    private List<ScoredPoint> query(QueryPoints.Builder request) {
        return await(client.queryAsync(request.build()));
    }

    @Test
    void everyOrderedPairWithAHigherScoreWeighsIn() {
        List<ScoredPoint> hits = query(collection(Distance.Dot), standard(false));

        // pairs in permutations(2) order (0,1) 0.375, (0,2) 0.09375, (0,3) 0.84375, (1,3) 0.09375, (2,1) 0.09375,
        // (2,3) 0.375; point 6: 0.5 * 2.25 + 0.375 * (2 - 0.5) + 0.09375 * (2 - 2.5) + 0.84375 * (2 - 0.5)
        // + 0.09375 * (0.5 - 0.5) + 0.09375 * (2.5 - 0.5) + 0.375 * (2.5 - 0.5) = 3.84375
        assertThat(idsOf(hits)).containsExactly(6L, 3L, 2L, 1L, 4L, 5L);
        assertThat(scoresOf(hits)).containsExactly(3.84375f, 3.09375f, 1.5625f, 1.53125f, -0.796875f, -1.140625f);
    }

    @Test
    void customScoresAreRawSimilaritiesUnderEveryDistance() {
        // Euclid and Manhattan: negated squared and absolute distances, not post-processed (local_shard/search.rs
        // post-processes only plain nearest scores)
        List<ScoredPoint> euclid = query(collection(Distance.Euclid), standard(false));
        assertThat(idsOf(euclid)).containsExactly(6L, 3L, 2L, 1L, 4L, 5L);
        assertThat(scoresOf(euclid)).containsExactly(4.890625f, 4.515625f, 1.953125f, 1.890625f, -2.890625f,
                -3.484375f);
        List<ScoredPoint> manhattan = query(collection(Distance.Manhattan), standard(false));
        assertThat(scoresOf(manhattan)).containsExactly(2.09375f, 2.09375f, 1.84375f, -0.46875f, -0.84375f,
                -2.96875f);
        assertThat(idsOf(manhattan).subList(2, 6)).containsExactly(6L, 2L, 5L, 4L);
        // Cosine: every vector normalised first
        List<ScoredPoint> cosine = query(collection(Distance.Cosine), standard(false));
        assertThat(idsOf(cosine)).containsExactly(3L, 6L, 1L, 2L, 4L, 5L);
        assertThat(scoresOf(cosine)).containsExactly((float) 1.9273030757904053, (float) 1.7072935104370117,
                (float) 1.4379106760025024, (float) 1.2877075672149658, (float) -0.5087072849273682,
                (float) -1.0826635360717773);
    }

    @Test
    void fewerThanTwoDistinctScoresLeaveOnlyTheTarget() {
        String c = collection(Distance.Dot);

        // one item: no pair, a * sim(target)
        RelevanceFeedbackInput.Builder one = feedback(vectorInput(1, 0.5f), 0.5f, 2f, 1.5f)
                .addFeedback(FeedbackItem.newBuilder().setExample(vectorInput(1, 0)).setScore(0.75f));
        assertThat(scoresOf(query(c, one))).containsExactly(1.125f, 0.75f, 0.5f, 0.25f, 0f, -0.4375f);
        // equal scores: a difference of 0 is not above the margin 0
        RelevanceFeedbackInput.Builder equal = feedback(vectorInput(1, 0.5f), 1f, 1f, 1f)
                .addFeedback(FeedbackItem.newBuilder().setExample(vectorInput(1, 0)).setScore(0.5f))
                .addFeedback(FeedbackItem.newBuilder().setExample(vectorInput(0, 1)).setScore(0.5f));
        assertThat(scoresOf(query(c, equal))).containsExactly(2.25f, 1.5f, 1f, 0.5f, 0f, -0.875f);
        // b = 0: every pair weighs c
        RelevanceFeedbackInput.Builder flat = standard(false);
        flat.getStrategyBuilder().getNaiveBuilder().setB(0f);
        assertThat(scoresOf(query(c, flat))).containsExactly(10.875f, 9f, 4.75f, 4.25f, -2.625f, -3.0625f);
    }

    @Test
    void feedbackByIdExcludesThosePointsAndTheThresholdFollowsTheDistance() {
        String dot = collection(Distance.Dot);

        // get_referenced_ids covers the feedback examples: points 1 to 4 leave the results
        List<ScoredPoint> byId = query(dot, standard(true));
        assertThat(idsOf(byId)).containsExactly(6L, 5L);
        assertThat(scoresOf(byId)).containsExactly(3.84375f, -1.140625f);
        // Dot keeps scores above the threshold
        assertThat(idsOf(query(QueryPoints.newBuilder().setCollectionName(dot).setLimit(10).setScoreThreshold(1f)
                .setQuery(Query.newBuilder().setRelevanceFeedback(standard(false)))))).containsExactly(6L, 3L, 2L, 1L);
        // Euclid keeps scores below it, even for a custom score (check_threshold in local_shard/search.rs)
        assertThat(query(QueryPoints.newBuilder().setCollectionName(collection(Distance.Euclid)).setLimit(10)
                .setScoreThreshold(-3f).setQuery(Query.newBuilder().setRelevanceFeedback(standard(false)))))
                .isEmpty();
    }

    @Test
    void aPrefetchIsRescoredByFeedback() {
        String c = collection(Distance.Dot);

        // the prefetch's 3 nearest to [1, 0.25] are 6, 3 and 1
        List<ScoredPoint> hits = query(QueryPoints.newBuilder().setCollectionName(c).setLimit(10)
                .addPrefetch(PrefetchQuery.newBuilder().setLimit(3)
                        .setQuery(Query.newBuilder().setNearest(vectorInput(1, 0.25f))))
                .setQuery(Query.newBuilder().setRelevanceFeedback(standard(false))));

        assertThat(idsOf(hits)).containsExactly(6L, 3L, 1L);
        assertThat(scoresOf(hits)).containsExactly(3.84375f, 3.09375f, 1.53125f);
    }

    @Test
    void multivectorsScoreByMaxSim() {
        String c = uniqueName("fbmulti");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(c)
                .setVectorsConfig(VectorsConfig.newBuilder().setParams(VectorParams.newBuilder().setSize(2)
                        .setDistance(Distance.Dot).setMultivectorConfig(MultiVectorConfig.newBuilder()
                                .setComparator(MultiVectorComparator.MaxSim)))).build()));
        float[][][] points = {{{1, 0}, {0, 1}}, {{0.5f, 0.5f}}, {{-1, 0}, {1, 1}}};
        for (int i = 0; i < points.length; i++) {
            await(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(i + 1))
                    .setVectors(vectors(multiVector(points[i]))).build())));
        }
        RelevanceFeedbackInput.Builder f = feedback(multiVectorInput(new float[][] {{1, 0.5f}}), 1f, 1f, 2f)
                .addFeedback(FeedbackItem.newBuilder().setExample(vectorInput(1, 0)).setScore(1f))
                .addFeedback(FeedbackItem.newBuilder()
                        .setExample(multiVectorInput(new float[][] {{0, 1}, {0.5f, 0.5f}})).setScore(0f));

        List<ScoredPoint> hits = query(c, f);

        // point 1: 1 + 2 * (1 - (1 + 0.5)) = 0; a dense example is a multivector of one
        assertThat(idsOf(hits)).containsExactly(1L, 2L, 3L);
        assertThat(scoresOf(hits)).containsExactly(0f, -0.25f, -0.5f);
    }

    @Test
    void sparseVectorsScoreEveryPointWithTheVector() {
        String c = uniqueName("fbsparse");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(c)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(
                        io.qdrant.client.grpc.Collections.VectorParamsMap.getDefaultInstance()))
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder()
                        .putMap("sp", SparseVectorParams.getDefaultInstance())).build()));
        List<List<Integer>> indices = List.of(List.of(1, 2), List.of(2, 3), List.of(7), List.of());
        List<List<Float>> values = List.of(List.of(1f, 2f), List.of(0.5f, 1f), List.of(4f), List.of());
        for (int i = 0; i < indices.size(); i++) {
            await(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(i + 1))
                    .setVectors(namedVectors(Map.of("sp", vector(values.get(i), indices.get(i))))).build())));
        }
        RelevanceFeedbackInput.Builder f = feedback(sparse(List.of(1, 3), List.of(1f, 1f)), 1f, 1f, 2f)
                .addFeedback(FeedbackItem.newBuilder().setExample(sparse(List.of(2), List.of(1f))).setScore(1f))
                .addFeedback(FeedbackItem.newBuilder().setExample(sparse(List.of(3), List.of(1f))).setScore(0.5f));

        List<ScoredPoint> hits = query(QueryPoints.newBuilder().setCollectionName(c).setLimit(10).setUsing("sp")
                .setQuery(Query.newBuilder().setRelevanceFeedback(f)));

        // no shared index is a similarity of 0, so points 3 and 4 (empty) score 0 too
        assertThat(idsOf(hits)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(scoresOf(hits)).containsExactly(3f, 0.5f, 0f, 0f);
    }

    private static VectorInput sparse(List<Integer> indices, List<Float> values) {
        return VectorInput.newBuilder().setSparse(SparseVector.newBuilder().addAllIndices(indices)
                .addAllValues(values)).build();
    }

    @Test
    void errors() {
        String c = collection(Distance.Dot);

        // lib/api/build.rs: NaiveFeedbackStrategy.b range(min = 0.0)
        RelevanceFeedbackInput.Builder negative = standard(false);
        negative.getStrategyBuilder().getNaiveBuilder().setB(-1f);
        assertGrpcError(() -> query(c, negative), Status.Code.INVALID_ARGUMENT,
                "Validation error in body: [query.variant.strategy.variant.b: value -1.0 invalid, must be 0.0 or"
                        + " larger]");
        RelevanceFeedbackInput.Builder missingPoint = standard(false).addFeedback(FeedbackItem.newBuilder()
                .setExample(VectorInput.newBuilder().setId(id(99))).setScore(1f));
        assertGrpcError(() -> query(c, missingPoint), Status.Code.NOT_FOUND, "Not found: No point with id 99 found");
        assertGrpcError(() -> query(c, feedback(vectorInput(1, 2, 3), 1f, 1f, 1f)), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Vector dimension error: expected dim: 2, got 3");
        RelevanceFeedbackInput.Builder noStrategy = standard(false).clearStrategy();
        assertGrpcError(() -> query(c, noStrategy), Status.Code.INVALID_ARGUMENT,
                "RelevanceFeedbackInput strategy is missing");
    }
}
