package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorFactory.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.BatchResult;
import io.qdrant.client.grpc.Points.ContextExamplePair;
import io.qdrant.client.grpc.Points.DiscoverPoints;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.RecommendPointGroups;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.TargetVector;
import io.qdrant.client.grpc.Points.VectorExample;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recommend (+Batch, +Groups) and Discover (+Batch) on a Dot collection, so every score is exact arithmetic.
 * Example points are excluded from the results (lib/collection/src/recommendations.rs, discovery.rs).
 */
class RecommendDiscoverConformanceTest extends ConformanceTestBase {

    /** 1:[1,0] 2:[0,1] 3:[2,1] 4:[1,2] 5:[-1,0]. */
    private String fivePoints() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("g", "x")), point(2, new float[] {0, 1}, payload("g", "y")),
                point(3, new float[] {2, 1}, payload("g", "x")), point(4, new float[] {1, 2}, payload("g", "y")),
                point(5, new float[] {-1, 0}, payload("g", "x")));
        return c;
    }

    private static RecommendPoints.Builder reco(String collection) {
        return RecommendPoints.newBuilder().setCollectionName(collection).setLimit(10);
    }

    private void assertRecommends(RecommendPoints.Builder request, List<Long> ids, List<Float> scores) {
        List<ScoredPoint> result = await(client.recommendAsync(request.build()));

        assertThat(idsOf(result)).containsExactlyElementsOf(ids);
        assertThat(scoresOf(result)).containsExactlyElementsOf(scores);
    }

    @Test
    void singlePositiveSearchesByThatVectorAndExcludesIt() {
        String c = fivePoints();

        assertRecommends(reco(c).addPositive(id(1)),
                List.of(3L, 4L, 2L, 5L), List.of(2f, 1f, 0f, -1f));
    }

    @Test
    void averageVectorStrategyAveragesPositives() {
        String c = fivePoints();

        // avg([1,0],[2,1]) = [1.5, 0.5]
        assertRecommends(reco(c).addPositive(id(1)).addPositive(id(3)),
                List.of(4L, 2L, 5L), List.of(2.5f, 0.5f, -1.5f));
    }

    @Test
    void averageVectorStrategyMovesAwayFromNegatives() {
        String c = fivePoints();

        // lib/collection/src/recommendations.rs avg_vector_for_recommendation:
        // avg(pos) + (avg(pos) - avg(neg)) = [1,0] + ([1,0] - [0,1]) = [2,-1]
        assertRecommends(reco(c).addPositive(id(1)).addNegative(id(2)),
                List.of(3L, 4L, 5L), List.of(3f, 0f, -2f));
    }

    @Test
    void rawVectorsCanBeExamples() {
        String c = fivePoints();

        // [1,2]: 4 -> 5, 3 -> 4, 2 -> 2; vectors are not points, so nothing is excluded
        assertRecommends(reco(c).addPositiveVectors(vector(1, 2)).setLimit(2),
                List.of(4L, 3L), List.of(5f, 4f));
    }

    @Test
    void sumScoresStrategySubtractsNegativeSimilarities() {
        String c = fivePoints();

        // lib/segment/src/vector_storage/query/reco_query.rs RecoSumScoresQuery: sum(pos sims) - sum(neg sims)
        // positive 3 = [2,1], negative 5 = [-1,0]: 1 -> 2-(-1)=3, 2 -> 1-0=1, 4 -> 4-(-1)=5
        assertRecommends(reco(c).addPositive(id(3)).addNegative(id(5)).setStrategy(RecommendStrategy.SumScores),
                List.of(4L, 1L, 2L), List.of(5f, 3f, 1f));
    }

    @Test
    void recommendBatchAnswersEachRequestInOrder() {
        String c = fivePoints();

        List<BatchResult> results = await(client.recommendBatchAsync(c, List.of(
                RecommendPoints.newBuilder().setCollectionName(c).addPositive(id(1)).setLimit(1).build(),
                RecommendPoints.newBuilder().setCollectionName(c).addPositive(id(2)).setLimit(1).build()), null));

        assertThat(results).hasSize(2);
        assertThat(idsOf(results.get(0).getResultList())).containsExactly(3L);
        assertThat(idsOf(results.get(1).getResultList())).containsExactly(4L);
    }

    @Test
    void recommendGroupsGroupsTheRecommendation() {
        String c = fivePoints();

        List<PointGroup> groups = await(client.recommendGroupsAsync(RecommendPointGroups.newBuilder()
                .setCollectionName(c).addPositive(id(1)).setGroupBy("g").setLimit(2).setGroupSize(2).build()));

        // candidates by score: 3 (x, 2), 4 (y, 1), 2 (y, 0), 5 (x, -1)
        assertThat(describeGroups(groups)).containsExactly("x=[3, 5]", "y=[4, 2]");
    }

    /** 1:[1,0] 2:[0,1] 3:[2,1] 4:[1,2] 5:[-1,0] 6:[1,1] 7:[-2,0]. */
    private String sevenPoints() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, 1, 0), point(2, 0, 1), point(3, 2, 1), point(4, 1, 2), point(5, -1, 0), point(6, 1, 1),
                point(7, -2, 0));
        return c;
    }

    private static DiscoverPoints.Builder discover(String c) {
        return DiscoverPoints.newBuilder().setCollectionName(c).setLimit(10)
                .setTarget(TargetVector.newBuilder().setSingle(VectorExample.newBuilder().setVector(vector(2, 1))))
                .addContext(ContextExamplePair.newBuilder()
                        .setPositive(VectorExample.newBuilder().setId(id(4)))
                        .setNegative(VectorExample.newBuilder().setId(id(5))));
    }

    @Test
    void discoverScoresRankPlusSquashedTargetSimilarity() {
        String c = sevenPoints();

        List<ScoredPoint> result = await(client.discoverAsync(discover(c).build()));

        // lib/segment/src/vector_storage/query/discovery_query.rs: score = rank + 0.5 * (s / (1 + |s|) + 1),
        // rank = sum over pairs of +1 if closer to positive else -1; s = similarity to the target [2,1].
        // 3: 1 + 0.5*(5/6+1); 6: 1 + 0.5*(3/4+1); 1: 1 + 0.5*(2/3+1); 2: 1 + 0.5*(1/2+1); 7: -1 + 0.5*(-4/5+1)
        assertThat(idsOf(result)).containsExactly(3L, 6L, 1L, 2L, 7L);
        assertThat(result).extracting(ScoredPoint::getScore).satisfiesExactly(
                s -> assertThat(s).isCloseTo(1 + 0.5f * (5f / 6 + 1), within(1e-5f)),
                s -> assertThat(s).isCloseTo(1 + 0.5f * (3f / 4 + 1), within(1e-5f)),
                s -> assertThat(s).isCloseTo(1 + 0.5f * (2f / 3 + 1), within(1e-5f)),
                s -> assertThat(s).isCloseTo(1 + 0.5f * (1f / 2 + 1), within(1e-5f)),
                s -> assertThat(s).isCloseTo(-1 + 0.5f * (-4f / 5 + 1), within(1e-5f)));
    }

    @Test
    void discoverBatchAnswersEachRequestInOrder() {
        String c = sevenPoints();

        List<BatchResult> results = await(client.discoverBatchAsync(c, List.of(
                discover(c).setLimit(1).build(),
                discover(c).setLimit(2).setOffset(3).build()), null));

        assertThat(results).hasSize(2);
        assertThat(idsOf(results.get(0).getResultList())).containsExactly(3L);
        assertThat(idsOf(results.get(1).getResultList())).containsExactly(2L, 7L);
    }

    @Test
    void missingExamplePointIsNotFound() {
        String c = fivePoints();
        // lib/collection/src/recommendations.rs: an example id that is not stored ->
        // CollectionError::PointNotFound "No point with id {id} found", as StorageError::NotFound
        assertGrpcError(() -> await(client.recommendAsync(reco(c).addPositive(id(42)).build())),
                io.grpc.Status.Code.NOT_FOUND, "Not found: No point with id 42 found");
    }

    @Test
    void bestScoreStrategyRanksByClosestExample() {
        String c = fivePoints();

        // reco_query.rs RecoBestScoreQuery: best positive similarity if it beats the best negative one,
        // else minus the (sigmoid-scaled) best negative similarity. positive 1=[1,0], negative 2=[0,1]:
        // 3=[2,1] -> pos 2 > neg 1 -> +s(2); 5=[-1,0] -> pos -1 < neg 0 -> -s(0); 4=[1,2] -> pos 1 < neg 2 -> -s(2)
        List<ScoredPoint> result = await(client.recommendAsync(reco(c).addPositive(id(1)).addNegative(id(2))
                .setStrategy(RecommendStrategy.BestScore).build()));

        assertThat(idsOf(result)).containsExactly(3L, 5L, 4L);
        assertThat(result.get(0).getScore()).isPositive();
        assertThat(result.get(1).getScore()).isNegative();
        assertThat(result.get(2).getScore()).isLessThan(result.get(1).getScore());
    }

    @Test
    void thresholdOnCustomScoresFollowsTheDistanceOrderForEuclid() {
        String c = newCollection(2, Distance.Euclid);
        upsert(c, point(1, 0, 0), point(2, 1, 0), point(3, 3, 0), point(4, 10, 0));
        RecommendPoints.Builder bestScore = reco(c).addPositive(id(1)).setStrategy(RecommendStrategy.BestScore);

        // lib/collection/src/shards/local_shard/search.rs do_search_impl: custom (recommend/discover) scores
        // are not post-processed, but the threshold is still `distance.check_threshold` of the vector's
        // distance, applied with take_while to the best-first hits; Euclid is SmallBetter, so `score < t`.
        // Positive-only best scores are scaled_fast_sigmoid(similarity) in (0, 1) (reco_query.rs), the best
        // being 2's: similarity -1 -> 0.5 * (-1/2 + 1) = 0.25. So t=1 keeps every hit...
        assertThat(idsOf(await(client.recommendAsync(bestScore.clone().setScoreThreshold(1).build()))))
                .containsExactly(2L, 3L, 4L);
        // ...and t=0.1 keeps none, because the best hit (0.25) already fails `score < 0.1`.
        assertThat(await(client.recommendAsync(bestScore.clone().setScoreThreshold(0.1f).build()))).isEmpty();
    }
}
