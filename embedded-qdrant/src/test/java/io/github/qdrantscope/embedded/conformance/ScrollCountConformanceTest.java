package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.Direction;
import io.qdrant.client.grpc.Points.FacetCounts;
import io.qdrant.client.grpc.Points.FacetHit;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scroll (paging, defaults, order_by), Count and Facet. */
class ScrollCountConformanceTest extends ConformanceTestBase {

    private String collectionWithIds(int count) {
        String c = newCollection(2, Distance.Dot);
        List<PointStruct> points = new ArrayList<>();
        for (int i = count; i >= 1; i--) { // inserted in reverse to show scroll sorts by id
            points.add(point(i, new float[] {i, 1}, payload("n", i, "even", i % 2 == 0)));
        }
        await(client.upsertAsync(c, points));
        return c;
    }

    private ScrollResponse scroll(ScrollPoints.Builder request) {
        return await(client.scrollAsync(request.build()));
    }

    @Test
    void scrollPagesByIdWithInclusiveOffsetAndNextPageOffset() {
        String c = collectionWithIds(25);

        // lib/collection/src/collection/point_ops.rs scroll_by: fetch limit + 1, the extra id is next_page_offset
        ScrollResponse first = scroll(ScrollPoints.newBuilder().setCollectionName(c).setLimit(10));
        assertThat(idsOfRetrieved(first.getResultList())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(first.getNextPageOffset()).isEqualTo(id(11));

        ScrollResponse second = scroll(ScrollPoints.newBuilder().setCollectionName(c).setLimit(10)
                .setOffset(first.getNextPageOffset()));
        assertThat(idsOfRetrieved(second.getResultList()))
                .containsExactly(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
        assertThat(second.getNextPageOffset()).isEqualTo(id(21));

        ScrollResponse last = scroll(ScrollPoints.newBuilder().setCollectionName(c).setLimit(10)
                .setOffset(second.getNextPageOffset()));
        assertThat(idsOfRetrieved(last.getResultList())).containsExactly(21L, 22L, 23L, 24L, 25L);
        assertThat(last.hasNextPageOffset()).isFalse();
    }

    @Test
    void exactlyFullLastPageHasNoNextOffset() {
        String c = collectionWithIds(10);

        ScrollResponse page = scroll(ScrollPoints.newBuilder().setCollectionName(c).setLimit(10));

        assertThat(page.getResultCount()).isEqualTo(10);
        assertThat(page.hasNextPageOffset()).isFalse();
    }

    @Test
    void offsetOfAMissingIdStartsAtTheNextId() {
        String c = collectionWithIds(6);
        await(client.deleteAsync(c, List.of(id(3))));

        ScrollResponse page = scroll(ScrollPoints.newBuilder().setCollectionName(c).setLimit(2).setOffset(id(3)));

        assertThat(idsOfRetrieved(page.getResultList())).containsExactly(4L, 5L);
        assertThat(page.getNextPageOffset()).isEqualTo(id(6));
    }

    @Test
    void scrollDefaultsToTenPointsWithPayloadAndWithoutVectors() {
        String c = collectionWithIds(12);

        // lib/api/src/grpc/conversions.rs ScrollPoints: limit default 10, with_payload default true
        ScrollResponse page = scroll(ScrollPoints.newBuilder().setCollectionName(c));

        assertThat(page.getResultCount()).isEqualTo(10);
        assertThat(page.getNextPageOffset()).isEqualTo(id(11));
        assertThat(page.getResult(0).getPayloadMap()).isEqualTo(payload("n", 1, "even", false));
        assertThat(page.getResult(0).hasVectors()).isFalse();
    }

    @Test
    void scrollFiltersAndPagesWithinTheFilter() {
        String c = collectionWithIds(10);
        Filter even = Filter.newBuilder().addMust(match("even", true)).build();

        ScrollResponse page = scroll(ScrollPoints.newBuilder().setCollectionName(c).setFilter(even).setLimit(2));

        assertThat(idsOfRetrieved(page.getResultList())).containsExactly(2L, 4L);
        assertThat(page.getNextPageOffset()).isEqualTo(id(6));
    }

    @Test
    void scrollWithVectorsReturnsThem() {
        String c = collectionWithIds(1);

        ScrollResponse page = scroll(ScrollPoints.newBuilder().setCollectionName(c)
                .setWithVectors(io.qdrant.client.WithVectorsSelectorFactory.enable(true)));

        assertThat(page.getResult(0).getVectors().getVector().getDense().getDataList()).containsExactly(1f, 1f);
    }

    @Test
    void scrollLimitZeroIsRejected() {
        String c = collectionWithIds(1);
        // lib/api/src/grpc/proto/points.proto ScrollPoints.limit validate(custom = validate_u32_range_min_1)
        assertGrpcError(() -> scroll(ScrollPoints.newBuilder().setCollectionName(c).setLimit(0)),
                Status.Code.INVALID_ARGUMENT,
                "Validation error in body: [limit: value 0 invalid, must be 1 or larger]");
    }

    @Test
    void orderByNeedsARangeIndex() {
        String c = collectionWithIds(3);
        // lib/collection/src/collection/point_ops.rs scroll_by: CollectionError::bad_request(
        // "No range index for `order_by` key: {key}. Please create one to use `order_by`. ...")
        Status status = grpcError(() -> scroll(ScrollPoints.newBuilder().setCollectionName(c)
                .setOrderBy(OrderBy.newBuilder().setKey("n"))));

        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).contains("No range index for `order_by` key: ").contains("n");
    }

    @Test
    void orderByAscendingAndDescendingWithoutNextOffset() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("rank", 30)), point(2, new float[] {1, 0}, payload("rank", 10)),
                point(3, new float[] {1, 0}, payload("rank", 20)), point(4, new float[] {1, 0}, payload("rank", 40)));
        createIndex(c, "rank", PayloadSchemaType.Integer);

        ScrollResponse asc = scroll(ScrollPoints.newBuilder().setCollectionName(c).setLimit(3)
                .setOrderBy(OrderBy.newBuilder().setKey("rank")));
        ScrollResponse desc = scroll(ScrollPoints.newBuilder().setCollectionName(c).setLimit(3)
                .setOrderBy(OrderBy.newBuilder().setKey("rank").setDirection(Direction.Desc)));

        assertThat(idsOfRetrieved(asc.getResultList())).containsExactly(2L, 3L, 1L);
        assertThat(idsOfRetrieved(desc.getResultList())).containsExactly(4L, 1L, 3L);
        // order_by scroll cannot be continued by id (lib/collection/src/collection/point_ops.rs)
        assertThat(asc.hasNextPageOffset()).isFalse();
        assertThat(desc.hasNextPageOffset()).isFalse();
    }

    @Test
    void orderByStartFromSkipsSmallerValues() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("rank", 30)), point(2, new float[] {1, 0}, payload("rank", 10)),
                point(3, new float[] {1, 0}, payload("rank", 20)));
        createIndex(c, "rank", PayloadSchemaType.Integer);

        ScrollResponse page = scroll(ScrollPoints.newBuilder().setCollectionName(c)
                .setOrderBy(OrderBy.newBuilder().setKey("rank")
                        .setStartFrom(io.qdrant.client.StartFromFactory.startFrom(20))));

        assertThat(idsOfRetrieved(page.getResultList())).containsExactly(3L, 1L);
    }

    @Test
    void countIsExactAndFiltered() {
        String c = collectionWithIds(9);

        assertThat(await(client.countAsync(c))).isEqualTo(9);
        assertThat(await(client.countAsync(c, Filter.newBuilder().addMust(match("even", true)).build(), true)))
                .isEqualTo(4);
        // CountPoints.exact unset defaults to true (lib/api/src/grpc/conversions.rs)
        assertThat(await(client.grpcClient().points().count(CountPoints.newBuilder().setCollectionName(c).build()))
                .getResult().getCount()).isEqualTo(9);
    }

    @Test
    void countOfUnknownCollectionIsNotFound() {
        String missing = uniqueName("missing");
        assertCollectionNotFound(() -> await(client.countAsync(missing)), missing);
    }

    @Test
    void facetNeedsAnIndex() {
        String c = collectionWithIds(2);
        // lib/segment/src/common/operation_error.rs MissingMapIndexForFacet:
        // "No appropriate index for faceting: `{key}`. ..."
        Status status = grpcError(() -> await(client.facetAsync(FacetCounts.newBuilder().setCollectionName(c)
                .setKey("even").build())));

        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).contains("No appropriate index for faceting: `even`");
    }

    @Test
    void facetCountsValuesOfAnIndexedKeyMostFrequentFirst() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("city", "Berlin", "k", "x")),
                point(2, new float[] {1, 0}, payload("city", "Paris", "k", "x")),
                point(3, new float[] {1, 0}, payload("city", "Berlin", "k", "y")),
                point(4, new float[] {1, 0}, payload("city", List.of("Berlin", "Rome"), "k", "x")),
                point(5, new float[] {1, 0}, payload("city", "Paris", "k", "y")),
                point(6, new float[] {1, 0}, payload("city", "Berlin", "k", "x")));
        createIndex(c, "city", PayloadSchemaType.Keyword);

        List<FacetHit> hits = await(client.facetAsync(FacetCounts.newBuilder().setCollectionName(c)
                .setKey("city").build()));

        // lib/collection/src/collection/facet.rs: hits sorted by count descending; array values count once each
        assertThat(hits).extracting(h -> h.getValue().getStringValue() + "=" + h.getCount())
                .containsExactly("Berlin=4", "Paris=2", "Rome=1");

        List<FacetHit> filtered = await(client.facetAsync(FacetCounts.newBuilder().setCollectionName(c)
                .setKey("city").setFilter(Filter.newBuilder().addMust(matchKeyword("k", "x"))).setLimit(1)
                .build()));
        assertThat(filtered).extracting(h -> h.getValue().getStringValue() + "=" + h.getCount())
                .containsExactly("Berlin=3");
    }

    @Test
    void facetCountsIntegerAndBoolValues() {
        String c = collectionWithIds(5);
        createIndex(c, "even", PayloadSchemaType.Bool);
        upsert(c, point(6, new float[] {1, 0}, payload("n", 7)), point(7, new float[] {1, 0}, payload("n", 7)),
                point(8, new float[] {1, 0}, payload("n", 9)));
        createIndex(c, "n", PayloadSchemaType.Integer);

        List<FacetHit> bools = await(client.facetAsync(FacetCounts.newBuilder().setCollectionName(c)
                .setKey("even").build()));
        List<FacetHit> ints = await(client.facetAsync(FacetCounts.newBuilder().setCollectionName(c)
                .setKey("n").setLimit(2).build()));

        // ids 1..5: even = false, true, false, true, false
        assertThat(bools).extracting(h -> h.getValue().getBoolValue() + "=" + h.getCount())
                .containsExactly("false=3", "true=2");
        // n: 1..5 once each, 7 twice, 9 once -> 7 first
        assertThat(ints.get(0).getValue().getIntegerValue()).isEqualTo(7);
        assertThat(ints.get(0).getCount()).isEqualTo(2);
        assertThat(ints).hasSize(2);
    }

    @Test
    void scrollPayloadSelectorIncludesOnlyChosenKeys() {
        String c = collectionWithIds(1);

        ScrollResponse page = scroll(ScrollPoints.newBuilder().setCollectionName(c)
                .setWithPayload(io.qdrant.client.WithPayloadSelectorFactory.include(List.of("n"))));

        assertThat(page.getResult(0).getPayloadMap()).isEqualTo(payload("n", 1));
    }
}
