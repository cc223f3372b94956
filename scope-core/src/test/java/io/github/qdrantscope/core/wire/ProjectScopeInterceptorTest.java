package io.github.qdrantscope.core.wire;

import static io.github.qdrantscope.core.wire.ScopedClients.createCollection;
import static io.github.qdrantscope.core.wire.ScopedClients.get;
import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.UnscopedPolicy;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two projects writing the same ids into one collection through scoped official clients. */
class ProjectScopeInterceptorTest {

    private static final UUID SHARED_UUID = UUID.fromString("6f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b");

    private static ScopedClients qdrant;

    private static QdrantClient client;

    @BeforeAll
    static void start() {
        qdrant = new ScopedClients();
        client = qdrant.scoped(UnscopedPolicy.FAIL, name -> name.startsWith("guarded"));
    }

    @AfterAll
    static void stop() {
        qdrant.close();
    }

    private static List<PointStruct> fixture(String tag) {
        return List.of(
                point(id(1), new float[] { 1, 0 }, tag, "one"),
                point(id(2), new float[] { 0.8f, 0.6f }, tag, "two"),
                point(id(SHARED_UUID), new float[] { 0, 1 }, tag, "uuid"));
    }

    private static PointStruct point(PointId id, float[] vector, String tag, String name) {
        return PointStruct.newBuilder().setId(id).setVectors(vectors(vector))
            .putAllPayload(Map.of("tag", value(tag), "name", value(name)))
            .build();
    }

    private static <T> T in(ProjectScope scope, ThrowingSupplier<T> call) throws Exception {
        try (ProjectScope.Binding ignored = ProjectScope.open(scope)) {
            return call.get();
        }
    }

    @Test
    void sameIdsInTwoProjectsAreTwoPointsAndEachProjectSeesOnlyItsOwn() throws Exception {
        createCollection(client, "shared", 2, Distance.Cosine);
        ProjectScope a = ScopedClients.project("a");
        ProjectScope b = ScopedClients.project("b");
        in(a, () -> get(client.upsertAsync("shared", fixture("a"))));
        in(b, () -> get(client.upsertAsync("shared", fixture("b"))));

        assertThat(get(qdrant.raw().countAsync("shared"))).isEqualTo(6);
        for (ProjectScope scope : List.of(a, b)) {
            String tag = scope == a ? "a" : "b";
            List<RetrievedPoint> got = in(scope, () -> get(client.retrieveAsync("shared",
                    List.of(id(2), id(1), id(SHARED_UUID)), true, false, null)));
            assertThat(got).extracting(RetrievedPoint::getId).containsExactly(id(2), id(1), id(SHARED_UUID));
            assertThat(got).allSatisfy(p -> assertThat(p.getPayloadMap()).containsOnlyKeys("tag", "name")
                .containsEntry("tag", value(tag)));
            assertThat(in(scope, () -> get(client.countAsync("shared")))).isEqualTo(3);
            List<ScoredPoint> found = in(scope, () -> get(client.searchAsync(SearchPoints.newBuilder()
                .setCollectionName("shared").addAllVector(List.of(1f, 0f)).setLimit(10).build())));
            assertThat(found).extracting(ScoredPoint::getId).containsExactly(id(1), id(2), id(SHARED_UUID));
            assertThat(found).allSatisfy(p -> assertThat(p.getPayloadMap()).isEmpty());
        }
    }

