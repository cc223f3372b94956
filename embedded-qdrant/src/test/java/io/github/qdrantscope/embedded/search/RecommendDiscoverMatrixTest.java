package io.github.qdrantscope.embedded.search;

import static io.github.qdrantscope.embedded.search.StatusAssert.assertStatus;
import static io.github.qdrantscope.embedded.search.TestCollection.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.ContextExamplePair;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.DiscoverBatchPoints;
import io.qdrant.client.grpc.Points.DiscoverPoints;
import io.qdrant.client.grpc.Points.RecommendBatchPoints;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.RecommendResponse;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchMatrixPoints;
import io.qdrant.client.grpc.Points.TargetVector;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorExample;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Classic Recommend/Discover and the distance matrices on the QueryTest points (Dot, 2-d). */
class RecommendDiscoverMatrixTest {

    private final PointsQueryEngine engine = new PointsQueryEngine();
    private final TestCollection dots = TestCollection.unnamed(2, Distance.Dot)
            .point(1, v(1, 0)).point(2, v(0, 1)).point(3, v(1, 1)).point(4, v(-1, 0)).point(5, v(2, 0));

    private static RecommendPoints.Builder recommend(long limit) {
        return RecommendPoints.newBuilder().setCollectionName("test").setLimit(limit);
    }

    private static Vector vector(float... values) {
        DenseVector.Builder d = DenseVector.newBuilder();
        for (float x : values) {
            d.addData(x);
        }
        return Vector.newBuilder().setDense(d).build();
    }

    private static VectorExample example(long id) {
        return VectorExample.newBuilder().setId(Ids.num(id)).build();
    }

    private static List<Float> scores(List<ScoredPoint> points) {
        return points.stream().map(ScoredPoint::getScore).toList();
    }

