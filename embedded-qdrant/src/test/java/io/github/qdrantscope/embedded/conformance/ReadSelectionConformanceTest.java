package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.obj;
import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.qdrant.client.PointIdFactory.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Points/Get selects payload and vectors exactly as the other reads do, and order_by reads datetimes
 * as datetime_range does: Qdrant has one retrieve path (lib/collection/src/collection_manager/
 * segments_searcher.rs retrieve, used by Get and by every search's payload/vector fill) and one datetime
 * parser (DateTimeWrapper::from_str in lib/segment/src/types.rs, used by filters and datetime indexes).
 */
class ReadSelectionConformanceTest extends ConformanceTestBase {

    @Test
    void getRejectsAnUnknownVectorNameInWithVectorsLikeSearch() {
        String c = crossedNamedVectors();
        // the segment's check_vector_name: VectorNameError "Not existing vector name error: {name}"
        assertGrpcError(() -> await(client.retrieveAsync(c, List.of(id(1)), WithPayloadSelectorFactory.enable(false),
                WithVectorsSelectorFactory.include(List.of("a", "nope")), null)),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Not existing vector name error: nope");
    }

    @Test
    void getExcludesAPathThroughAnArrayFromEveryElement() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("a", List.of(obj("b", 1, "c", 2), obj("b", 3)), "d", 4)));
        // PayloadSelectorExclude removes each path with JsonPath::value_remove: `a[].b` from every element
        RetrievedPoint p = await(client.retrieveAsync(c, List.of(id(1)),
                WithPayloadSelectorFactory.exclude(List.of("a[].b")), WithVectorsSelectorFactory.enable(false), null))
                .get(0);
        assertThat(p.getPayloadMap()).isEqualTo(payload("a", List.of(obj("c", 2), obj()), "d", 4));
    }

    @Test
    void orderByReadsEveryDatetimeFormTheFilterAccepts() {
        String c = newCollection(2, Distance.Dot);
        upsert(c,
                point(1, new float[] {1, 0}, payload("at", "2024-01-01T00:00:00Z")),
                // +HHMM offset (chrono's %#z): 2023-12-31T23:30:00Z
                point(2, new float[] {1, 0}, payload("at", "2024-01-01T00:30:00+0100")),
                // no offset, no seconds ("%Y-%m-%d %H:%M"): UTC
                point(3, new float[] {1, 0}, payload("at", "2023-12-31 23:45")),
                point(4, new float[] {1, 0}, payload("at", "not a date")));
        createIndex(c, "at", PayloadSchemaType.Datetime);

        List<RetrievedPoint> ordered = await(client.scrollAsync(ScrollPoints.newBuilder().setCollectionName(c)
                .setLimit(10).setOrderBy(OrderBy.newBuilder().setKey("at")).build())).getResultList();

        // a value the index cannot parse is not indexed, so order_by does not return its point
        assertThat(idsOfRetrieved(ordered)).containsExactly(2L, 3L, 1L);
    }
}
