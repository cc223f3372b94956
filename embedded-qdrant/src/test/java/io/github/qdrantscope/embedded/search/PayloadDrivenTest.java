package io.github.qdrantscope.embedded.search;

import static io.github.qdrantscope.embedded.search.StatusAssert.assertStatus;
import static io.github.qdrantscope.embedded.search.TestCollection.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.IntegerIndexParams;
import io.qdrant.client.grpc.Collections.PayloadIndexParams;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.Direction;
import io.qdrant.client.grpc.Points.FacetCounts;
import io.qdrant.client.grpc.Points.FacetHit;
import io.qdrant.client.grpc.Points.GroupsResult;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPointGroups;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendPointGroups;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPointGroups;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.StartFrom;
import io.qdrant.client.grpc.Points.WithLookup;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Features that read payload: filters, order_by, facets and groups. Points are 1-d Dot vectors
 * whose score for query (1) is the value itself:
 * id: vector, city, price, tags
 * 1: 1, Berlin, 30, [a]        2: 2, Paris, 10, [a, b]     3: 3, Berlin, 20, []
 * 4: 4, Rome, 10, [b]          5: 5, Paris, [5, 40], [c]   6: 6, (none), 1.5, (none)
 */
class PayloadDrivenTest {

    private final PointsQueryEngine engine = new PointsQueryEngine();
    private final TestCollection c = TestCollection.unnamed(1, Distance.Dot)
            .point(1, v(1), "city", "Berlin", "price", 30, "tags", List.of("a"))
            .point(2, v(2), "city", "Paris", "price", 10, "tags", List.of("a", "b"))
            .point(3, v(3), "city", "Berlin", "price", 20, "tags", List.of())
            .point(4, v(4), "city", "Rome", "price", 10, "tags", List.of("b"))
            .point(5, v(5), "city", "Paris", "price", List.of(5, 40), "tags", List.of("c"))
            .point(6, v(6), "price", 1.5);

    private static Filter city(String value) {
        return Filter.newBuilder().addMust(Condition.newBuilder().setField(FieldCondition.newBuilder()
                .setKey("city").setMatch(Match.newBuilder().setKeyword(value)))).build();
    }

    @Test
    void searchScrollAndCountApplyTheFilter() {
        var search = engine.search(c, SearchPoints.newBuilder().setCollectionName("test").addVector(1).setLimit(10)
                .setFilter(city("Paris")).build());
        assertThat(Ids.scored(search.getResultList())).containsExactly("5", "2");
        ScrollResponse scroll = engine.scroll(c, ScrollPoints.newBuilder().setCollectionName("test").setLimit(1)
                .setFilter(city("Berlin")).build());
        assertThat(Ids.retrieved(scroll.getResultList())).containsExactly("1");
        assertThat(Ids.of(scroll.getNextPageOffset())).isEqualTo("3");
        var count = engine.count(c, CountPoints.newBuilder().setCollectionName("test").setFilter(city("Berlin"))
                .build());
        assertThat(count.getResult().getCount()).isEqualTo(2);
    }