    @Test
    void averageVectorExcludesExamplesAndHonoursOffsetAndThreshold() {
        RecommendResponse r = engine.recommend(dots, recommend(10).addPositive(Ids.num(1)).addNegative(Ids.num(4))
                .build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("5", "3", "2");
        assertThat(scores(r.getResultList())).containsExactly(6f, 3f, 0f);
        RecommendResponse paged = engine.recommend(dots, recommend(1).setOffset(1).addPositive(Ids.num(1))
                .addNegative(Ids.num(4)).build());
        assertThat(Ids.scored(paged.getResultList())).containsExactly("3");
        RecommendResponse above = engine.recommend(dots, recommend(10).setScoreThreshold(3f)
                .addPositive(Ids.num(1)).addNegative(Ids.num(4)).build());
        assertThat(Ids.scored(above.getResultList())).containsExactly("5");
    }

    @Test
    void positiveVectorsAreAveragedRawWithIdExamples() {
        // avg((1,0) stored for id 1, (0,3) given) = (0.5, 1.5)
        RecommendResponse r = engine.recommend(dots, recommend(2).addPositive(Ids.num(1))
                .addPositiveVectors(vector(0, 3)).build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("3", "2");
        assertThat(scores(r.getResultList())).containsExactly(2f, 1.5f);
    }

    @Test
    void bestScoreWithOnlyNegativesRanksTheLeastSimilarFirst() {
        // -scaled_fast_sigmoid(sim to (1,0)): 4 -> -0.25, 2 -> -0.5, 3 -> -0.75, 5 -> -0.8333
        RecommendResponse r = engine.recommend(dots, recommend(10).addNegative(Ids.num(1))
                .setStrategy(RecommendStrategy.BestScore).build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("4", "2", "3", "5");
        assertThat(r.getResult(0).getScore()).isEqualTo(-0.25f);
    }

    @Test
    void recommendErrorsUseQdrantMessages() {
        assertStatus(() -> engine.recommend(dots, recommend(1).addNegative(Ids.num(1)).build()),
                Status.Code.INVALID_ARGUMENT, "Bad request: At least one positive vector ID required with this strategy");
        assertStatus(() -> engine.recommend(dots, recommend(1).setStrategy(RecommendStrategy.SumScores).build()),
                Status.Code.INVALID_ARGUMENT,
                "Bad request: At least one positive or negative vector ID required with this strategy");
        assertStatus(() -> engine.recommend(dots, recommend(1).addPositive(Ids.num(9)).build()),
                Status.Code.NOT_FOUND, "Not found: No point with id 9 found");
        assertStatus(() -> engine.recommend(dots, recommend(1).addPositive(Ids.num(1)).setUsing("x").build()),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Not existing vector name error: x");
        assertStatus(() -> engine.recommend(dots, recommend(0).addPositive(Ids.num(1)).build()),
                Status.Code.INVALID_ARGUMENT, "Validation error in body: [limit: value 0 invalid, must be 1 or larger]");
    }

    @Test
    void recommendBatchAnswersInOrder() {
        var r = engine.recommendBatch(dots, RecommendBatchPoints.newBuilder().setCollectionName("test")
                .addRecommendPoints(recommend(1).addPositive(Ids.num(2)))
                .addRecommendPoints(recommend(1).addPositive(Ids.num(4))).build());
        assertThat(Ids.scored(r.getResult(0).getResultList())).containsExactly("3");
        assertThat(Ids.scored(r.getResult(1).getResultList())).containsExactly("2");
    }

    @Test
    void discoverWithTargetAndContextAndContextAlone() {
        DiscoverPoints.Builder d = DiscoverPoints.newBuilder().setCollectionName("test").setLimit(10)
                .setTarget(TargetVector.newBuilder().setSingle(VectorExample.newBuilder().setVector(vector(1, 0))))
                .addContext(ContextExamplePair.newBuilder().setPositive(example(2)).setNegative(example(4)));
        var r = engine.discover(dots, d.build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("5", "1", "3");
        var contextOnly = engine.discover(dots, d.clearTarget().clearContext()
                .addContext(ContextExamplePair.newBuilder().setPositive(example(5)).setNegative(example(4))).build());
        assertThat(Ids.scored(contextOnly.getResultList())).containsExactly("1", "3", "2");
        assertStatus(() -> engine.discover(dots, d.clearContext().build()), Status.Code.INVALID_ARGUMENT,
                "Bad request: target and/or context_pairs must be specified");
        var batch = engine.discoverBatch(dots, DiscoverBatchPoints.newBuilder().setCollectionName("test")
                .addDiscoverPoints(d.clone().setLimit(1).addContext(ContextExamplePair.newBuilder()
                        .setPositive(example(5)).setNegative(example(4)))).build());
        assertThat(Ids.scored(batch.getResult(0).getResultList())).containsExactly("1");
    }

    @Test
    void matrixPairsAndOffsetsListEachSampleNearestOtherSamples() {
        SearchMatrixPoints request = SearchMatrixPoints.newBuilder().setCollectionName("test").setLimit(2).build();
        var pairs = engine.searchMatrixPairs(dots, request).getResult().getPairsList();
        List<String> rendered = pairs.stream()
                .map(p -> Ids.of(p.getA()) + "->" + Ids.of(p.getB()) + ":" + p.getScore()).toList();
        assertThat(rendered).containsExactly("1->5:2.0", "1->3:1.0", "2->3:1.0", "2->1:0.0", "3->5:2.0", "3->1:1.0",
                "4->2:0.0", "4->1:-1.0", "5->1:2.0", "5->3:2.0");
        var offsets = engine.searchMatrixOffsets(dots, request).getResult();
        assertThat(offsets.getIdsList().stream().map(Ids::of)).containsExactly("1", "2", "3", "4", "5");
        assertThat(offsets.getOffsetsRowList()).containsExactly(0L, 0L, 1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L);
        assertThat(offsets.getOffsetsColList()).containsExactly(4L, 2L, 2L, 0L, 4L, 0L, 1L, 0L, 0L, 2L);
        assertThat(offsets.getScoresList()).containsExactly(2f, 1f, 1f, 0f, 2f, 1f, 0f, -1f, 2f, 2f);
    }

    @Test
    void matrixSampleAndLimitAreValidated() {
        assertStatus(() -> engine.searchMatrixPairs(dots, SearchMatrixPoints.newBuilder().setCollectionName("test")
                .setSample(1).build()), Status.Code.INVALID_ARGUMENT,
                "Validation error in body: [sample: value 1 invalid, must be 2 or larger]");
        assertStatus(() -> engine.searchMatrixOffsets(dots, SearchMatrixPoints.newBuilder().setCollectionName("test")
                .setLimit(0).build()), Status.Code.INVALID_ARGUMENT,
                "Validation error in body: [limit: value 0 invalid, must be 1 or larger]");
    }

    @Test
    void matrixOfFewerThanTwoPointsIsEmpty() {
        TestCollection one = TestCollection.unnamed(2, Distance.Dot).point(1, v(1, 0));
        var pairs = engine.searchMatrixPairs(one, SearchMatrixPoints.newBuilder().setCollectionName("test").build());
        assertThat(pairs.getResult().getPairsList()).isEmpty();
    }
}