    @Test
    void deletesByFilterAndClearedPayloadsStayInTheProject() throws Exception {
        createCollection(client, "deletes", 2, Distance.Dot);
        ProjectScope a = ScopedClients.project("a");
        ProjectScope b = ScopedClients.project("b");
        in(a, () -> get(client.upsertAsync("deletes", fixture("a"))));
        in(b, () -> get(client.upsertAsync("deletes", fixture("b"))));

        in(a, () -> get(client.deleteAsync("deletes", Filter.getDefaultInstance())));
        in(b, () -> get(client.clearPayloadAsync("deletes", List.of(id(1)), true, null, null)));

        assertThat(in(a, () -> get(client.countAsync("deletes")))).isZero();
        assertThat(in(b, () -> get(client.countAsync("deletes")))).isEqualTo(3);
        List<RetrievedPoint> cleared = in(b, () -> get(client.retrieveAsync("deletes", id(1), true, false, null)));
        assertThat(cleared).singleElement().satisfies(p -> assertThat(p.getPayloadMap()).isEmpty());
        assertThat(in(b, () -> get(client.countAsync("deletes", Filter.newBuilder()
            .addMust(hasId(id(1))).build(), true)))).isEqualTo(1);
    }

    @Test
    void scrollPagesFollowTheApplicationsIdsAndOffsets() throws Exception {
        createCollection(client, "pages", 2, Distance.Cosine);
        ProjectScope a = ScopedClients.project("a");
        in(a, () -> get(client.upsertAsync("pages", fixture("a"))));
        in(ScopedClients.project("b"), () -> get(client.upsertAsync("pages", fixture("b"))));

        ScrollResponse first = in(a, () -> get(client.scrollAsync(ScrollPoints.newBuilder()
            .setCollectionName("pages").setLimit(2).build())));
        assertThat(first.getResultList()).extracting(RetrievedPoint::getId).containsExactly(id(1), id(2));
        assertThat(first.getNextPageOffset()).isEqualTo(id(SHARED_UUID));
        ScrollResponse second = in(a, () -> get(client.scrollAsync(ScrollPoints.newBuilder()
            .setCollectionName("pages").setLimit(2).setOffset(first.getNextPageOffset()).build())));
        assertThat(second.getResultList()).extracting(RetrievedPoint::getId).containsExactly(id(SHARED_UUID));
        assertThat(second.hasNextPageOffset()).isFalse();
    }

    @Test
    void queriesByIdAndFiltersOnIdsUseTheApplicationsIds() throws Exception {
        createCollection(client, "queries", 2, Distance.Cosine);
        ProjectScope a = ScopedClients.project("a");
        in(a, () -> get(client.upsertAsync("queries", fixture("a"))));
        in(ScopedClients.project("b"), () -> get(client.upsertAsync("queries", fixture("b"))));

        List<ScoredPoint> nearest = in(a, () -> get(client.queryAsync(QueryPoints.newBuilder()
            .setCollectionName("queries").setQuery(QueryFactory.nearest(id(1)))
            .setWithPayload(WithPayloadSelectorFactory.enable(true)).build())));
        // the example itself is excluded, as Qdrant does for ids used in a query
        assertThat(nearest).extracting(ScoredPoint::getId).containsExactly(id(2), id(SHARED_UUID));
        assertThat(nearest).allSatisfy(p -> assertThat(p.getPayloadMap()).containsOnlyKeys("tag", "name"));
        List<ScoredPoint> filtered = in(a, () -> get(client.queryAsync(QueryPoints.newBuilder()
            .setCollectionName("queries").setQuery(QueryFactory.nearest(1f, 0f))
            .setFilter(Filter.newBuilder().addMustNot(hasId(List.of(id(2), id(SHARED_UUID))))).build())));
        assertThat(filtered).extracting(ScoredPoint::getId).containsExactly(id(1));
    }

