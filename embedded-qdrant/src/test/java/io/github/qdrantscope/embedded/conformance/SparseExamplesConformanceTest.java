package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorFactory.vector;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Points.ContextExamplePair;
import io.qdrant.client.grpc.Points.ContextInput;
import io.qdrant.client.grpc.Points.ContextInputPair;
import io.qdrant.client.grpc.Points.DiscoverInput;
import io.qdrant.client.grpc.Points.DiscoverPoints;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.TargetVector;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorExample;
import io.qdrant.client.grpc.Points.VectorInput;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recommend (all three strategies), discover and context queries and a nearest search by point id on a sparse
 * vector, examples given as ids and as sparse vectors, in the Query API and the classic Recommend/Discover RPCs.
 * The similarity is the dot product over shared indices; the example queries score every point that has the
 * vector (0 to an example sharing no index), the nearest searches (by id, average_vector) only points sharing an
 * index. Expected scores are Qdrant's formulas ({@code reco_query.rs}, {@code discovery_query.rs},
 * {@code context_query.rs}) worked out by hand in f32.
 */
class SparseExamplesConformanceTest extends ConformanceTestBase {

    private String collection;

    @BeforeAll
    void fill() {
        collection = SparseFixture.create(client, "sparsex");
    }

    private static VectorInput sparse(List<Integer> indices, List<Float> values) {
        return VectorInput.newBuilder().setSparse(SparseVector.newBuilder().addAllIndices(indices)
                .addAllValues(values)).build();
    }

    private static VectorInput byId(long id) {
        return VectorInput.newBuilder().setId(id(id)).build();
    }