    @Test
    void rootFilterIsPropagatedIntoPrefetches() {
        var r = engine.query(c, QueryPoints.newBuilder().setCollectionName("test").setFilter(city("Berlin"))
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(QueryTest.nearest(QueryTest.dense(1))).setLimit(2))
                .setQuery(QueryTest.nearest(QueryTest.dense(-1))).build());
        // the prefetch only sees Berlin (3, 1); the root re-scores them by -x
        assertThat(Ids.scored(r.getResultList())).containsExactly("1", "3");
    }

    @Test
    void scrollOrderByListsEachValueOfAPointAndStartsInclusively() {
        TestCollection indexed = c.index("price", PayloadSchemaType.Integer);
        ScrollResponse asc = engine.scroll(indexed, ScrollPoints.newBuilder().setCollectionName("test")
                .setOrderBy(OrderBy.newBuilder().setKey("price")).build());
        // integer index: 1.5 is not indexed; point 5 appears for 5 and for 40 (scroll_by_field does not dedup ids)
        assertThat(Ids.retrieved(asc.getResultList())).containsExactly("5", "2", "4", "3", "1", "5");
        assertThat(asc.getResultList().stream().map(p -> p.getOrderValue().getInt()))
                .containsExactly(5L, 10L, 10L, 20L, 30L, 40L);
        assertThat(asc.hasNextPageOffset()).isFalse();
        ScrollResponse desc = engine.scroll(indexed, ScrollPoints.newBuilder().setCollectionName("test").setLimit(3)
                .setOrderBy(OrderBy.newBuilder().setKey("price").setDirection(Direction.Desc)
                        .setStartFrom(StartFrom.newBuilder().setInteger(20))).build());
        assertThat(Ids.retrieved(desc.getResultList())).containsExactly("3", "4", "2");
        assertStatus(() -> engine.scroll(indexed, ScrollPoints.newBuilder().setCollectionName("test")
                .setOffset(Ids.num(1)).setOrderBy(OrderBy.newBuilder().setKey("price")).build()),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Cannot use an `offset` when using `order_by`. The"
                        + " alternative for paging is to use `order_by.start_from` and a filter to exclude the IDs"
                        + " that you've already seen for the `order_by.start_from` value");
    }

    @Test
    void floatIndexOrdersIntegersAndDoublesTogether() {
        TestCollection indexed = c.index("price", PayloadSchemaType.Float);
        ScrollResponse asc = engine.scroll(indexed, ScrollPoints.newBuilder().setCollectionName("test").setLimit(2)
                .setOrderBy(OrderBy.newBuilder().setKey("price")).build());
        assertThat(Ids.retrieved(asc.getResultList())).containsExactly("6", "5");
        assertThat(asc.getResult(0).getOrderValue().getFloat()).isEqualTo(1.5);
    }

    @Test
    void integerIndexWithoutRangeCannotOrder() {
        PayloadSchemaInfo lookupOnly = PayloadSchemaInfo.newBuilder().setDataType(PayloadSchemaType.Integer)
                .setParams(PayloadIndexParams.newBuilder().setIntegerIndexParams(
                        IntegerIndexParams.newBuilder().setLookup(true).setRange(false)))
                .build();
        TestCollection indexed = c.index("price", lookupOnly);
        assertStatus(() -> engine.query(indexed, QueryPoints.newBuilder().setCollectionName("test")
                .setQuery(Query.newBuilder().setOrderBy(OrderBy.newBuilder().setKey("price"))).build()),
                Status.Code.INVALID_ARGUMENT, "Wrong input: No range index for `order_by` key: `price`. Please create"
                        + " one to use `order_by`. Check https://qdrant.tech/documentation/concepts/indexing/"
                        + "#payload-index to see which payload schemas support Range conditions");
    }

    @Test
    void queryOrderByScoresOneAndCarriesTheOrderValue() {
        TestCollection indexed = c.index("price", PayloadSchemaType.Integer);
        var r = engine.query(indexed, QueryPoints.newBuilder().setCollectionName("test").setLimit(2)
                .setQuery(Query.newBuilder().setOrderBy(OrderBy.newBuilder().setKey("price")
                        .setDirection(Direction.Desc))).build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("5", "1");
        assertThat(r.getResult(0).getScore()).isEqualTo(1f);
        assertThat(r.getResult(0).getOrderValue().getInt()).isEqualTo(40);
    }

    @Test
    void facetCountsPointsPerValueOrderedByCountThenValue() {
        TestCollection indexed = c.index("tags", PayloadSchemaType.Keyword).index("city", PayloadSchemaType.Keyword);
        List<FacetHit> tags = engine.facet(indexed, FacetCounts.newBuilder().setCollectionName("test")
                .setKey("tags").build()).getHitsList();
        assertThat(tags.stream().map(h -> h.getValue().getStringValue() + "=" + h.getCount()))
                .containsExactly("a=2", "b=2", "c=1");
        List<FacetHit> filtered = engine.facet(indexed, FacetCounts.newBuilder().setCollectionName("test")
                .setKey("city").setLimit(1).setFilter(Filter.newBuilder().addMustNot(Condition.newBuilder()
                        .setField(FieldCondition.newBuilder().setKey("city")
                                .setMatch(Match.newBuilder().setKeyword("Paris"))))).build()).getHitsList();
        assertThat(filtered.stream().map(h -> h.getValue().getStringValue() + "=" + h.getCount()))
                .containsExactly("Berlin=2");
        List<FacetHit> prices = engine.facet(c.index("price", PayloadSchemaType.Integer), FacetCounts.newBuilder()
                .setCollectionName("test").setKey("price").build()).getHitsList();
        assertThat(prices.stream().map(h -> h.getValue().getIntegerValue() + "=" + h.getCount()))
                .containsExactly("10=2", "5=1", "20=1", "30=1", "40=1");
    }

    @Test
    void facetWithoutAMapIndexIsRejected() {
        assertStatus(() -> engine.facet(c, FacetCounts.newBuilder().setCollectionName("test").setKey("city")
                .build()), Status.Code.INVALID_ARGUMENT, "Wrong input: No appropriate index for faceting: `city`."
                        + " Please create one to facet on this field. Check https://qdrant.tech/documentation/"
                        + "concepts/indexing/#payload-index to see which payload schemas support Match conditions");
    }

    private static List<String> render(GroupsResult result) {
        return result.getGroupsList().stream().map(PayloadDrivenTest::render).toList();
    }

    private static String render(PointGroup g) {
        String id = g.getId().hasStringValue() ? g.getId().getStringValue()
                : g.getId().hasUnsignedValue() ? Long.toString(g.getId().getUnsignedValue())
                : Long.toString(g.getId().getIntegerValue());
        return id + Ids.scored(g.getHitsList());
    }

    @Test
    void searchGroupsOrdersGroupsByTheirBestHitAndCapsTheirSize() {
        var r = engine.searchGroups(c, SearchPointGroups.newBuilder().setCollectionName("test").addVector(1)
                .setGroupBy("city").setGroupSize(1).setLimit(2).build());
        assertThat(render(r.getResult())).containsExactly("Paris[5]", "Rome[4]");
        var tags = engine.searchGroups(c, SearchPointGroups.newBuilder().setCollectionName("test").addVector(1)
                .setGroupBy("tags").setGroupSize(2).setLimit(3).build());
        // a point with several values joins several groups
        assertThat(render(tags.getResult())).containsExactly("c[5]", "b[4, 2]", "a[2, 1]");
        var prices = engine.searchGroups(c, SearchPointGroups.newBuilder().setCollectionName("test").addVector(-1)
                .setGroupBy("price").setGroupSize(5).setLimit(10).build());
        // integer group ids are unsigned_value; 1.5 is no group key
        assertThat(render(prices.getResult())).containsExactly("30[1]", "10[2, 4]", "20[3]", "5[5]", "40[5]");
        assertStatus(() -> engine.searchGroups(c, SearchPointGroups.newBuilder().setCollectionName("test")
                .addVector(1).setGroupBy("city").setLimit(1).build()), Status.Code.INVALID_ARGUMENT,
                "Validation error in body: [group_size: value 0 invalid, must be 1 or larger]");
    }

    @Test
    void groupLookupInTheSameCollectionAttachesThePointNamedByTheGroupId() {
        TestCollection withIds = TestCollection.unnamed(1, Distance.Dot)
                .point(1, v(1), "owner", 3).point(2, v(2), "owner", 3).point(3, v(0), "name", "owner three");
        var r = engine.searchGroups(withIds, SearchPointGroups.newBuilder().setCollectionName("test").addVector(1)
                .setGroupBy("owner").setGroupSize(2).setLimit(1)
                .setWithLookup(WithLookup.newBuilder().setCollection("test")).build());
        PointGroup g = r.getResult().getGroups(0);
        assertThat(Ids.scored(g.getHitsList())).containsExactly("2", "1");
        assertThat(Ids.of(g.getLookup().getId())).isEqualTo("3");
        assertThat(g.getLookup().getPayloadMap().get("name").getStringValue()).isEqualTo("owner three");
    }

    @Test
    void recommendAndQueryGroupsGroupTheirRankings() {
        var rec = engine.recommendGroups(c, RecommendPointGroups.newBuilder().setCollectionName("test")
                .addPositive(Ids.num(5)).setGroupBy("city").setGroupSize(2).setLimit(2).build());
        // point 5 is an example and excluded; Rome (4) then Berlin (3, 1)
        assertThat(render(rec.getResult())).containsExactly("Rome[4]", "Berlin[3, 1]");
        var query = engine.queryGroups(c, QueryPointGroups.newBuilder().setCollectionName("test")
                .setQuery(QueryTest.nearest(QueryTest.dense(1))).setGroupBy("city").build());
        // defaults: 3 hits per group, 10 groups
        assertThat(render(query.getResult())).containsExactly("Paris[5, 2]", "Rome[4]", "Berlin[3, 1]");
    }
}
