package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.VectorFactory.vector;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.BatchResult;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPointGroups;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Search, SearchBatch and SearchGroups: limits, offsets, selectors, filters, named vectors, errors. */
class SearchConformanceTest extends ConformanceTestBase {

    /** Dot collection: point i has vector [10 - i, 0] so a [1, 0] query ranks ids ascending. */
    private String ranked(int count) {
        String c = newCollection(2, Distance.Dot);
        PointStruct[] points = new PointStruct[count];
        for (int i = 1; i <= count; i++) {
            points[i - 1] = point(i, new float[] {10 - i, 0}, payload("i", i, "g", i % 2 == 0 ? "even" : "odd"));
        }
        upsert(c, points);
        return c;
    }

    private static SearchPoints.Builder query(String c, float... vector) {
        SearchPoints.Builder builder = SearchPoints.newBuilder().setCollectionName(c);
        for (float v : vector) {
            builder.addVector(v);
        }
        return builder;
    }

    private List<ScoredPoint> search(SearchPoints.Builder request) {
        return await(client.searchAsync(request.build()));
    }

    @Test
    void limitAndOffsetSliceTheRanking() {
        String c = ranked(6);

        assertThat(idsOf(search(query(c, 1, 0).setLimit(3)))).containsExactly(1L, 2L, 3L);
        assertThat(idsOf(search(query(c, 1, 0).setLimit(3).setOffset(2)))).containsExactly(3L, 4L, 5L);
        assertThat(idsOf(search(query(c, 1, 0).setLimit(3).setOffset(5)))).containsExactly(6L);
    }

    @Test
    void limitZeroIsRejectedWithQdrantsValidationMessage() {
        String c = ranked(1);
        // lib/api/src/grpc/proto/points.proto SearchPoints.limit validate(range(min = 1));
        // src/tonic/api/validate.rs: "Validation error in body: [limit: value 0 invalid, must be 1 or larger]"
        assertGrpcError(() -> search(query(c, 1, 0)), Status.Code.INVALID_ARGUMENT,
                "Validation error in body: [limit: value 0 invalid, must be 1 or larger]");
    }

    @Test
    void payloadAndVectorsAreOffByDefault() {
        String c = ranked(2);

        ScoredPoint top = search(query(c, 1, 0).setLimit(1)).get(0);

        assertThat(top.getPayloadMap()).isEmpty();
        assertThat(top.hasVectors()).isFalse();
    }

    @Test
    void payloadSelectorsIncludeAndExclude() {
        String c = ranked(1);

        assertThat(search(query(c, 1, 0).setLimit(1).setWithPayload(WithPayloadSelectorFactory.enable(true)))
                .get(0).getPayloadMap()).isEqualTo(payload("i", 1, "g", "odd"));
        assertThat(search(query(c, 1, 0).setLimit(1).setWithPayload(WithPayloadSelectorFactory.include(List.of("g"))))
                .get(0).getPayloadMap()).isEqualTo(payload("g", "odd"));
        assertThat(search(query(c, 1, 0).setLimit(1).setWithPayload(WithPayloadSelectorFactory.exclude(List.of("g"))))
                .get(0).getPayloadMap()).isEqualTo(payload("i", 1));
    }

    @Test
    void filterRestrictsCandidates() {
        String c = ranked(6);

        List<ScoredPoint> result = search(query(c, 1, 0).setLimit(10)
                .setFilter(Filter.newBuilder().addMust(matchKeyword("g", "even"))));

        assertThat(idsOf(result)).containsExactly(2L, 4L, 6L);
        assertThat(scoresOf(result)).containsExactly(8f, 6f, 4f);
    }

    @Test
    void namedVectorIsSearchedByName() {
        String c = crossedNamedVectors();

        List<ScoredPoint> byA = search(query(c, 1, 0).setVectorName("a").setLimit(1)
                .setWithVectors(WithVectorsSelectorFactory.enable(true)));
        List<ScoredPoint> byB = search(query(c, 1, 0).setVectorName("b").setLimit(1));

        assertThat(idsOf(byA)).containsExactly(1L);
        assertThat(idsOf(byB)).containsExactly(2L);
        assertThat(byA.get(0).getVectors().getVectors().getVectorsMap()).containsOnlyKeys("a", "b");
    }

    @Test
    void unknownVectorNameIsRejected() {
        String c = newNamedCollection(Distance.Dot, Map.of("a", 2));
        // lib/collection/src/collection_manager/segments_searcher.rs prepare_query_context checks every
        // search's vector name with CollectionParams::get_distance before searching, whose error is
        // missing_vector_error (lib/collection/src/config.rs), a BadInput ("Wrong input: ...")
        assertGrpcError(() -> search(query(c, 1, 0).setVectorName("nope").setLimit(1)),
                Status.Code.INVALID_ARGUMENT,
                "Wrong input: Vector with name `nope` is not configured in this collection, available names: a");
    }