    private List<ScoredPoint> query(Query query) {
        return await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(collection).setUsing("text")
                .setQuery(query).build()));
    }

    private static float sigmoid(float x) {
        return x / (1f + Math.abs(x));
    }

    private static float scaledSigmoid(float x) {
        return 0.5f * (sigmoid(x) + 1f);
    }

    @Test
    void nearestByIdSearchesWithTheStoredVectorAndExcludesIt() {
        // point 5 {1: .5, 2: .5, 3: .5}; point 3 shares no index and is no result of a nearest search
        List<ScoredPoint> result = query(Query.newBuilder().setNearest(byId(5)).build());

        assertThat(idsOf(result)).containsExactly(1L, 2L, 6L);
        assertThat(scoresOf(result)).containsExactly(1.5f, 1.0f, 0.5f);
    }

    @Test
    void bestScoreScoresEveryPointWithTheVector() {
        // positive {3: 1, 2: 2}, negative {5: 1}: point 3 is only similar to the negative
        List<ScoredPoint> result = query(Query.newBuilder().setRecommend(RecommendInput.newBuilder()
                .addPositive(sparse(List.of(3, 2), List.of(1f, 2f))).addNegative(sparse(List.of(5), List.of(1f)))
                .setStrategy(RecommendStrategy.BestScore)).build());

        assertThat(idsOf(result)).containsExactly(2L, 1L, 5L, 6L, 3L);
        assertThat(scoresOf(result)).containsExactly(scaledSigmoid(3f), scaledSigmoid(2f), scaledSigmoid(1.5f),
                scaledSigmoid(1f), -scaledSigmoid(4f));
    }

    @Test
    void sumScoresTakesIdsAndVectors() {
        // positive point 2 {2: 1, 3: 1} (excluded), negative {1: .5}
        List<ScoredPoint> result = query(Query.newBuilder().setRecommend(RecommendInput.newBuilder()
                .addPositive(byId(2)).addNegative(sparse(List.of(1), List.of(0.5f)))
                .setStrategy(RecommendStrategy.SumScores)).build());

        assertThat(idsOf(result)).containsExactly(1L, 6L, 5L, 3L);
        assertThat(scoresOf(result)).containsExactly(1.5f, 1.0f, 0.75f, 0.0f);
    }

    @Test
    void averageVectorAveragesOverTheUnionOfIndices() {
        // avg(1, 6) = {1: .5, 3: 1.5}; minus {2: 1}: {1: 1, 2: -1, 3: 3}; a nearest search, so point 3 is out
        List<ScoredPoint> result = query(Query.newBuilder().setRecommend(RecommendInput.newBuilder()
                .addPositive(byId(1)).addPositive(byId(6)).addNegative(sparse(List.of(2), List.of(1f)))).build());

        assertThat(idsOf(result)).containsExactly(2L, 5L);
        assertThat(scoresOf(result)).containsExactly(2.0f, 1.5f);
    }

    @Test
    void discoverRanksByPairsThenTarget() {
        // target {3: 1, 2: .5}; pair (point 3 {5: 4}, {1: 1}): no remaining point is on the positive side
        List<ScoredPoint> result = query(Query.newBuilder().setDiscover(DiscoverInput.newBuilder()
                .setTarget(sparse(List.of(3, 2), List.of(1f, 0.5f)))
                .setContext(ContextInput.newBuilder().addPairs(ContextInputPair.newBuilder()
                        .setPositive(byId(3)).setNegative(sparse(List.of(1), List.of(1f)))))).build());

        assertThat(idsOf(result)).containsExactly(1L, 2L, 6L, 5L);
        assertThat(scoresOf(result)).containsExactly(-1 + scaledSigmoid(2f), -1 + scaledSigmoid(1.5f),
                -1 + scaledSigmoid(1f), -1 + scaledSigmoid(0.75f));
    }

    @Test
    void contextScoresZeroOnThePositiveSide() {
        // pair ({5: 1}, {3: 1, 2: 2})
        List<ScoredPoint> result = query(Query.newBuilder().setContext(ContextInput.newBuilder()
                .addPairs(ContextInputPair.newBuilder().setPositive(sparse(List.of(5), List.of(1f)))
                        .setNegative(sparse(List.of(3, 2), List.of(1f, 2f))))).build());

        float eps = Math.ulp(1f);
        assertThat(idsOf(result)).containsExactly(3L, 6L, 5L, 1L, 2L);
        assertThat(scoresOf(result)).containsExactly(0f, sigmoid(-1f - eps), sigmoid(-1.5f - eps),
                sigmoid(-2f - eps), sigmoid(-3f - eps));
    }

    @Test
    void classicRecommendOnASparseVector() {
        // best_score with point 5 {1: .5, 2: .5, 3: .5}: point 3 shares nothing (similarity 0 > no negative)
        List<ScoredPoint> result = await(client.recommendAsync(RecommendPoints.newBuilder()
                .setCollectionName(collection).setUsing("text").addPositive(id(5))
                .setStrategy(RecommendStrategy.BestScore).setLimit(10).build()));

        assertThat(idsOf(result)).containsExactly(1L, 2L, 6L, 3L);
        assertThat(scoresOf(result)).containsExactly(scaledSigmoid(1.5f), scaledSigmoid(1f), scaledSigmoid(0.5f),
                0.5f);
    }

    @Test
    void classicDiscoverOnASparseVector() {
        List<ScoredPoint> result = await(client.discoverAsync(DiscoverPoints.newBuilder()
                .setCollectionName(collection).setUsing("text")
                .setTarget(TargetVector.newBuilder().setSingle(VectorExample.newBuilder()
                        .setVector(Vector.newBuilder().setSparse(SparseVector.newBuilder().addIndices(3)
                                .addIndices(2).addValues(1f).addValues(0.5f)))))
                .addContext(ContextExamplePair.newBuilder()
                        .setPositive(VectorExample.newBuilder().setId(id(3)))
                        .setNegative(VectorExample.newBuilder().setVector(Vector.newBuilder().setSparse(
                                SparseVector.newBuilder().addIndices(1).addValues(1f)))))
                .setLimit(2).build()));

        assertThat(idsOf(result)).containsExactly(1L, 2L);
        assertThat(scoresOf(result)).containsExactly(-1 + scaledSigmoid(2f), -1 + scaledSigmoid(1.5f));
    }

    @Test
    void aDenseExampleForASparseVectorIsRejected() {
        assertGrpcError(() -> query(Query.newBuilder().setRecommend(RecommendInput.newBuilder()
                        .addPositive(VectorInput.newBuilder().setDense(io.qdrant.client.grpc.Points.DenseVector
                                .newBuilder().addData(1f).addData(2f))).setStrategy(RecommendStrategy.BestScore))
                        .build()),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Conversion between sparse and regular vectors failed");
    }

    @Test
    void aMissingExamplePointIsNotFound() {
        assertGrpcError(() -> query(Query.newBuilder().setNearest(byId(99)).build()),
                Status.Code.NOT_FOUND, "Not found: No point with id 99 found");
    }
}
