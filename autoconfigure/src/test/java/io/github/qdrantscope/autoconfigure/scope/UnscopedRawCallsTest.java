package io.github.qdrantscope.autoconfigure.scope;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qdrantscope.core.UnscopedPolicy;
import io.github.qdrantscope.core.wire.ProjectScopeInterceptor;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.github.qdrantscope.core.wire.UnscopedAccessGuard;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ProxiedCalls;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.wire.UnscopedPointRequests;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.qdrantscope.core.lease.CollectionLease;
import io.github.qdrantscope.core.lease.LeaseOwner;
import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.autoconfigure.scope.RecordingScopeMetrics.Contention;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.UpdatePointVectors;
import io.qdrant.client.grpc.Points.VectorsSelector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Raw-client calls outside any project scope, through the {@link ProjectScopeInterceptor} on a real client
 * talking to the embedded server, for every kind of {@code Points} RPC: which requests the unscoped-access guard
 * counts (kind, collection and detail exactly) and which not; inside a scope the same calls are scoped instead. Each test has its
 * own collection, holding point 1 of project A and point 2 of project B, and its own recording metrics.
 */
@Execution(ExecutionMode.CONCURRENT)
class UnscopedRawCallsTest {

    private static final String KEY = ScopedProject.DEFAULT_KEY;

    private static final ProjectScope A = new ProjectScope("a-0000000a", KEY);

    private static final ProjectScope B = new ProjectScope("b-0000000b", KEY);

    private static final String NO_CONDITION = "without a condition on payload key '" + KEY + "'";

    private static final String BY_ID = "selecting points by id only, " + NO_CONDITION;

    private static final AtomicInteger COLLECTIONS = new AtomicInteger();

    private final String collection = "counter_" + COLLECTIONS.incrementAndGet() + "_"
            + UUID.randomUUID().toString().substring(0, 8);

    private final RecordingScopeMetrics metrics = new RecordingScopeMetrics();

    /** Without the counter: sets up and reads back, as the fork's administrative client does. */
    private final QdrantClient admin = TestQdrant.client();

    /** With the interceptor, as the starter's QdrantClient bean, unscoped calls only counted. */
    private final QdrantClient raw = TestQdrant.client(new ProjectScopeInterceptor(new ScopedProjects(),
            new UnscopedAccessGuard(UnscopedPolicy.ALLOW, () -> this.metrics), this.collection::equals));

    @BeforeEach
    void createCollectionWithAPointOfEachProject() throws Exception {
        VectorParams params = VectorParams.newBuilder().setSize(4).setDistance(Distance.Cosine).build();
        this.admin.createCollectionAsync(this.collection, Map.of("text", params, "image", params)).get();
        this.admin.upsertAsync(this.collection, List.of(point(1, KEY, A.name()), point(2, KEY, B.name()))).get();
        assertThat(this.metrics.contentions).isEmpty();
    }

    @AfterEach
    void dropCollection() throws Exception {
        try {
            this.admin.deleteCollectionAsync(this.collection).get();
        }
        finally {
            this.admin.close();
            this.raw.close();
        }
    }

    @Test
    void upsertOutsideAScopeCountsAPointWithoutTheDefaultKeyOncePerCall() throws Exception {
        // outside a scope any value of the key is a project: not counted
        this.raw.upsertAsync(this.collection, List.of(point(3, KEY, "some-project"))).get();
        assertThat(this.metrics.contentions).isEmpty();

        this.raw.upsertAsync(this.collection, List.of(point(4, KEY, A.name()), point(5, "color", "red"),
                point(6, "color", "blue"))).get();

        assertThat(this.metrics.contentions).containsExactly(contention(ContentionKind.UNSCOPED_WRITE, null,
                "Upsert", "with point 5 lacking payload key '" + KEY + "'"));
        // the count does not change what is written
        assertThat(this.admin.countAsync(this.collection).get()).isEqualTo(6);
    }

    @Test
    void upsertInsideAScopeIsStampedAndNamespacedNotCounted() throws Exception {
        try (ProjectScope.Binding ignored = ProjectScope.open(A)) {
            this.raw.upsertAsync(this.collection, List.of(point(4, "color", "blue"))).get();
            assertThat(this.raw.retrieveAsync(this.collection, id(4), true, false, null).get()).singleElement()
                .satisfies(p -> assertThat(p.getPayloadMap()).containsOnlyKeys("color"));
        }
        assertThat(this.metrics.contentions).isEmpty();
        // stored under the project's namespaced id, stamped with the project
        assertThat(this.admin.retrieveAsync(this.collection, id(4), true, false, null).get()).isEmpty();
        assertThat(this.admin.countAsync(this.collection, inProject(A), true).get()).isEqualTo(2);
    }

