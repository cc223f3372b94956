package io.github.qdrantscope.embedded.search;

import static io.github.qdrantscope.embedded.search.StatusAssert.assertStatus;
import static io.github.qdrantscope.embedded.search.TestCollection.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.qdrantscope.embedded.storage.PointKey;
import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.PayloadExcludeSelector;
import io.qdrant.client.grpc.Points.PayloadIncludeSelector;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchBatchPoints;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.SearchResponse;
import io.qdrant.client.grpc.Points.VectorsSelector;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchTest {

    private final PointsQueryEngine engine = new PointsQueryEngine();

    private static SearchPoints.Builder search(long limit, float... vector) {
        SearchPoints.Builder b = SearchPoints.newBuilder().setCollectionName("test").setLimit(limit);
        for (float x : vector) {
            b.addVector(x);
        }
        return b;
    }

    private static List<Float> scores(SearchResponse r) {
        return r.getResultList().stream().map(ScoredPoint::getScore).toList();
    }

    @Test
    void cosineNormalisesTheQueryAndScoresByDotProductOfUnitVectors() {
        TestCollection c = TestCollection.unnamed(2, Distance.Cosine)
                .point(1, v(1, 0)).point(2, v(0, 1)).point(3, v(1, 1));
        // query (2, 0) normalises to (1, 0); point 3 is stored as (0.7071, 0.7071)
        SearchResponse r = engine.search(c, search(3, 2, 0).build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("1", "3", "2");
        assertThat(r.getResult(0).getScore()).isCloseTo(1.0f, within(1e-6f));
        assertThat(r.getResult(1).getScore()).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(r.getResult(2).getScore()).isCloseTo(0.0f, within(1e-6f));
        assertThat(r.getTime()).isPositive();
    }

    @Test
    void dotIsRawAndTiesAreBrokenByAscendingId() {
        TestCollection c = TestCollection.unnamed(2, Distance.Dot)
                .point(2, v(3, 0)).point(1, v(1, 2)).point(3, v(0, 0)).point(4, v(-1, -1));
        SearchResponse r = engine.search(c, search(10, 1, 1).build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("1", "2", "3", "4");
        assertThat(scores(r)).containsExactly(3f, 3f, 0f, -2f);
    }

    @Test
    void euclidReturnsTheL2DistanceAscending() {
        TestCollection c = TestCollection.unnamed(2, Distance.Euclid)
                .point(1, v(0, 0)).point(2, v(3, 4)).point(3, v(1, 0));
        SearchResponse r = engine.search(c, search(3, 0, 0).build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("1", "3", "2");
        assertThat(scores(r)).containsExactly(0f, 1f, 5f);
    }

    @Test
    void manhattanReturnsTheL1DistanceAscending() {
        TestCollection c = TestCollection.unnamed(2, Distance.Manhattan)
                .point(1, v(0, 0)).point(2, v(3, -4)).point(3, v(1, 0));
        SearchResponse r = engine.search(c, search(3, 0, 0).build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("1", "3", "2");
        assertThat(scores(r)).containsExactly(0f, 1f, 7f);
    }

    @Test
    void scoreThresholdIsStrictAboveForDot() {
        TestCollection c = TestCollection.unnamed(1, Distance.Dot)
                .point(1, v(1)).point(2, v(2)).point(3, v(3));
        // local_shard/search.rs keeps score > threshold: 2 is not above 2
        SearchResponse r = engine.search(c, search(10, 1).setScoreThreshold(2f).build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("3");
    }

    @Test
    void scoreThresholdIsStrictBelowForDistances() {
        TestCollection c = TestCollection.unnamed(1, Distance.Euclid)
                .point(1, v(1)).point(2, v(2)).point(3, v(3));
        SearchResponse r = engine.search(c, search(10, 0).setScoreThreshold(2f).build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("1");
        TestCollection m = TestCollection.unnamed(1, Distance.Manhattan)
                .point(1, v(1)).point(2, v(2)).point(3, v(3));
        assertThat(Ids.scored(engine.search(m, search(10, 0).setScoreThreshold(3f).build()).getResultList()))
                .containsExactly("1", "2");
    }

    @Test
    void offsetSkipsTheBestResultsAndLimitCapsThem() {
        TestCollection c = TestCollection.unnamed(1, Distance.Dot)
                .point(1, v(1)).point(2, v(2)).point(3, v(3)).point(4, v(4));
        SearchResponse r = engine.search(c, search(2, 1).setOffset(1).build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("3", "2");
        assertThat(engine.search(c, search(2, 1).setOffset(10).build()).getResultList()).isEmpty();
    }

    @Test
    void limitZeroIsAValidationError() {
        TestCollection c = TestCollection.unnamed(1, Distance.Dot).point(1, v(1));
        assertStatus(() -> engine.search(c, search(0, 1).build()), Status.Code.INVALID_ARGUMENT,
                "Validation error in body: [limit: value 0 invalid, must be 1 or larger]");
    }

    @Test
    void wrongDimensionAndUnknownVectorNameUseQdrantMessages() {
        TestCollection c = TestCollection.unnamed(4, Distance.Dot).point(1, v(1, 2, 3, 4));
        assertStatus(() -> engine.search(c, search(1, 1, 2, 3).build()), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Vector dimension error: expected dim: 4, got 3");
        assertStatus(() -> engine.search(c, search(1, 1, 2, 3, 4).setVectorName("text").build()),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Vector with name text is not configured in this collection");
    }

    @Test
    void namedVectorsAreSearchedByVectorNameAndPointsWithoutThatVectorAreSkipped() {
        TestCollection c = new TestCollection().vector("a", 1, Distance.Dot).vector("b", 2, Distance.Euclid)
                .point(PointKey.ofNumber(1), Map.of("a", v(5), "b", v(0, 0)))
                .point(PointKey.ofNumber(2), Map.of("a", v(1)))
                .point(PointKey.ofNumber(3), Map.of("b", v(0, 1)));
        SearchResponse r = engine.search(c, search(10, 0, 0).setVectorName("b").build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("1", "3");
        assertThat(scores(r)).containsExactly(0f, 1f);
    }

    @Test
    void payloadAndVectorsAreOffByDefault() {
        TestCollection c = TestCollection.unnamed(1, Distance.Dot).point(1, v(1), "city", "Berlin");
        ScoredPoint p = engine.search(c, search(1, 1).build()).getResult(0);
        assertThat(p.getPayloadMap()).isEmpty();
        assertThat(p.hasVectors()).isFalse();
    }

    @Test
    void withPayloadSelectsAllIncludedOrNotExcludedKeys() {
        TestCollection c = TestCollection.unnamed(1, Distance.Dot)
                .point(1, v(1), "city", "Berlin", "n", 3, "tags", List.of("a", "b"));
        ScoredPoint all = engine.search(c, search(1, 1)
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(true)).build()).getResult(0);
        assertThat(all.getPayloadMap()).containsOnlyKeys("city", "n", "tags");
        assertThat(all.getPayloadMap().get("city").getStringValue()).isEqualTo("Berlin");
        ScoredPoint included = engine.search(c, search(1, 1).setWithPayload(WithPayloadSelector.newBuilder()
                .setInclude(PayloadIncludeSelector.newBuilder().addFields("n").addFields("missing"))).build())
                .getResult(0);
        assertThat(included.getPayloadMap()).containsOnlyKeys("n");
        ScoredPoint excluded = engine.search(c, search(1, 1).setWithPayload(WithPayloadSelector.newBuilder()
                .setExclude(PayloadExcludeSelector.newBuilder().addFields("n"))).build()).getResult(0);
        assertThat(excluded.getPayloadMap()).containsOnlyKeys("city", "tags");
    }

    @Test
    void withPayloadIncludeAndExcludeFollowNestedObjectPaths() {
        io.qdrant.client.grpc.JsonWithInt.Value address = io.qdrant.client.grpc.JsonWithInt.Value.newBuilder()
                .setStructValue(io.qdrant.client.grpc.JsonWithInt.Struct.newBuilder()
                        .putFields("city", TestCollection.value("Oslo"))
                        .putFields("zip", TestCollection.value("0150")))
                .build();
        TestCollection c = TestCollection.unnamed(1, Distance.Dot).point(1, v(1), "address", address, "n", 1);
        ScoredPoint included = engine.search(c, search(1, 1).setWithPayload(WithPayloadSelector.newBuilder()
                .setInclude(PayloadIncludeSelector.newBuilder().addFields("address.city"))).build()).getResult(0);
        assertThat(included.getPayloadMap()).containsOnlyKeys("address");
        assertThat(included.getPayloadMap().get("address").getStructValue().getFieldsMap()).containsOnlyKeys("city");
        ScoredPoint excluded = engine.search(c, search(1, 1).setWithPayload(WithPayloadSelector.newBuilder()
                .setExclude(PayloadExcludeSelector.newBuilder().addFields("address.city"))).build()).getResult(0);
        assertThat(excluded.getPayloadMap().get("address").getStructValue().getFieldsMap()).containsOnlyKeys("zip");
        assertThat(excluded.getPayloadMap()).containsKey("n");
    }

    @Test
    void withVectorsReturnsTheUnnamedVectorAsSingleAndNamedOnesAsAMap() {
        TestCollection single = TestCollection.unnamed(2, Distance.Cosine).point(1, v(3, 4));
        ScoredPoint p = engine.search(single, search(1, 1, 0)
                .setWithVectors(WithVectorsSelector.newBuilder().setEnable(true)).build()).getResult(0);
        // the stored Cosine vector is normalised: (0.6, 0.8)
        assertThat(p.getVectors().getVector().getDense().getDataList()).containsExactly(0.6f, 0.8f);

        TestCollection named = new TestCollection().vector("a", 1, Distance.Dot).vector("b", 1, Distance.Dot)
                .point(PointKey.ofNumber(1), Map.of("a", v(1), "b", v(2)));
        ScoredPoint all = engine.search(named, search(1, 1).setVectorName("a")
                .setWithVectors(WithVectorsSelector.newBuilder().setEnable(true)).build()).getResult(0);
        assertThat(all.getVectors().getVectors().getVectorsMap()).containsOnlyKeys("a", "b");
        ScoredPoint onlyB = engine.search(named, search(1, 1).setVectorName("a")
                .setWithVectors(WithVectorsSelector.newBuilder()
                        .setInclude(VectorsSelector.newBuilder().addNames("b"))).build()).getResult(0);
        assertThat(onlyB.getVectors().getVectors().getVectorsMap()).containsOnlyKeys("b");
        assertThat(onlyB.getVectors().getVectors().getVectorsMap().get("b").getDense().getDataList())
                .containsExactly(2f);
    }

    @Test
    void selectingAnUnknownVectorOrSparseQueryIsRejected() {
        TestCollection c = TestCollection.unnamed(1, Distance.Dot).point(1, v(1));
        assertStatus(() -> engine.search(c, search(1, 1).setWithVectors(WithVectorsSelector.newBuilder()
                .setInclude(VectorsSelector.newBuilder().addNames("image"))).build()),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Not existing vector name error: image");
        assertStatus(() -> engine.search(c, search(1, 1).setSparseIndices(
                io.qdrant.client.grpc.Points.SparseIndices.newBuilder().addData(0)).build()),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Conversion between sparse and regular vectors failed");
    }

    @Test
    void uuidAndNumericIdsComeBackInWireForm() {
        TestCollection c = TestCollection.unnamed(1, Distance.Dot)
                .point("6F9619FF-8B86-D011-B42D-00CF4FC964FF".toLowerCase(), v(2)).point(1, v(1));
        SearchResponse r = engine.search(c, search(2, 1).build());
        assertThat(Ids.scored(r.getResultList())).containsExactly("6f9619ff-8b86-d011-b42d-00cf4fc964ff", "1");
    }

    @Test
    void searchBatchAnswersEachSearchInOrderAndNamesTheFailingElement() {
        TestCollection c = TestCollection.unnamed(1, Distance.Dot).point(1, v(1)).point(2, v(-1));
        SearchBatchPoints batch = SearchBatchPoints.newBuilder().setCollectionName("test")
                .addSearchPoints(search(1, 1)).addSearchPoints(search(1, -1)).build();
        var r = engine.searchBatch(c, batch);
        assertThat(r.getResultCount()).isEqualTo(2);
        assertThat(Ids.scored(r.getResult(0).getResultList())).containsExactly("1");
        assertThat(Ids.scored(r.getResult(1).getResultList())).containsExactly("2");
        SearchBatchPoints bad = batch.toBuilder().addSearchPoints(search(0, 1)).build();
        assertStatus(() -> engine.searchBatch(c, bad), Status.Code.INVALID_ARGUMENT,
                "Validation error in body: [search_points[2].limit: value 0 invalid, must be 1 or larger]");
    }

    @Test
    void topKKeepsTheExactBestAmongManyPoints() {
        TestCollection c = TestCollection.unnamed(1, Distance.Dot);
        for (int i = 1; i <= 500; i++) {
            // scores are a permutation of 1..500 so the best 5 are known: ids with i*7 % 500 largest
            c.point(i, v((i * 7) % 501));
        }
        SearchResponse r = engine.search(c, search(5, 1).build());
        assertThat(scores(r)).containsExactly(500f, 499f, 498f, 497f, 496f);
    }
}
