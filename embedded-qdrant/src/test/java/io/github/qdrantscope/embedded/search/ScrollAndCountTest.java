package io.github.qdrantscope.embedded.search;

import static io.github.qdrantscope.embedded.search.StatusAssert.assertStatus;
import static io.github.qdrantscope.embedded.search.TestCollection.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import org.junit.jupiter.api.Test;

class ScrollAndCountTest {

    private static final String UUID_A = "00000000-0000-0000-0000-000000000001";
    private static final String UUID_B = "ffffffff-0000-0000-0000-000000000000";

    private final PointsQueryEngine engine = new PointsQueryEngine();

    private static TestCollection twelvePoints() {
        TestCollection c = TestCollection.unnamed(1, Distance.Dot);
        c.point(UUID_B, v(1), "k", "b").point(UUID_A, v(1), "k", "a");
        for (int i = 10; i >= 1; i--) {
            c.point(i, v(i), "k", "n" + i);
        }
        return c;
    }

    private static ScrollPoints.Builder scroll() {
        return ScrollPoints.newBuilder().setCollectionName("test");
    }

    @Test
    void defaultLimitIsTenInIdOrderWithNumbersBeforeUuidsAndANextPageOffset() {
        ScrollResponse r = engine.scroll(twelvePoints(), scroll().build());
        assertThat(Ids.retrieved(r.getResultList()))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(Ids.of(r.getNextPageOffset())).isEqualTo(UUID_A);
        assertThat(r.getTime()).isPositive();
    }

    @Test
    void offsetIsInclusiveAndTheLastPageHasNoNextOffset() {
        ScrollResponse r = engine.scroll(twelvePoints(), scroll().setOffset(Ids.num(10)).setLimit(5).build());
        assertThat(Ids.retrieved(r.getResultList())).containsExactly("10", UUID_A, UUID_B);
        assertThat(r.hasNextPageOffset()).isFalse();
        ScrollResponse fromUuid = engine.scroll(twelvePoints(), scroll().setOffset(Ids.uuid(UUID_B)).build());
        assertThat(Ids.retrieved(fromUuid.getResultList())).containsExactly(UUID_B);
    }

    @Test
    void exactlyFullPageHasNoNextOffset() {
        ScrollResponse r = engine.scroll(twelvePoints(), scroll().setLimit(12).build());
        assertThat(r.getResultCount()).isEqualTo(12);
        assertThat(r.hasNextPageOffset()).isFalse();
    }

    @Test
    void payloadIsOnAndVectorsOffByDefault() {
        ScrollResponse r = engine.scroll(twelvePoints(), scroll().setLimit(1).build());
        assertThat(r.getResult(0).getPayloadMap().get("k").getStringValue()).isEqualTo("n1");
        assertThat(r.getResult(0).hasVectors()).isFalse();
        ScrollResponse off = engine.scroll(twelvePoints(), scroll().setLimit(1)
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(false))
                .setWithVectors(WithVectorsSelector.newBuilder().setEnable(true)).build());
        assertThat(off.getResult(0).getPayloadMap()).isEmpty();
        assertThat(off.getResult(0).getVectors().getVector().getDense().getDataList()).containsExactly(1f);
    }

    @Test
    void limitZeroAndBadOffsetAreRejected() {
        assertStatus(() -> engine.scroll(twelvePoints(), scroll().setLimit(0).build()), Status.Code.INVALID_ARGUMENT,
                "Validation error in body: [limit: value 0 invalid, must be 1 or larger]");
        assertStatus(() -> engine.scroll(twelvePoints(), scroll().setOffset(Ids.uuid("nope")).build()),
                Status.Code.INVALID_ARGUMENT, "Unable to parse UUID: nope");
    }

    @Test
    void orderByWithoutARangeIndexIsABadRequest() {
        String message = "Bad request: No range index for `order_by` key: price. Please create one to use"
                + " `order_by`. Integer, float, and datetime payloads can have range indexes, see"
                + " https://qdrant.tech/documentation/concepts/indexing/#payload-index.";
        assertStatus(() -> engine.scroll(twelvePoints(), scroll().setOrderBy(OrderBy.newBuilder().setKey("price"))
                .build()), Status.Code.INVALID_ARGUMENT, message);
        TestCollection keywordIndexed = twelvePoints()
                .index("price", io.qdrant.client.grpc.Collections.PayloadSchemaType.Keyword);
        assertStatus(() -> engine.scroll(keywordIndexed, scroll().setOrderBy(OrderBy.newBuilder().setKey("price"))
                .build()), Status.Code.INVALID_ARGUMENT, message);
    }

    @Test
    void countWithoutFilterIsTheCollectionSize() {
        var r = engine.count(twelvePoints(), CountPoints.newBuilder().setCollectionName("test").build());
        assertThat(r.getResult().getCount()).isEqualTo(12);
        var exact = engine.count(TestCollection.unnamed(1, Distance.Dot),
                CountPoints.newBuilder().setCollectionName("test").setExact(true).build());
        assertThat(exact.getResult().getCount()).isZero();
    }
}
