package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Point ids: unsigned 64-bit numbers or UUIDs in any form {@code uuid::Uuid::parse_str} accepts, returned
 * lowercase hyphenated; numeric ids order before UUIDs (lib/api/src/grpc/conversions.rs
 * TryFrom&lt;PointId&gt; for ExtendedPointId; lib/segment/src/types.rs ExtendedPointId ordering).
 */
class PointIdsConformanceTest extends ConformanceTestBase {

    private static final String CANONICAL = "550e8400-e29b-41d4-a716-446655440000";

    private static PointStruct uuidPoint(String uuid, Map<String, io.qdrant.client.grpc.JsonWithInt.Value> payload) {
        return PointStruct.newBuilder().setId(PointId.newBuilder().setUuid(uuid)).setVectors(vectors(1, 0))
                .putAllPayload(payload).build();
    }

    @Test
    void everyUuidFormIsAcceptedAndReturnedLowercaseHyphenated() {
        List<String> forms = List.of(
                "550E8400-E29B-41D4-A716-446655440000",
                "550e8400e29b41d4a716446655440000",
                "{550e8400-e29b-41d4-a716-446655440000}",
                "urn:uuid:550e8400-e29b-41d4-a716-446655440000");
        for (String form : forms) {
            String c = newCollection(2, Distance.Dot);

            upsert(c, uuidPoint(form, payload("form", form)));

            assertThat(scrollIds(c, null)).as(form).containsExactly(CANONICAL);
            List<RetrievedPoint> got = await(client.retrieveAsync(c,
                    List.of(PointId.newBuilder().setUuid(CANONICAL).build()), true, false, null));
            assertThat(got).as(form).singleElement()
                    .satisfies(p -> assertThat(p.getId().getUuid()).isEqualTo(CANONICAL));
        }
    }

    @Test
    void differentFormsOfOneUuidAreTheSamePoint() {
        String c = newCollection(2, Distance.Dot);

        upsert(c, uuidPoint("550E8400-E29B-41D4-A716-446655440000", payload("v", 1)));
        upsert(c, uuidPoint("550e8400e29b41d4a716446655440000", payload("v", 2)));

        assertThat(await(client.countAsync(c))).isEqualTo(1);
        assertThat(await(client.retrieveAsync(c, List.of(PointId.newBuilder().setUuid(CANONICAL).build()),
                true, false, null)).get(0).getPayloadMap()).isEqualTo(payload("v", 2));
    }

    @Test
    void unparsableUuidIsInvalidArgument() {
        String c = newCollection(2, Distance.Dot);
        // lib/api/src/grpc/conversions.rs: Status::invalid_argument(format!("Unable to parse UUID: {uuid}"))
        assertGrpcError(() -> upsert(c, uuidPoint("not-a-uuid", Map.of())), Status.Code.INVALID_ARGUMENT,
                "Unable to parse UUID: not-a-uuid");
        assertGrpcError(() -> await(client.retrieveAsync(c, List.of(PointId.newBuilder().setUuid("42").build()),
                false, false, null)), Status.Code.INVALID_ARGUMENT, "Unable to parse UUID: 42");
    }

    @Test
    void numericIdsSortBeforeUuidsAndNumbersAreUnsigned() {
        String c = newCollection(2, Distance.Dot);
        String low = "00000000-0000-0000-0000-000000000001";
        String high = "ffffffff-0000-0000-0000-000000000000";
        long unsignedMax = -1L; // 2^64 - 1 on the wire

        upsert(c, uuidPoint(high, Map.of()), point(unsignedMax, 1, 0), point(10, 1, 0), uuidPoint(low, Map.of()),
                point(2, 1, 0));

        // numbers compare as u64, so 2^64-1 is the largest number, still before every UUID
        assertThat(scrollIds(c, null)).containsExactly(2L, 10L, unsignedMax, low, high);
    }

    @Test
    void numericIdRoundTripsAsNumber() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(123456789012L, 1, 0));

        RetrievedPoint p = await(client.retrieveAsync(c, List.of(id(123456789012L)), false, false, null)).get(0);

        assertThat(p.getId().hasNum()).isTrue();
        assertThat(p.getId().getNum()).isEqualTo(123456789012L);
    }

    @Test
    void missingIdIsRejected() {
        String c = newCollection(2, Distance.Dot);
        // lib/api/src/grpc/conversions.rs TryFrom<PointStruct>:
        // id.ok_or_else(|| Status::invalid_argument("Empty ID is not allowed"))
        Status status = grpcError(() -> upsert(c, PointStruct.newBuilder().setVectors(vectors(1, 0)).build()));
        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).isEqualTo("Empty ID is not allowed");
    }
}