    @Test
    void upsertInsideAScopeWithItsOwnKeyRefusesAPayloadCarryingThatKey() throws Exception {
        ProjectScope tenant = new ProjectScope("t-0000000c", "tenant");
        try (ProjectScope.Binding ignored = ProjectScope.open(tenant)) {
            assertThatThrownBy(() -> this.raw.upsertAsync(this.collection, List.of(point(3, "tenant", "acme")))
                .get()).hasMessageContaining("INVALID_ARGUMENT")
                .hasMessageContaining("payload key 'tenant'")
                .hasMessageContaining("@ScopedProject(key = \"tenant\")");
            this.raw.upsertAsync(this.collection, List.of(point(4, KEY, "x").toBuilder().removePayload(KEY).build()))
                .get();
        }
        assertThat(this.admin.countAsync(this.collection, inProject(tenant), true).get()).isEqualTo(1);
        assertThat(this.admin.countAsync(this.collection).get()).isEqualTo(3);
        assertThat(this.metrics.contentions).isEmpty();
    }

    @Test
    void setAndOverwritePayloadAreWritesUnlessTheirFilterIsOnTheKey() throws Exception {
        // selected by the key: not counted
        this.raw.setPayloadAsync(this.collection, Map.of("color", value("green")), inProject(A), true, null, null)
            .get();
        this.raw.overwritePayloadAsync(this.collection, Map.of(KEY, value(A.name()), "color", value("red")),
                and(inProject(A), color("green")), true, null, null).get();
        assertThat(this.metrics.contentions).isEmpty();

        // setting the key in the payload does not scope the selection
        this.raw.setPayloadAsync(this.collection, Map.of(KEY, value(A.name())), List.of(id(2)), true, null, null)
            .get();
        this.raw.overwritePayloadAsync(this.collection, Map.of("color", value("blue")), color("red"), true, null,
                null).get();

        assertThat(this.metrics.contentions).containsExactly(
                contention(ContentionKind.UNSCOPED_WRITE, null, "SetPayload", BY_ID),
                contention(ContentionKind.UNSCOPED_WRITE, null, "OverwritePayload", NO_CONDITION));
    }

    @Test
    void updateVectorsIsAWriteUnlessItsUpdateFilterIsOnTheKey() throws Exception {
        this.raw.updateVectorsAsync(UpdatePointVectors.newBuilder()
            .setCollectionName(this.collection)
            .addPoints(textVector(1))
            .setUpdateFilter(inProject(A))
            .build()).get();
        assertThat(this.metrics.contentions).isEmpty();

        this.raw.updateVectorsAsync(this.collection, List.of(textVector(1), textVector(2))).get();
        this.raw.updateVectorsAsync(UpdatePointVectors.newBuilder()
            .setCollectionName(this.collection)
            .addPoints(textVector(2))
            .setUpdateFilter(color("red"))
            .build()).get();

        assertThat(this.metrics.contentions).containsExactly(
                contention(ContentionKind.UNSCOPED_WRITE, null, "UpdateVectors", NO_CONDITION),
                contention(ContentionKind.UNSCOPED_WRITE, null, "UpdateVectors", NO_CONDITION));
    }

    @Test
    void pointPayloadAndVectorDeletesAreDeletesUnlessTheirFilterIsOnTheKey() throws Exception {
        this.raw.deletePayloadAsync(this.collection, List.of("color"), inProject(A), true, null, null).get();
        this.raw.deleteVectorsAsync(this.collection, List.of("image"), inProject(A)).get();
        this.raw.deleteAsync(this.collection, inProject(A)).get();
        this.raw.clearPayloadAsync(this.collection, inProject(A), true, null, null).get();
        assertThat(this.metrics.contentions).isEmpty();

        this.raw.deletePayloadAsync(this.collection, List.of("color"), List.of(id(2)), true, null, null).get();
        this.raw.deleteVectorsAsync(this.collection, List.of("image"), color("red")).get();
        this.raw.clearPayloadAsync(this.collection, List.of(id(2)), true, null, null).get();
        this.raw.deleteAsync(this.collection, List.of(id(2))).get();

        assertThat(this.metrics.contentions).containsExactly(
                contention(ContentionKind.UNSCOPED_DELETE, null, "DeletePayload", BY_ID),
                contention(ContentionKind.UNSCOPED_DELETE, null, "DeleteVectors", NO_CONDITION),
                contention(ContentionKind.UNSCOPED_DELETE, null, "ClearPayload", BY_ID),
                contention(ContentionKind.UNSCOPED_DELETE, null, "Delete", BY_ID));
        assertThat(this.admin.countAsync(this.collection).get()).isZero();
    }

