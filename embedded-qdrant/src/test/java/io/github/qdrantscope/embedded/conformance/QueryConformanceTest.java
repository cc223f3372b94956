package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.fusion;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.QueryFactory.orderBy;
import static io.qdrant.client.QueryFactory.recommend;
import static io.qdrant.client.QueryFactory.rrf;
import static io.qdrant.client.QueryFactory.sample;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorInputFactory.vectorInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.grpc.Status;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.BatchResult;
import io.qdrant.client.grpc.Points.Fusion;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPointGroups;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.Rrf;
import io.qdrant.client.grpc.Points.Sample;
import io.qdrant.client.grpc.Points.ScoredPoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The universal Query API: nearest (vector / id), no-query scroll, order_by, prefetch + RRF, sample, batch, groups. */
class QueryConformanceTest extends ConformanceTestBase {

    private List<ScoredPoint> query(QueryPoints.Builder request) {
        return await(client.queryAsync(request.build()));
    }

    private String dotCollection(int count) {
        String c = newCollection(2, Distance.Dot);
        List<PointStruct> points = new ArrayList<>();
        for (int i = count; i >= 1; i--) {
            points.add(point(i, new float[] {100 - i, 0}, payload("i", i, "g", i % 2 == 0 ? "even" : "odd")));
        }
        await(client.upsertAsync(c, points));
        return c;
    }

    @Test
    void nearestByVectorRanksByScore() {
        String c = dotCollection(5);

        List<ScoredPoint> result = query(QueryPoints.newBuilder().setCollectionName(c)
                .setQuery(nearest(1f, 0f)).setLimit(3));

        assertThat(idsOf(result)).containsExactly(1L, 2L, 3L);
        assertThat(scoresOf(result)).containsExactly(99f, 98f, 97f);
    }

