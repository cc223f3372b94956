package io.github.qdrantscope.embedded.search;

import static io.github.qdrantscope.embedded.search.StatusAssert.assertStatus;
import static io.github.qdrantscope.embedded.search.TestCollection.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.qdrantscope.embedded.storage.PointKey;
import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.ContextInput;
import io.qdrant.client.grpc.Points.ContextInputPair;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.DiscoverInput;
import io.qdrant.client.grpc.Points.Fusion;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryBatchPoints;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.QueryResponse;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.Rrf;
import io.qdrant.client.grpc.Points.Sample;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.VectorInput;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Query API on five Dot points in 2-d, so every score is a small dot product:
 * 1 = (1,0), 2 = (0,1), 3 = (1,1), 4 = (-1,0), 5 = (2,0).
 */
class QueryTest {

    private final PointsQueryEngine engine = new PointsQueryEngine();
    private final TestCollection dots = TestCollection.unnamed(2, Distance.Dot)
            .point(1, v(1, 0)).point(2, v(0, 1)).point(3, v(1, 1)).point(4, v(-1, 0)).point(5, v(2, 0));

    static VectorInput dense(float... values) {
        DenseVector.Builder d = DenseVector.newBuilder();
        for (float x : values) {
            d.addData(x);
        }
        return VectorInput.newBuilder().setDense(d).build();
    }

    static VectorInput id(long id) {
        return VectorInput.newBuilder().setId(Ids.num(id)).build();
    }

    static Query nearest(VectorInput input) {
        return Query.newBuilder().setNearest(input).build();
    }

    private QueryResponse query(QueryPoints.Builder request) {
        return engine.query(dots, request.setCollectionName("test").build());
    }

    private static List<Float> scores(QueryResponse r) {
        return r.getResultList().stream().map(ScoredPoint::getScore).toList();
    }

    @Test
    void nearestByVectorRanksByDotWithIdTieBreakAndDefaultLimitTen() {
        QueryResponse r = query(QueryPoints.newBuilder().setQuery(nearest(dense(1, 0))));
        assertThat(Ids.scored(r.getResultList())).containsExactly("5", "1", "3", "2", "4");
        assertThat(scores(r)).containsExactly(2f, 1f, 1f, 0f, -1f);
        assertThat(r.getTime()).isPositive();
    }

    @Test
    void nearestByPointIdUsesItsVectorAndExcludesIt() {
        QueryResponse r = query(QueryPoints.newBuilder().setQuery(nearest(id(1))));
        assertThat(Ids.scored(r.getResultList())).containsExactly("5", "3", "2", "4");
    }

    @Test
    void noQueryScrollsByIdWithScoreOneAndOffset() {
        QueryResponse r = query(QueryPoints.newBuilder().setLimit(2).setOffset(1));
        assertThat(Ids.scored(r.getResultList())).containsExactly("2", "3");
        assertThat(scores(r)).containsExactly(1f, 1f);
    }

