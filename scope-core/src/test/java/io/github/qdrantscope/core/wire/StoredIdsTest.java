package io.github.qdrantscope.core.wire;

import static io.github.qdrantscope.core.wire.ScopedClients.createCollection;
import static io.github.qdrantscope.core.wire.ScopedClients.get;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.UnscopedPolicy;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.SearchPoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application's ids are computed back from the stored ones, for UUIDs as for numbers: nothing is kept in the
 * payload, so nothing a payload write does can lose it, and nothing is remembered, so a client that never saw the
 * write (another JVM's) reads the same ids.
 */
class StoredIdsTest {

    private static final UUID APPLICATION_UUID = UUID.fromString("0d7f3a1e-5b2c-4e8d-9f60-7a1b2c3d4e5f");

    private static ScopedClients qdrant;

    private static QdrantClient client;

    /** A client of its own registry, as in another JVM: it saw none of the writes. */
    private static QdrantClient stranger;

    @BeforeAll
    static void start() {
        qdrant = new ScopedClients();
        client = qdrant.scoped(UnscopedPolicy.ALLOW);
        stranger = qdrant.scopedElsewhere();
    }

    @AfterAll
    static void stop() {
        qdrant.close();
    }

    private static List<PointStruct> points() {
        return List.of(
                PointStruct.newBuilder().setId(id(APPLICATION_UUID)).setVectors(vectors(1f, 0f))
                    .putAllPayload(Map.of("name", value("uuid"), "rank", value(1))).build(),
                PointStruct.newBuilder().setId(id(42)).setVectors(vectors(0.6f, 0.8f))
                    .putAllPayload(Map.of("name", value("number"))).build());
    }

    private static <T> T in(ProjectScope scope, ThrowingSupplier<T> call) throws Exception {
        try (ProjectScope.Binding ignored = ProjectScope.open(scope)) {
            return call.get();
        }
    }

    @Test
    void aUuidPointKeepsItsIdAfterClearPayloadAndOverwritePayload() throws Exception {
        createCollection(client, "cleared", 2, Distance.Cosine);
        ProjectScope scope = ScopedClients.project("ids");
        in(scope, () -> get(client.upsertAsync("cleared", points())));
        // the id given in another form Qdrant accepts names the same point
        PointId upper = PointId.newBuilder().setUuid(APPLICATION_UUID.toString().toUpperCase()).build();

        in(scope, () -> get(client.clearPayloadAsync("cleared", List.of(upper), true, null, null)));
        assertThat(ids(scope, client, "cleared")).containsExactly(id(42), id(APPLICATION_UUID));
        assertThat(in(scope, () -> get(client.retrieveAsync("cleared", id(APPLICATION_UUID), true, false, null))))
            .singleElement().satisfies(point -> {
                assertThat(point.getId()).isEqualTo(id(APPLICATION_UUID));
                assertThat(point.getPayloadMap()).isEmpty();
            });

        in(scope, () -> get(client.overwritePayloadAsync("cleared", Map.of("name", value("again")),
                List.of(id(APPLICATION_UUID), id(42)), true, null, null)));
        List<ScoredPoint> found = in(scope, () -> get(client.searchAsync(SearchPoints.newBuilder()
            .setCollectionName("cleared").addAllVector(List.of(1f, 0f)).setLimit(10)
            .setWithPayload(WithPayloadSelectorFactory.enable(true)).build())));
        assertThat(found).extracting(ScoredPoint::getId).containsExactly(id(APPLICATION_UUID), id(42));
        assertThat(found).allSatisfy(point -> assertThat(point.getPayloadMap())
            .containsExactlyEntriesOf(Map.of("name", value("again"))));
        assertThat(ids(scope, stranger, "cleared")).containsExactly(id(42), id(APPLICATION_UUID));
    }

    @Test
    void theServerKeepsOnlyTheProjectStampAndTheIdsComputeBack() throws Exception {
        createCollection(client, "stored", 2, Distance.Cosine);
        ProjectScope scope = ScopedClients.project("ids");
        ProjectScope custom = new ProjectScope(ProjectNames.newName("ids"), "tenant");
        in(scope, () -> get(client.upsertAsync("stored", points())));
        in(custom, () -> get(client.upsertAsync("stored", points())));

        List<RetrievedPoint> stored = get(qdrant.raw().scrollAsync(ScrollPoints.newBuilder()
            .setCollectionName("stored").setLimit(10).setWithPayload(WithPayloadSelectorFactory.enable(true))
            .build())).getResultList();
        assertThat(stored).hasSize(4).noneSatisfy(point -> assertThat(point.getId())
            .isIn(id(APPLICATION_UUID), id(42)));
        assertThat(stored).allSatisfy(point -> assertThat(point.getPayloadMap())
            .doesNotContainKey(ProjectNames.ORIGINAL_ID_KEY));
        assertThat(stored).filteredOn(point -> point.getPayloadMap().containsKey(ScopedProject.DEFAULT_KEY))
            .allSatisfy(point -> assertThat(point.getPayloadMap().keySet())
                .isSubsetOf("name", "rank", ScopedProject.DEFAULT_KEY))
            .extracting(point -> ScopedIds.of(scope.name()).original(point.getId()))
            .containsExactlyInAnyOrder(id(APPLICATION_UUID), id(42));
        assertThat(stored).filteredOn(point -> point.getPayloadMap().containsKey("tenant"))
            .allSatisfy(point -> assertThat(point.getPayloadMap().keySet())
                .isSubsetOf("name", "rank", "tenant", ProjectNames.PROJECT_KEY_KEY))
            .extracting(point -> ScopedIds.of(custom.name()).original(point.getId()))
            .containsExactlyInAnyOrder(id(APPLICATION_UUID), id(42));
        assertThat(ids(scope, stranger, "stored")).containsExactly(id(42), id(APPLICATION_UUID));
        assertThat(ids(custom, stranger, "stored")).containsExactly(id(42), id(APPLICATION_UUID));
    }

    private static List<PointId> ids(ProjectScope scope, QdrantClient through, String collection) throws Exception {
        return in(scope, () -> get(through.scrollAsync(ScrollPoints.newBuilder().setCollectionName(collection)
            .setLimit(10).build()))).getResultList().stream().map(RetrievedPoint::getId).toList();
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