    @Test
    void wrongQueryDimensionIsRejected() {
        String c = ranked(1);
        assertGrpcError(() -> search(query(c, 1, 0, 0).setLimit(1)), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Vector dimension error: expected dim: 2, got 3");
    }

    @Test
    void searchOfUnknownCollectionIsNotFound() {
        String missing = uniqueName("missing");
        assertCollectionNotFound(() -> search(query(missing, 1, 0).setLimit(1)), missing);
    }

    @Test
    void emptyCollectionYieldsNoResults() {
        String c = newCollection(2, Distance.Dot);
        assertThat(search(query(c, 1, 0).setLimit(5))).isEmpty();
    }

    @Test
    void searchBatchAnswersEachSearchInOrder() {
        String c = ranked(4);

        List<BatchResult> results = await(client.searchBatchAsync(c, List.of(
                query(c, 1, 0).setLimit(2).build(),
                query(c, -1, 0).setLimit(1).build(),
                query(c, 1, 0).setLimit(1).setFilter(Filter.newBuilder().addMust(matchKeyword("g", "even"))).build()),
                null));

        assertThat(results).hasSize(3);
        assertThat(idsOf(results.get(0).getResultList())).containsExactly(1L, 2L);
        assertThat(idsOf(results.get(1).getResultList())).containsExactly(4L);
        assertThat(idsOf(results.get(2).getResultList())).containsExactly(2L);
    }

    @Test
    void searchGroupsGroupsByPayloadValueBestGroupFirst() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {10, 0}, payload("g", "a")), point(2, new float[] {9, 0}, payload("g", "b")),
                point(3, new float[] {8, 0}, payload("g", "a")), point(4, new float[] {7, 0}, payload("g", "c")),
                point(5, new float[] {6, 0}, payload("g", "b")), point(6, new float[] {5, 0}, payload("g", "a")));

        // lib/collection/src/grouping/group_by.rs: groups ordered by their best hit, hits by score
        List<PointGroup> groups = await(client.searchGroupsAsync(SearchPointGroups.newBuilder()
                .setCollectionName(c).addAllVector(List.of(1f, 0f)).setGroupBy("g").setLimit(2).setGroupSize(2)
                .build()));

        assertThat(describeGroups(groups)).containsExactly("a=[1, 3]", "b=[2, 5]");
    }

    @Test
    void searchGroupsSupportsIntegerGroupKeys() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {3, 0}, payload("n", 7)), point(2, new float[] {2, 0}, payload("n", 8)),
                point(3, new float[] {1, 0}, payload("n", 7)), point(4, new float[] {4, 0}));

        List<PointGroup> groups = await(client.searchGroupsAsync(SearchPointGroups.newBuilder()
                .setCollectionName(c).addAllVector(List.of(1f, 0f)).setGroupBy("n").setLimit(5).setGroupSize(5)
                .build()));

        // points without the group_by key belong to no group; lib/segment/src/data_types/groups.rs:
        // a non-negative JSON integer becomes GroupId::NumberU64 -> GroupId.unsigned_value (lib/api conversions.rs)
        assertThat(describeGroups(groups)).containsExactly("7=[1, 3]", "8=[2]");
        assertThat(groups).allSatisfy(g -> assertThat(g.getId().getKindCase())
                .isEqualTo(io.qdrant.client.grpc.Points.GroupId.KindCase.UNSIGNED_VALUE));
    }

    @Test
    void pointWithArrayGroupValueJoinsEveryGroup() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {3, 0}, payload("g", List.of("a", "b"))),
                point(2, new float[] {2, 0}, payload("g", "b")), point(3, new float[] {1, 0}, payload("g", "a")));

        // lib/collection/src/grouping/group_by.rs: each value of an array group_by key is a group of its own
        List<PointGroup> groups = await(client.searchGroupsAsync(SearchPointGroups.newBuilder()
                .setCollectionName(c).addAllVector(List.of(1f, 0f)).setGroupBy("g").setLimit(5).setGroupSize(5)
                .build()));

        assertThat(groups).hasSize(2);
        assertThat(describeGroups(groups)).containsExactlyInAnyOrder("a=[1, 3]", "b=[1, 2]");
    }

    @Test
    void offsetBeyondTheResultsIsEmpty() {
        String c = ranked(3);
        assertThat(search(query(c, 1, 0).setLimit(5).setOffset(3))).isEmpty();
    }
}