    @Test
    void rrfFusesPrefetchRanksWithKTwo() {
        // A ranks 5,1,3 (scores 2,1,1); B ranks 2,3,1 (scores 1,1,0, ties by id).
        // RRF 1/(rank+2): 1 = 1/3 + 1/4, 3 = 1/4 + 1/3, 5 = 1/2, 2 = 1/2
        QueryPoints.Builder request = QueryPoints.newBuilder()
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(dense(1, 0))).setLimit(3))
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(dense(0, 1))).setLimit(3))
                .setQuery(Query.newBuilder().setFusion(Fusion.RRF));
        QueryResponse r = query(request);
        assertThat(Ids.scored(r.getResultList())).containsExactly("1", "3", "2", "5");
        assertThat(scores(r)).containsExactly(1f / 3 + 1f / 4, 1f / 3 + 1f / 4, 0.5f, 0.5f);
        // the fusion threshold is inclusive (collection/query.rs: score >= threshold)
        assertThat(Ids.scored(query(request.setScoreThreshold(0.5f)).getResultList())).hasSize(4);
        assertThat(Ids.scored(query(request.setScoreThreshold(0.55f)).getResultList())).containsExactly("1", "3");
    }

    @Test
    void parameterisedRrfUsesKAndWeights() {
        // weights 3:1 with k=1: A gives 1/((p+1)/3), B gives 1/(p+1)
        QueryPoints.Builder request = QueryPoints.newBuilder()
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(dense(1, 0))).setLimit(1))
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(dense(0, 1))).setLimit(1))
                .setQuery(Query.newBuilder().setRrf(Rrf.newBuilder().setK(1).addWeights(3).addWeights(1)));
        QueryResponse r = query(request);
        assertThat(Ids.scored(r.getResultList())).containsExactly("5", "2");
        // 1 / ((0 + 1) / 3 + 1 - 1) in f32 arithmetic, as Qdrant computes it
        assertThat(r.getResult(0).getScore()).isCloseTo(3f, within(1e-6f));
        assertThat(r.getResult(1).getScore()).isEqualTo(1f);
        Query wrongWeights = Query.newBuilder().setRrf(Rrf.newBuilder().addWeights(1)).build();
        assertStatus(() -> query(request.setQuery(wrongWeights)), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Validation failed: Number of weights in RRF should match number of pre-fetches:"
                        + " got 1, expected 2");
    }

    @Test
    void dbsfNormalisesEachSourceByMeanAndThreeStandardDeviations() {
        // A = 5:2, 1:1, 3:1 -> mean 4/3, sample sd 1/sqrt(3); B = 2 alone -> 0.5
        QueryResponse r = query(QueryPoints.newBuilder()
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(dense(1, 0))).setLimit(3))
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(dense(0, 1))).setLimit(1))
                .setQuery(Query.newBuilder().setFusion(Fusion.DBSF)));
        double sd = 1 / Math.sqrt(3);
        double min = 4.0 / 3 - 3 * sd;
        double range = 6 * sd;
        assertThat(Ids.scored(r.getResultList())).containsExactly("5", "2", "1", "3");
        assertThat(r.getResult(0).getScore()).isCloseTo((float) ((2 - min) / range), within(1e-5f));
        assertThat(r.getResult(1).getScore()).isEqualTo(0.5f);
        assertThat(r.getResult(2).getScore()).isCloseTo((float) ((1 - min) / range), within(1e-5f));
    }

    @Test
    void rootVectorQueryRescoresOnlyThePrefetchedPoints() {
        QueryResponse r = query(QueryPoints.newBuilder()
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(dense(0, 1))).setLimit(2))
                .setQuery(nearest(dense(1, 0))));
        assertThat(Ids.scored(r.getResultList())).containsExactly("3", "2");
        assertThat(scores(r)).containsExactly(1f, 0f);
    }

    @Test
    void nestedPrefetchesRescoreLevelByLevel() {
        PrefetchQuery inner = PrefetchQuery.newBuilder().setQuery(nearest(dense(1, 0))).setLimit(3).build();
        PrefetchQuery middle = PrefetchQuery.newBuilder().addPrefetch(inner)
                .setQuery(nearest(dense(0, 1))).setLimit(2).build();
        // inner: 5,1,3; middle rescoring by (0,1): 3 (1), then 1 and 5 tie at 0 -> 1
        QueryResponse r = query(QueryPoints.newBuilder().addPrefetch(middle).setQuery(nearest(dense(-1, 0))));
        assertThat(Ids.scored(r.getResultList())).containsExactly("1", "3");
        assertThat(scores(r)).containsExactly(-1f, -1f);
    }

    @Test
    void recommendAverageVectorSearchesNearTwicePositiveMinusNegative() {
        // avg(pos) = (1,0), avg(neg) = (-1,0): query (3,0); examples 1 and 4 are excluded
        QueryResponse r = query(QueryPoints.newBuilder().setQuery(Query.newBuilder().setRecommend(
                RecommendInput.newBuilder().addPositive(id(1)).addNegative(id(4)))));
        assertThat(Ids.scored(r.getResultList())).containsExactly("5", "3", "2");
        assertThat(scores(r)).containsExactly(6f, 3f, 0f);
    }

    @Test
    void recommendBestScoreUsesTheScaledFastSigmoid() {
        // pos (0,1), neg (-1,0): point 3 -> best positive 1 -> 0.5 * (1/2 + 1) = 0.75; 1 and 5 -> sigmoid(0)
        QueryResponse r = query(QueryPoints.newBuilder().setQuery(Query.newBuilder().setRecommend(
                RecommendInput.newBuilder().addPositive(id(2)).addNegative(id(4))
                        .setStrategy(RecommendStrategy.BestScore))));
        assertThat(Ids.scored(r.getResultList())).containsExactly("3", "1", "5");
        assertThat(scores(r)).containsExactly(0.75f, 0.5f, 0.5f);
    }

    @Test
    void recommendSumScoresSubtractsNegativeSimilarities() {
        QueryResponse r = query(QueryPoints.newBuilder().setQuery(Query.newBuilder().setRecommend(
                RecommendInput.newBuilder().addPositive(id(1)).addNegative(id(2))
                        .setStrategy(RecommendStrategy.SumScores))));
        assertThat(Ids.scored(r.getResultList())).containsExactly("5", "3", "4");
        assertThat(scores(r)).containsExactly(2f, 0f, -1f);
    }

    @Test
    void discoverAddsTheContextRankToTheTargetSigmoid() {
        // every remaining point is closer to 2 than to 4 (+1); target sigmoid: 5 -> 0.8333, 1 and 3 -> 0.75
        QueryResponse r = query(QueryPoints.newBuilder().setQuery(Query.newBuilder().setDiscover(
                DiscoverInput.newBuilder().setTarget(dense(1, 0)).setContext(ContextInput.newBuilder()
                        .addPairs(ContextInputPair.newBuilder().setPositive(id(2)).setNegative(id(4)))))));
        assertThat(Ids.scored(r.getResultList())).containsExactly("5", "1", "3");
        assertThat(r.getResult(0).getScore()).isCloseTo(1 + 0.5f * (2f / 3 + 1), within(1e-6f));
        assertThat(r.getResult(1).getScore()).isEqualTo(1.75f);
    }

    @Test
    void contextScoresZeroOnThePositiveSideAndBelowZeroOtherwise() {
        QueryResponse r = query(QueryPoints.newBuilder().setQuery(Query.newBuilder().setContext(
                ContextInput.newBuilder().addPairs(ContextInputPair.newBuilder().setPositive(id(5))
                        .setNegative(id(4))))));
        assertThat(Ids.scored(r.getResultList())).containsExactly("1", "3", "2");
        assertThat(r.getResult(0).getScore()).isZero();
        assertThat(r.getResult(2).getScore()).isNegative();
    }

    @Test
    void randomSampleReturnsDistinctPointsScoredOne() {
        QueryResponse r = query(QueryPoints.newBuilder().setQuery(Query.newBuilder().setSample(Sample.Random))
                .setLimit(3));
        assertThat(new HashSet<>(Ids.scored(r.getResultList()))).hasSize(3).isSubsetOf("1", "2", "3", "4", "5");
        assertThat(scores(r)).containsOnly(1f);
    }

    @Test
    void invalidCombinationsUseQdrantMessages() {
        assertStatus(() -> query(QueryPoints.newBuilder().setScoreThreshold(1)), Status.Code.INVALID_ARGUMENT,
                "Bad request: A query is needed to use the score_threshold. Can't have score_threshold without"
                        + " defining a query.");
        assertStatus(() -> query(QueryPoints.newBuilder().addPrefetch(PrefetchQuery.newBuilder())),
                Status.Code.INVALID_ARGUMENT, "Bad request: A query is needed to merge the prefetches. Can't have"
                        + " prefetches without defining a query.");
        assertStatus(() -> query(QueryPoints.newBuilder().setQuery(Query.newBuilder().setFusion(Fusion.RRF))),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Validation failed: cannot apply Fusion without prefetches");
        assertStatus(() -> query(QueryPoints.newBuilder().setUsing("x")
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(dense(1, 0))))
                .setQuery(Query.newBuilder().setFusion(Fusion.RRF))), Status.Code.INVALID_ARGUMENT,
                "Bad request: Fusion queries cannot be combined with the 'using' field.");
        assertStatus(() -> query(QueryPoints.newBuilder().setQuery(nearest(id(42)))), Status.Code.NOT_FOUND,
                "Not found: No point with id 42 found");
        assertStatus(() -> query(QueryPoints.newBuilder().setLimit(0)), Status.Code.INVALID_ARGUMENT,
                "Validation error in body: [limit: value 0 invalid, must be 1 or larger]");
        assertStatus(() -> query(QueryPoints.newBuilder().setQuery(nearest(dense(1, 0, 0)))),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Vector dimension error: expected dim: 2, got 3");
        assertStatus(() -> query(QueryPoints.newBuilder().setQuery(Query.newBuilder().setRecommend(
                RecommendInput.newBuilder().addNegative(id(1))))), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Validation failed: Positive vectors should not be empty with `average` strategy");
    }

    @Test
    void incompleteQueryMessagesAreRejectedLikeQdrantsGrpcConversion() {
        assertStatus(() -> query(QueryPoints.newBuilder().setQuery(Query.getDefaultInstance())),
                Status.Code.INVALID_ARGUMENT, "Query variant is missing");
        assertStatus(() -> query(QueryPoints.newBuilder().setQuery(Query.newBuilder()
                .setDiscover(DiscoverInput.newBuilder().setTarget(dense(1, 0))))),
                Status.Code.INVALID_ARGUMENT, "DiscoverInput context is missing");
        assertStatus(() -> query(QueryPoints.newBuilder().setQuery(Query.newBuilder().setContext(ContextInput
                .newBuilder().addPairs(ContextInputPair.newBuilder().setPositive(id(1)))))),
                Status.Code.INVALID_ARGUMENT, "ContextPair negative is missing");
    }

    @Test
    void unknownVectorNamesUseTheCollectionConfigMessages() {
        assertStatus(() -> query(QueryPoints.newBuilder().setUsing("text").setQuery(nearest(dense(1, 0)))),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Vector with name text is not configured in this collection");
        TestCollection named = new TestCollection().vector("b", 1, Distance.Dot).vector("a", 1, Distance.Dot)
                .point(PointKey.ofNumber(1), Map.of("a", v(1), "b", v(1)));
        QueryPoints.Builder q = QueryPoints.newBuilder().setCollectionName("test").setQuery(nearest(dense(1)));
        assertStatus(() -> engine.query(named, q.build()), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Collection requires specified vector name in the request, available names: a, b");
        assertStatus(() -> engine.query(named, q.setUsing("c").build()), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Vector with name `c` is not configured in this collection, available names: a, b");
        assertThat(Ids.scored(engine.query(named, q.setUsing("a").build()).getResultList())).containsExactly("1");
    }

    @Test
    void unsupportedInputsAnswerUnimplemented() {
        assertStatus(() -> query(QueryPoints.newBuilder().setQuery(Query.newBuilder().setNearest(
                VectorInput.newBuilder().setDocument(io.qdrant.client.grpc.Points.Document.newBuilder()
                        .setText("a text").setModel("m"))))),
                Status.Code.UNIMPLEMENTED, "Embedded Qdrant does not implement inference inputs (document, image,"
                        + " object) (only dense vectors are supported) (see docs/embedded-qdrant.md)");
    }

    @Test
    void queryBatchAnswersEachQueryInOrder() {
        var r = engine.queryBatch(dots, QueryBatchPoints.newBuilder().setCollectionName("test")
                .addQueryPoints(QueryPoints.newBuilder().setQuery(nearest(dense(0, 1))).setLimit(1))
                .addQueryPoints(QueryPoints.newBuilder().setQuery(nearest(dense(-1, 0))).setLimit(1)).build());
        assertThat(Ids.scored(r.getResult(0).getResultList())).containsExactly("2");
        assertThat(Ids.scored(r.getResult(1).getResultList())).containsExactly("4");
    }
}
