package io.github.qdrantscope.core.wire;

import static io.github.qdrantscope.core.wire.ScopedClients.createCollection;
import static io.github.qdrantscope.core.wire.ScopedClients.get;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.UnscopedPolicy;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pages of scroll-like reads (Scroll, Query without a query) over a project whose ids mix numbers (some at or above
 * 2^63, which Qdrant orders unsigned) and UUIDs (some with the high bit set): each page is the application's ids in
 * Qdrant's id order, with only the application's payload, whatever order the server stores them in.
 */
class ScopedPagesTest {

    private static ScopedClients qdrant;

    private static QdrantClient client;

    private static ProjectScope project;

    /** The project's application ids in Qdrant's order. */
    private static final List<PointId> ORDERED = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        qdrant = new ScopedClients();
        client = qdrant.scoped(UnscopedPolicy.ALLOW);
        createCollection(client, "paged", 2, Distance.Cosine);
        List<Long> numbers = List.of(0L, 1L, 2L, 9L, 10L, 1_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, -1L);
        numbers.stream().sorted(Long::compareUnsigned).forEach(n -> ORDERED.add(id(n)));
        Random random = new Random(8);
        List<UUID> uuids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            uuids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        uuids.sort((x, y) -> {
            int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
        });
        uuids.forEach(uuid -> ORDERED.add(id(uuid)));
        List<PointStruct> points = new ArrayList<>();
        for (PointId id : ORDERED) {
            points.add(PointStruct.newBuilder().setId(id).setVectors(vectors(1, 0))
                .putAllPayload(Map.of("name", value(id.toString()))).build());
        }
        Collections.shuffle(points, random);
        project = ScopedClients.project("pages");
        try (ProjectScope.Binding ignored = ProjectScope.open(project)) {
            get(client.upsertAsync("paged", points));
        }
        try (ProjectScope.Binding ignored = ProjectScope.open(ScopedClients.project("other"))) {
            get(client.upsertAsync("paged", points));
        }
    }

    @AfterAll
    static void stop() {
        qdrant.close();
    }

    @Test
    void scrollPagesWalkTheProjectInQdrantsIdOrder() throws Exception {
        List<PointId> seen = new ArrayList<>();
        PointId offset = null;
        do {
            ScrollPoints.Builder request = ScrollPoints.newBuilder().setCollectionName("paged").setLimit(4)
                .setWithPayload(WithPayloadSelectorFactory.enable(true));
            if (offset != null) {
                request.setOffset(offset);
            }
            ScrollResponse page;
            try (ProjectScope.Binding ignored = ProjectScope.open(project)) {
                page = get(client.scrollAsync(request.build()));
            }
            assertThat(page.getResultList()).hasSizeLessThanOrEqualTo(4).allSatisfy(point -> assertThat(
                    point.getPayloadMap()).containsOnlyKeys("name"));
            page.getResultList().forEach(point -> seen.add(point.getId()));
            offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
            if (offset != null) {
                assertThat(offset).isEqualTo(ORDERED.get(seen.size()));
            }
        }
        while (offset != null);
        assertThat(seen).containsExactlyElementsOf(ORDERED);
    }

    @Test
    void scrollFromAnOffsetThatIsNoPointStartsAtTheNextId() throws Exception {
        ScrollResponse page;
        try (ProjectScope.Binding ignored = ProjectScope.open(project)) {
            page = get(client.scrollAsync(ScrollPoints.newBuilder().setCollectionName("paged").setLimit(3)
                .setOffset(id(3)).build()));
        }
        assertThat(page.getResultList()).extracting(RetrievedPoint::getId)
            .containsExactly(id(9), id(10), id(1_000_000));
        assertThat(page.getNextPageOffset()).isEqualTo(id(Long.MAX_VALUE));
    }

    @Test
    void queryWithoutAQueryPagesByOffsetAndLimit() throws Exception {
        List<ScoredPoint> page;
        try (ProjectScope.Binding ignored = ProjectScope.open(project)) {
            page = get(client.queryAsync(QueryPoints.newBuilder().setCollectionName("paged").setOffset(7).setLimit(5)
                .setWithPayload(WithPayloadSelectorFactory.enable(true)).build()));
        }
        assertThat(page).extracting(ScoredPoint::getId).containsExactlyElementsOf(ORDERED.subList(7, 12));
        assertThat(page).allSatisfy(point -> assertThat(point.getPayloadMap()).containsOnlyKeys("name"));
    }

    @Test
    void orderKeysOrderLikeQdrantOrder() {
        List<PointId> shuffled = new ArrayList<>(ORDERED);
        shuffled.add(id(UUID.fromString("00000000-0000-0000-0000-000000000000")));
        shuffled.add(PointId.newBuilder().setUuid("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF").build());
        Collections.shuffle(shuffled, new Random(3));
        List<PointId> byComparator = new ArrayList<>(shuffled);
        byComparator.sort(WireIds.QDRANT_ORDER);
        List<PointId> byKey = new ArrayList<>(shuffled);
        byKey.sort((a, b) -> WireIds.OrderKey.of(a).compareTo(WireIds.OrderKey.of(b)));
        assertThat(byKey).containsExactlyElementsOf(byComparator);
        assertThat(byComparator.subList(0, ORDERED.size() - 12)).containsExactlyElementsOf(ORDERED.subList(0, 9));
    }
}