    @Test
    void updateBatchCountsEachOperationAsIfItWereSentAlone() throws Exception {
        Points.PointsIdsList two = Points.PointsIdsList.newBuilder().addIds(id(2)).build();
        List<PointsUpdateOperation> operations = List.of(
                PointsUpdateOperation.newBuilder()
                    .setUpsert(PointsUpdateOperation.PointStructList.newBuilder().addPoints(point(3, KEY, A.name())))
                    .build(),
                PointsUpdateOperation.newBuilder()
                    .setSetPayload(PointsUpdateOperation.SetPayload.newBuilder()
                        .putPayload(KEY, value(A.name()))
                        .setPointsSelector(PointsSelector.newBuilder().setPoints(two)))
                    .build(),
                PointsUpdateOperation.newBuilder()
                    .setUpdateVectors(PointsUpdateOperation.UpdateVectors.newBuilder()
                        .addPoints(textVector(1))
                        .setUpdateFilter(inProject(A)))
                    .build(),
                PointsUpdateOperation.newBuilder()
                    .setDeleteVectors(PointsUpdateOperation.DeleteVectors.newBuilder()
                        .setPointsSelector(PointsSelector.newBuilder().setPoints(two))
                        .setVectors(VectorsSelector.newBuilder().addNames("image")))
                    .build(),
                PointsUpdateOperation.newBuilder()
                    .setOverwritePayload(PointsUpdateOperation.OverwritePayload.newBuilder()
                        .putPayload(KEY, value(A.name()))
                        .setPointsSelector(PointsSelector.newBuilder().setFilter(inProject(A))))
                    .build(),
                PointsUpdateOperation.newBuilder()
                    .setClearPayload(PointsUpdateOperation.ClearPayload.newBuilder()
                        .setPoints(PointsSelector.newBuilder().setFilter(color("red"))))
                    .build(),
                PointsUpdateOperation.newBuilder()
                    .setDeletePayload(PointsUpdateOperation.DeletePayload.newBuilder()
                        .addKeys("color")
                        .setPointsSelector(PointsSelector.newBuilder().setFilter(inProject(A))))
                    .build(),
                PointsUpdateOperation.newBuilder()
                    .setDeletePoints(PointsUpdateOperation.DeletePoints.newBuilder()
                        .setPoints(PointsSelector.newBuilder().setFilter(inProject(A))))
                    .build());

        assertThat(this.raw.batchUpdateAsync(this.collection, operations).get()).hasSize(8);

        assertThat(this.metrics.contentions).containsExactly(
                contention(ContentionKind.UNSCOPED_WRITE, null, "UpdateBatch operation 2 (set_payload)", BY_ID),
                contention(ContentionKind.UNSCOPED_DELETE, null, "UpdateBatch operation 4 (delete_vectors)", BY_ID),
                contention(ContentionKind.UNSCOPED_DELETE, null, "UpdateBatch operation 6 (clear_payload)", NO_CONDITION));
    }

    @Test
    void readsAreCountedWithoutAConditionOnTheKey() throws Exception {
        assertThat(this.raw.countAsync(this.collection, inProject(A), true).get()).isEqualTo(1);
        assertThat(this.metrics.contentions).isEmpty();

        assertThat(this.raw.countAsync(this.collection, color("red"), true).get()).isEqualTo(2);

        assertThat(this.metrics.contentions).containsExactly(
                contention(ContentionKind.UNSCOPED_READ, null, "Count", NO_CONDITION));
    }

    @Test
    void schemaChangesAndCallsOnOtherCollectionsAreNotCounted() throws Exception {
        String other = this.collection + "_other";
        this.admin.createCollectionAsync(other,
                VectorParams.newBuilder().setSize(4).setDistance(Distance.Cosine).build()).get();
        try {
            this.raw.upsertAsync(other, List.of(PointStruct.newBuilder()
                .setId(id(1))
                .setVectors(vectors(1f, 0f, 0f, 0f))
                .build())).get();
            this.raw.deleteAsync(other, List.of(id(1))).get();
            this.raw.createPayloadIndexAsync(this.collection, "color", PayloadSchemaType.Keyword, null, true, null,
                    null).get();
            this.raw.deletePayloadIndexAsync(this.collection, "color", true, null, null).get();
        }
        finally {
            this.admin.deleteCollectionAsync(other).get();
        }
        assertThat(this.metrics.contentions).isEmpty();
    }