    @Test
    void nearestByPointIdExcludesThatPoint() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, 1, 0), point(2, 2, 0), point(3, 0, 1), point(4, 3, 0));

        // lib/collection/src/collection/query.rs: ids used as query examples are excluded from the results
        List<ScoredPoint> result = query(QueryPoints.newBuilder().setCollectionName(c).setQuery(nearest(id(2))));

        assertThat(idsOf(result)).containsExactly(4L, 1L, 3L);
        assertThat(scoresOf(result)).containsExactly(6f, 2f, 0f);
    }

    @Test
    void queryDefaultsToTenResults() {
        String c = dotCollection(12);

        assertThat(query(QueryPoints.newBuilder().setCollectionName(c).setQuery(nearest(1f, 0f)))).hasSize(10);
    }

    @Test
    void noQueryScrollsByIdWithScoreOne() {
        String c = dotCollection(12);

        // lib/collection/src/shards/local_shard/query.rs: no query -> scroll by id, every score 1.0
        List<ScoredPoint> result = query(QueryPoints.newBuilder().setCollectionName(c)
                .setFilter(Filter.newBuilder().addMust(matchKeyword("g", "even"))));

        assertThat(idsOf(result)).containsExactly(2L, 4L, 6L, 8L, 10L, 12L);
        assertThat(scoresOf(result)).containsOnly(1.0f);
    }

    @Test
    void offsetSkipsResults() {
        String c = dotCollection(6);

        List<ScoredPoint> result = query(QueryPoints.newBuilder().setCollectionName(c)
                .setQuery(nearest(1f, 0f)).setLimit(2).setOffset(3));

        assertThat(idsOf(result)).containsExactly(4L, 5L);
    }

    @Test
    void payloadIsOffByDefaultAndOnWhenAsked() {
        String c = dotCollection(1);

        assertThat(query(QueryPoints.newBuilder().setCollectionName(c).setQuery(nearest(1f, 0f))).get(0)
                .getPayloadMap()).isEmpty();
        assertThat(query(QueryPoints.newBuilder().setCollectionName(c).setQuery(nearest(1f, 0f))
                .setWithPayload(WithPayloadSelectorFactory.enable(true))).get(0).getPayloadMap())
                .isEqualTo(payload("i", 1, "g", "odd"));
    }

    @Test
    void scoreThresholdIsStrict() {
        String c = dotCollection(5);

        List<ScoredPoint> result = query(QueryPoints.newBuilder().setCollectionName(c)
                .setQuery(nearest(1f, 0f)).setScoreThreshold(97f));

        assertThat(idsOf(result)).containsExactly(1L, 2L);
    }

    @Test
    void usingSelectsTheNamedVector() {
        String c = crossedNamedVectors();

        assertThat(idsOf(query(QueryPoints.newBuilder().setCollectionName(c).setQuery(nearest(1f, 0f))
                .setUsing("b").setLimit(1)))).containsExactly(2L);
        assertThat(idsOf(query(QueryPoints.newBuilder().setCollectionName(c).setQuery(nearest(1f, 0f))
                .setUsing("a").setLimit(1)))).containsExactly(1L);
    }

    @Test
    void unknownUsingIsRejectedNamingTheVector() {
        String c = newNamedCollection(Distance.Dot, Map.of("a", 2));
        // lib/collection/src/operations/verification + universal_query: CollectionError::BadInput
        // "Vector with name `{name}` is not configured in this collection, available names: ..."
        Status status = grpcError(() -> query(QueryPoints.newBuilder().setCollectionName(c)
                .setQuery(nearest(1f, 0f)).setUsing("nope")));

        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription())
                .startsWith("Wrong input: Vector with name `nope` is not configured in this collection");
    }

    @Test
    void orderByQueryNeedsARangeIndexAndOrdersByValue() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("rank", 3)), point(2, new float[] {1, 0}, payload("rank", 1)),
                point(3, new float[] {1, 0}, payload("rank", 2)));

        Status status = grpcError(() -> query(QueryPoints.newBuilder().setCollectionName(c).setQuery(orderBy("rank"))));
        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);

        createIndex(c, "rank", PayloadSchemaType.Integer);
        List<ScoredPoint> result = query(QueryPoints.newBuilder().setCollectionName(c).setQuery(orderBy("rank")));

        assertThat(idsOf(result)).containsExactly(2L, 3L, 1L);
        assertThat(result).extracting(p -> p.getOrderValue().getInt()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void prefetchWithRrfFusionScoresByReciprocalRank() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, 3, 0), point(2, 2, 2), point(3, 0, 3), point(4, 1, 1));
        // prefetch A ([1,0], limit 4): 1, 2, 4, 3 ; prefetch B ([0,1], limit 2): 3, 2
        List<PrefetchQuery> prefetches = List.of(
                PrefetchQuery.newBuilder().setQuery(nearest(1f, 0f)).setLimit(4).build(),
                PrefetchQuery.newBuilder().setQuery(nearest(0f, 1f)).setLimit(2).build());

        // lib/segment/src/common/reciprocal_rank_fusion.rs: score = sum 1 / (position + k), k = 2 (DEFAULT_RRF_K)
        // 3: 1/5 + 1/2 = 0.7 ; 2: 1/3 + 1/3 ; 1: 1/2 ; 4: 1/4
        for (Query fusionQuery : List.of(fusion(Fusion.RRF), rrf(Rrf.getDefaultInstance()))) {
            List<ScoredPoint> result = query(QueryPoints.newBuilder().setCollectionName(c)
                    .addAllPrefetch(prefetches).setQuery(fusionQuery));

            assertThat(idsOf(result)).as(fusionQuery.toString()).containsExactly(3L, 2L, 1L, 4L);
            assertThat(result).extracting(ScoredPoint::getScore).satisfiesExactly(
                    s -> assertThat(s).isCloseTo(0.7f, within(1e-6f)),
                    s -> assertThat(s).isCloseTo(2f / 3f, within(1e-6f)),
                    s -> assertThat(s).isCloseTo(0.5f, within(1e-6f)),
                    s -> assertThat(s).isCloseTo(0.25f, within(1e-6f)));
        }
    }

    @Test
    void prefetchLimitsCandidatesOfTheOuterQuery() {
        String c = dotCollection(6);

        // outer nearest re-scores only what the prefetch returned (the even points)
        List<ScoredPoint> result = query(QueryPoints.newBuilder().setCollectionName(c)
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(1f, 0f))
                        .setFilter(Filter.newBuilder().addMust(matchKeyword("g", "even"))).setLimit(2))
                .setQuery(nearest(-1f, 0f)));

        assertThat(idsOf(result)).containsExactly(4L, 2L);
        assertThat(scoresOf(result)).containsExactly(-96f, -98f);
    }

    /**
     * recurse_prefetches (lib/shard/src/query/planned_query.rs) merges the root filter into each prefetch with
     * Filter::merge_opts, and merge_owned (lib/segment/src/types.rs) concatenates should lists: the root's
     * should (even) and the prefetch's should (i = 1) become one OR (qdrant/qdrant#10594), not an AND (which
     * would match nothing: 1 is odd).
     */
    @Test
    void rootAndPrefetchShouldFiltersAreConcatenatedNotAnded() {
        String c = dotCollection(6);

        List<ScoredPoint> result = query(QueryPoints.newBuilder().setCollectionName(c)
                .setFilter(Filter.newBuilder().addShould(matchKeyword("g", "even")))
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(1f, 0f))
                        .setFilter(Filter.newBuilder().addShould(match("i", 1))).setLimit(10))
                .setQuery(nearest(1f, 0f)));

        assertThat(idsOf(result)).containsExactly(1L, 2L, 4L, 6L);
        assertThat(scoresOf(result)).containsExactly(99f, 98f, 96f, 94f);
    }

    @Test
    void randomSampleReturnsDistinctPointsOfTheCollection() {
        String c = dotCollection(10);

        List<ScoredPoint> three = query(QueryPoints.newBuilder().setCollectionName(c)
                .setQuery(sample(Sample.Random)).setLimit(3));
        List<ScoredPoint> all = query(QueryPoints.newBuilder().setCollectionName(c)
                .setQuery(sample(Sample.Random)).setLimit(50));

        Set<Object> threeIds = new HashSet<>(idsOf(three));
        assertThat(threeIds).hasSize(3);
        assertThat(threeIds).allSatisfy(id -> assertThat((Long) id).isBetween(1L, 10L));
        assertThat(new HashSet<>(idsOf(all))).hasSize(10);
        assertThat(all).hasSize(10);
    }

    @Test
    void recommendInsideQueryExcludesExamples() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, 1, 0), point(2, 0, 1), point(3, 2, 1), point(4, 1, 2), point(5, -1, 0));

        // avg(positives) + (avg(positives) - avg(negatives)) = [2, -1] (lib/collection/src/recommendations.rs)
        List<ScoredPoint> result = query(QueryPoints.newBuilder().setCollectionName(c)
                .setQuery(recommend(RecommendInput.newBuilder().addPositive(vectorInput(id(1)))
                        .addNegative(vectorInput(id(2))).build())));

        assertThat(idsOf(result)).containsExactly(3L, 4L, 5L);
        assertThat(scoresOf(result)).containsExactly(3f, 0f, -2f);
    }

    @Test
    void queryBatchAnswersEachQueryInOrder() {
        String c = dotCollection(4);

        List<BatchResult> results = await(client.queryBatchAsync(c, List.of(
                QueryPoints.newBuilder().setCollectionName(c).setQuery(nearest(1f, 0f)).setLimit(1).build(),
                QueryPoints.newBuilder().setCollectionName(c).setQuery(nearest(-1f, 0f)).setLimit(2).build())));

        assertThat(results).hasSize(2);
        assertThat(idsOf(results.get(0).getResultList())).containsExactly(1L);
        assertThat(idsOf(results.get(1).getResultList())).containsExactly(4L, 3L);
    }

    @Test
    void queryGroupsGroupsByPayloadValue() {
        String c = dotCollection(6);

        List<PointGroup> groups = await(client.queryGroupsAsync(QueryPointGroups.newBuilder()
                .setCollectionName(c).setQuery(nearest(1f, 0f)).setGroupBy("g").setLimit(2).setGroupSize(2)
                .build()));

        assertThat(describeGroups(groups)).containsExactly("odd=[1, 3]", "even=[2, 4]");
    }

    @Test
    void queryOfUnknownCollectionIsNotFound() {
        String missing = uniqueName("missing");
        assertCollectionNotFound(() -> query(QueryPoints.newBuilder().setCollectionName(missing)
                .setQuery(nearest(1f, 0f))), missing);
    }

    @Test
    void nearestByMissingPointIsNotFound() {
        String c = dotCollection(2);
        assertGrpcError(() -> query(QueryPoints.newBuilder().setCollectionName(c).setQuery(nearest(id(42)))),
                Status.Code.NOT_FOUND, "Not found: No point with id 42 found");
    }

    @Test
    void prefetchUsesItsOwnNamedVector() {
        String c = crossedNamedVectors();

        // the prefetch ranks by b, the outer query re-ranks the prefetched candidates by a
        List<ScoredPoint> result = query(QueryPoints.newBuilder().setCollectionName(c)
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(1f, 0f)).setUsing("b").setLimit(1))
                .setQuery(nearest(0f, 1f)).setUsing("a"));

        assertThat(idsOf(result)).containsExactly(2L);
        assertThat(scoresOf(result)).containsExactly(1f);
    }
}
