package io.github.qdrantscope.core.wire;

import static io.qdrant.client.PointIdFactory.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.github.qdrantscope.core.client.CallRejection;
import io.qdrant.client.grpc.Common.PointId;
import org.junit.jupiter.api.Test;

class ScopedIdsTest {

    private static final String PROJECT = "orders-1a2b3c4d";

    @Test
    void theOriginalUuidIsComputedBackFromEveryStoredOne() {
        UuidIds ids = UuidIds.of(PROJECT);
        Random random = new Random(11);
        List<UUID> edges = List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(0, 1), new UUID(Long.MIN_VALUE, 0),
                UUID.fromString("00000000-0000-0000-0000-000000001ea5"));
        for (UUID id : edges) {
            assertThat(ids.original(ids.stored(id))).isEqualTo(id);
        }
        for (int i = 0; i < 100_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            assertThat(ids.original(ids.stored(id))).isEqualTo(id);
            assertThat(ids.stored(ids.original(id))).isEqualTo(id);
        }
    }

    @Test
    void oneProjectsUuidsNeverShareAStoredIdAndTwoProjectsGetDifferentOnes() {
        UuidIds a = UuidIds.of(PROJECT);
        UuidIds b = UuidIds.of("orders-1a2b3c4e");
        Set<UUID> stored = new HashSet<>();
        // ids as tests write them: sequential, differing in a few low bits, or in the high half only
        for (long i = 1; i <= 25_000; i++) {
            for (UUID id : List.of(new UUID(0, i), new UUID(i, 0))) {
                stored.add(a.stored(id));
                stored.add(b.stored(id));
            }
        }
        assertThat(stored.size()).isEqualTo(100_000);
        assertThat(a.stored(new UUID(0, 1))).isNotEqualTo(new UUID(0, 1));
    }

    @Test
    void everyFormQdrantAcceptsIsOneIdAndComesBackCanonical() {
        ScopedIds ids = ScopedIds.of(PROJECT);
        String canonical = "f9168c5e-ceb2-4faa-b6bf-329bf39fa1e4";
        PointId stored = ids.stored(id(UUID.fromString(canonical)));
        for (String form : List.of("F9168C5E-CEB2-4FAA-B6BF-329BF39FA1E4", "f9168c5eceb24faab6bf329bf39fa1e4",
                "{f9168c5e-ceb2-4faa-b6bf-329bf39fa1e4}", "urn:uuid:F9168C5E-CEB2-4faa-B6BF-329BF39FA1E4")) {
            assertThat(ids.stored(PointId.newBuilder().setUuid(form).build())).isEqualTo(stored);
        }
        assertThat(stored.getUuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(ids.original(stored)).isEqualTo(PointId.newBuilder().setUuid(canonical).build());
        // a new instance, as another request or another JVM would make, computes the same
        assertThat(ScopedIds.of(PROJECT).original(stored).getUuid()).isEqualTo(canonical);
    }

    @Test
    void numbersStayNumbersAndUuidsStayUuids() {
        ScopedIds ids = ScopedIds.of(PROJECT);
        assertThat(ids.stored(id(7)).hasNum()).isTrue();
        assertThat(ids.original(ids.stored(id(7)))).isEqualTo(id(7));
        assertThat(ids.stored(id(7))).isEqualTo(id(NumericIds.of(PROJECT).stored(7)));
        assertThat(ids.stored(id(new UUID(0, 7))).hasUuid()).isTrue();
    }

    @Test
    void whatQdrantRefusesIsRefusedWithItsMessage() {
        ScopedIds ids = ScopedIds.of(PROJECT);
        for (String bad : List.of("", "not-a-uuid", "f9168c5e-ceb2-4faa-b6bf-329bf39fa1e", "urn:uuid:f9168c5eceb24faab6bf329bf39fa1e4",
                "f9168c5e+ceb2-4faa-b6bf-329bf39fa1e4", "g9168c5e-ceb2-4faa-b6bf-329bf39fa1e4",
                "f9168c5eceb24faab6bf329bf39fa1e４", "(f9168c5e-ceb2-4faa-b6bf-329bf39fa1e4)")) {
            assertThatThrownBy(() -> ids.stored(PointId.newBuilder().setUuid(bad).build()))
                .isInstanceOf(CallRejection.class)
                .hasMessageContaining("Unable to parse UUID: " + bad);
        }
    }
}