    @Test
    void callsOfTheScopingProxyAreNotCountedAgain() throws Exception {
        try (ProjectScope.Binding ignored = ProjectScope.open(A)) {
            ProxiedCalls.run(() -> {
                try {
                    this.raw.upsertAsync(this.collection, List.of(point(3, "color", "red"))).get();
                    return this.raw.deleteAsync(this.collection, List.of(id(3))).get();
                }
                catch (InterruptedException | ExecutionException ex) {
                    throw new IllegalStateException(ex);
                }
            });
            assertThat(this.metrics.contentions).isEmpty();
        }
        // the marker ends with the proxy's call
        this.raw.deleteAsync(this.collection, List.of(id(3))).get();
        assertThat(this.metrics.contentions).containsExactly(
                contention(ContentionKind.UNSCOPED_DELETE, null, "Delete", BY_ID));
    }

    @Test
    void theForkLeasePointWouldBeCountedOnTheCountedClient() throws Exception {
        // which is why the fork writes it through an administrative client of its own (StarterEndToEndTest)
        LeaseOwner owner = new LeaseOwner("run", "1", "host", 42, null, Instant.now());
        PointStruct lease = CollectionLease.toPoint(owner, 4, "doc_content")
            .toBuilder()
            // this test's collection has named vectors; the payload is what counts
            .setVectors(point(0, "color", "red").getVectors())
            .build();
        this.raw.upsertAsync(this.collection, List.of(lease)).get();

        assertThat(this.metrics.contentions).containsExactly(contention(ContentionKind.UNSCOPED_WRITE, null,
                "Upsert", "with point " + CollectionLease.POINT_ID + " lacking payload key '" + KEY + "'"));
    }

    @Test
    void aConditionOnTheKeyAtAnyDepthCountsAsScoped() {
        Common.Filter nested = Common.Filter.newBuilder()
            .addMust(ConditionFactory.filter(Common.Filter.newBuilder()
                .addMust(ConditionFactory.matchKeyword("qdrant_scope_project", "p-00000001"))
                .build()))
            .build();
        Points.SearchPoints search = Points.SearchPoints.newBuilder().setCollectionName("c").setFilter(nested).build();
        assertThat(UnscopedPointRequests.mentionsKey(search, "qdrant_scope_project")).isTrue();
    }

    @Test
    void aFilterOnOtherKeysOrNoFilterIsUnscoped() {
        Points.SearchPoints other = Points.SearchPoints.newBuilder()
            .setCollectionName("c")
            .setFilter(Common.Filter.newBuilder().addMust(ConditionFactory.matchKeyword("color", "red")).build())
            .build();
        assertThat(UnscopedPointRequests.mentionsKey(other, "qdrant_scope_project")).isFalse();
        assertThat(UnscopedPointRequests.mentionsKey(Points.CountPoints.newBuilder().setCollectionName("c").build(),
                "qdrant_scope_project")).isFalse();
    }

    private Contention contention(ContentionKind kind, ProjectScope scope, String operation, String problem) {
        return new Contention(kind, scope != null ? scope.name() : null, this.collection,
                "raw QdrantClient " + operation + " on collection '" + this.collection
                        + "' outside any @ScopedProject scope (" + problem + ")");
    }

    private static PointStruct point(long id, String key, String value) {
        return point(id, key, value(value));
    }

    /** A point with both named vectors, payload {@code color=red} and {@code key=value}. */
    private static PointStruct point(long id, String key, Value value) {
        Map<String, Value> payload = new HashMap<>();
        payload.put("color", value("red"));
        payload.put(key, value);
        return PointStruct.newBuilder()
            .setId(id(id))
            .setVectors(namedVectors(Map.of("text", vector(1f, 0f, 0f, 0f), "image", vector(0f, 1f, 0f, 0f))))
            .putAllPayload(payload)
            .build();
    }

    private static PointVectors textVector(long id) {
        return PointVectors.newBuilder()
            .setId(id(id))
            .setVectors(namedVectors(Map.of("text", vector(0f, 0f, 1f, 0f))))
            .build();
    }

    private static Filter inProject(ProjectScope scope) {
        return Filter.newBuilder().addMust(ConditionFactory.matchKeyword(scope.key(), scope.name())).build();
    }

    private static Filter color(String color) {
        return Filter.newBuilder().addMust(ConditionFactory.matchKeyword("color", color)).build();
    }

    private static Filter and(Filter first, Filter second) {
        return Filter.newBuilder().addAllMust(first.getMustList()).addAllMust(second.getMustList()).build();
    }
}