    @Test
    void errorsNameTheApplicationsIdsNotTheStoredOnes() throws Exception {
        // another project has points 2 and SHARED_UUID; this one has only 1: Qdrant answers "not found" for the
        // stored (namespaced) id, and the application must read its own id in the text, as from a Qdrant of its own
        createCollection(client, "errors", 2, Distance.Cosine);
        ProjectScope a = ScopedClients.project("a");
        in(ScopedClients.project("b"), () -> get(client.upsertAsync("errors", fixture("b"))));
        in(a, () -> get(client.upsertAsync("errors", fixture("a").subList(0, 1))));

        assertThatThrownBy(() -> in(a, () -> get(client.queryAsync(QueryPoints.newBuilder()
            .setCollectionName("errors").setQuery(QueryFactory.nearest(id(2))).build()))))
            .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
                assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                assertThat(ex.getStatus().getDescription()).isEqualTo("Not found: No point with id 2 found");
            });
        assertThatThrownBy(() -> in(a, () -> get(client.setPayloadAsync("errors", Map.of("name", value("x")),
                id(SHARED_UUID), true, null, null))))
            .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
                assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                assertThat(ex.getStatus().getDescription())
                    .isEqualTo("Not found: No point with id " + SHARED_UUID + " found");
            });
    }

    @Test
    void reservedPayloadFieldsAreRefusedAndNothingIsWritten() throws Exception {
        createCollection(client, "reserved", 2, Distance.Cosine);
        ProjectScope a = ScopedClients.project("a");
        PointStruct bad = point(id(7), new float[] { 1, 0 }, "a", "bad").toBuilder()
            .putPayload(ProjectNames.ORIGINAL_ID_KEY, value("x")).build();
        assertThatThrownBy(() -> in(a, () -> get(client.upsertAsync("reserved", List.of(fixture("a").get(0), bad)))))
            .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
                assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(ex.getStatus().getDescription()).contains("point 7", "'qdrant_scope_id'", a.name());
            });
        assertThatThrownBy(() -> in(a, () -> get(client.setPayloadAsync("reserved",
                Map.of(ScopedProject.DEFAULT_KEY, value("other")), id(1), true, null, null))))
            .hasMessageContaining("SetPayload payload key 'qdrant_scope_project'");
        ProjectScope custom = new ProjectScope(ProjectNames.newName("c"), "tenant");
        assertThatThrownBy(() -> in(custom, () -> get(client.upsertAsync("reserved", List.of(point(id(3),
                new float[] { 1, 0 }, "c", "c").toBuilder().putPayload("tenant", value("acme")).build())))))
            .hasMessageContaining("payload field 'tenant'")
            .hasMessageContaining("@ScopedProject(key = \"tenant\")");
        assertThat(get(qdrant.raw().countAsync("reserved"))).isZero();
    }

    @Test
    void unscopedCallsOnGuardedCollectionsFailUnderTheFailPolicy() throws Exception {
        createCollection(qdrant.raw(), "guarded-docs", 2, Distance.Cosine);
        assertThatThrownBy(() -> get(client.upsertAsync("guarded-docs", fixture("none"))))
            .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
                assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                assertThat(ex.getStatus().getDescription()).contains("raw QdrantClient Upsert",
                        "'guarded-docs'", "qdrant-scope.unscoped=fail");
            });
        assertThat(get(qdrant.raw().countAsync("guarded-docs"))).isZero();
        assertThat(qdrant.contention).contains("unscoped_write guarded-docs");
    }

    @Test
    void cleanupRecordsKnowEveryCollectionAndItsPoints() throws Exception {
        createCollection(client, "record-1", 2, Distance.Cosine);
        createCollection(client, "record-2", 2, Distance.Cosine);
        ProjectScope a = ScopedClients.project("a");
        in(a, () -> get(client.upsertAsync("record-1", fixture("a"))));
        in(a, () -> get(client.deleteAsync("record-1", List.of(id(2)))));
        in(a, () -> get(client.upsertAsync("record-2", fixture("a"))));
        in(a, () -> get(client.deleteAsync("record-2", Filter.newBuilder().addMust(matchKeyword("name", "one"))
            .build())));

        assertThat(qdrant.projects.take(a.name())).containsExactlyInAnyOrder(
                new ScopedProjects.CollectionWrites("record-1", true, 2),
                new ScopedProjects.CollectionWrites("record-2", false, 3));
        assertThat(qdrant.projects.take(a.name())).isEmpty();
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
