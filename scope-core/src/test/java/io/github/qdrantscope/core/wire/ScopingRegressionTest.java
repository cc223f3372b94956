package io.github.qdrantscope.core.wire;

import static io.github.qdrantscope.core.wire.ScopedClients.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.google.protobuf.Message;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.UpdateMode;
import io.qdrant.client.grpc.PointsGrpc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Every difference {@link ScopingOracleTest} found that was a bug of the interceptor, as a small explicit test:
 * the same requests scoped, in a collection where another project wrote the same ids, and unscoped in a fresh
 * collection must give the same outcome. Project names are fixed so that the stored ids, and so the order the
 * server keeps them in, are the same on every run.
 */
class ScopingRegressionTest {

    private static final ProjectScope MINE = new ProjectScope("regression-0000000a", ScopedProject.DEFAULT_KEY);

    private static final ProjectScope OTHER = new ProjectScope("regression-0000000b", ScopedProject.DEFAULT_KEY);

    private static OracleServer server;

    private String shared;

    private String fresh;

    @BeforeAll
    static void start() {
        server = new OracleServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void collections(TestInfo test) throws Exception {
        this.shared = "shared_" + test.getTestMethod().orElseThrow().getName();
        this.fresh = "fresh_" + test.getTestMethod().orElseThrow().getName();
        server.create(this.shared, false);
        server.create(this.fresh, false);
        server.qdrant.projects.take(MINE.name());
    }

    /**
     * A query without a query ranks by id (Qdrant's scroll order), in a QueryBatch as in a Query; the
     * interceptor paged only a single Query in the application's id order, so a batch's page came in the order
     * of the namespaced ids, from the wrong offset.
     */
    @Test
    void queryBatchWithoutQueryIsPagedInTheApplicationsIdOrder() throws Exception {
        upsertIds(8);
        Points.QueryBatchResponse batch = (Points.QueryBatchResponse) same(PointsGrpc.getQueryBatchMethod(),
                collection -> Points.QueryBatchPoints.newBuilder().setCollectionName(collection)
                    .addQueryPoints(Points.QueryPoints.newBuilder().setCollectionName(collection).setOffset(2)
                        .setLimit(3))
                    .addQueryPoints(Points.QueryPoints.newBuilder().setCollectionName(collection)
                        .setQuery(Points.Query.newBuilder().setNearest(Points.VectorInput.newBuilder()
                            .setId(PointIdFactory.id(1))))
                        .setLimit(3))
                    .build())
            .response();
        assertThat(batch.getResult(0).getResultList()).extracting(Points.ScoredPoint::getId)
            .containsExactly(PointIdFactory.id(3), PointIdFactory.id(4), PointIdFactory.id(5));
    }

    /**
     * Qdrant sorts a distance matrix's sample by id (distance_matrix.rs); scoped, the rows came in the order of
     * the namespaced ids.
     */
    @Test
    void matrixRowsFollowTheApplicationsIdOrder() throws Exception {
        upsertIds(6);
        Function<String, Message> matrix = collection -> Points.SearchMatrixPoints.newBuilder()
            .setCollectionName(collection).setSample(10).setLimit(2).build();
        Points.SearchMatrixOffsetsResponse offsets = (Points.SearchMatrixOffsetsResponse) same(
                PointsGrpc.getSearchMatrixOffsetsMethod(), matrix).response();
        assertThat(offsets.getResult().getIdsList()).containsExactlyElementsOf(ids(6));
        Points.SearchMatrixPairsResponse pairs = (Points.SearchMatrixPairsResponse) same(
                PointsGrpc.getSearchMatrixPairsMethod(), matrix).response();
        assertThat(pairs.getResult().getPairsList()).extracting(Points.SearchMatrixPair::getA)
            .isSortedAccordingTo(WireIds.QDRANT_ORDER);
    }

    /**
     * Qdrant refuses {@code limit: 0} on Scroll and Query (validated {@code range(min = 1)}); the interceptor
     * replaced the limit by its window's and answered an empty page instead.
     */
    @Test
    void scrollAndQueryWithLimitZeroFailAsUnscoped() throws Exception {
        upsertIds(3);
        OracleOutcome scroll = same(PointsGrpc.getScrollMethod(),
                collection -> Points.ScrollPoints.newBuilder().setCollectionName(collection).setLimit(0).build());
        OracleOutcome query = same(PointsGrpc.getQueryMethod(),
                collection -> Points.QueryPoints.newBuilder().setCollectionName(collection).setLimit(0).build());
        OracleOutcome batch = same(PointsGrpc.getQueryBatchMethod(),
                collection -> Points.QueryBatchPoints.newBuilder().setCollectionName(collection)
                    .addQueryPoints(Points.QueryPoints.newBuilder().setCollectionName(collection).setLimit(0))
                    .build());
        assertThat(List.of(scroll, query, batch)).allSatisfy(
                outcome -> assertThat(outcome.status().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    /**
     * Qdrant parses ids with the uuid crate, which takes {@code urn:uuid:} and braces only around the hyphenated
     * form; the interceptor also took them around 32 bare digits and wrote or read a point Qdrant never would.
     */
    @Test
    void uuidFormsQdrantRefusesAreRefused() throws Exception {
        String simple = UUID.fromString("6f1a2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b").toString().replace("-", "");
        for (String text : List.of("urn:uuid:" + simple, "{" + simple + "}")) {
            OracleOutcome get = same(PointsGrpc.getGetMethod(), collection -> Points.GetPoints.newBuilder()
                .setCollectionName(collection).addIds(PointId.newBuilder().setUuid(text)).build());
            assertThat(get.status().getCode()).as(text).isEqualTo(Status.Code.INVALID_ARGUMENT);
        }
    }

    /**
     * Upsert with update_mode UpdateOnly inserts nothing for an id that does not exist (points.proto: "Only
     * update existing points, do not insert new points"); the write record still counted the id as a point of
     * the project, so cleanup reported more points removed than there were.
     */
    @Test
    void updateOnlyUpsertOfMissingIdsIsNotCountedAsWritten() throws Exception {
        Function<String, Message> updateOnly = collection -> Points.UpsertPoints.newBuilder()
            .setCollectionName(collection).setWait(true).addAllPoints(points(2))
            .setUpdateMode(UpdateMode.UpdateOnly).build();
        same(PointsGrpc.getUpsertMethod(), updateOnly);
        assertThat(get(server.raw.countAsync(this.fresh))).isZero();
        assertThat(server.qdrant.projects.take(MINE.name())).singleElement()
            .satisfies(record -> assertThat(record.certain() ? record.points() : 0).isZero());
    }

    /**
     * Qdrant ignores {@code key} on OverwritePayload and replaces the whole payload, alone and in UpdateBatch
     * (src/tonic/api/update_common.rs: "overwrite operation don't support indicate path of property"). With a key
     * the interceptor sent the overwrite without the project's stamps, so on Qdrant the point left its project:
     * invisible to it and never cleaned up. The embedded server applies the key (unlike Qdrant), which hides the
     * loss, so this checks the request the interceptor sends rather than comparing outcomes.
     */
    @Test
    void overwritePayloadWithKeyIsSentAsQdrantReadsItWithTheStamps() {
        ProjectScope custom = new ProjectScope("regression-0000000c", "tenant");
        ScopedRequests requests = new ScopedRequests(custom);
        Points.PointsSelector one = Points.PointsSelector.newBuilder()
            .setPoints(Points.PointsIdsList.newBuilder().addIds(PointIdFactory.id(1))).build();
        Points.SetPayloadPoints overwrite = Points.SetPayloadPoints.newBuilder().setCollectionName("c")
            .setPointsSelector(one).setKey("meta").putPayload("k", OracleData.string("p")).build();
        Points.SetPayloadPoints sent = (Points.SetPayloadPoints) requests
            .rewrite("OverwritePayload", PointsGrpc.getOverwritePayloadMethod(), overwrite).request();
        Points.UpdateBatchPoints batch = Points.UpdateBatchPoints.newBuilder().setCollectionName("c")
            .addOperations(Points.PointsUpdateOperation.newBuilder().setOverwritePayload(
                    Points.PointsUpdateOperation.OverwritePayload.newBuilder().setPointsSelector(one).setKey("meta")
                        .putPayload("k", OracleData.string("p"))))
            .build();
        Points.PointsUpdateOperation.OverwritePayload sentInBatch = ((Points.UpdateBatchPoints) requests
            .rewrite("UpdateBatch", PointsGrpc.getUpdateBatchMethod(), batch).request()).getOperations(0)
            .getOverwritePayload();

        assertThat(sent.hasKey()).isFalse();
        assertThat(sent.getPayloadMap()).containsOnlyKeys("k", "tenant", ProjectNames.PROJECT_KEY_KEY)
            .containsEntry("tenant", OracleData.string(custom.name()));
        assertThat(sentInBatch.hasKey()).isFalse();
        assertThat(sentInBatch.getPayloadMap()).isEqualTo(sent.getPayloadMap());
    }

    /** Writes ids 1..n (vectors from their number) in both collections, and the same ids in another project. */
    private void upsertIds(int n) throws Exception {
        Function<String, Message> upsert = collection -> Points.UpsertPoints.newBuilder().setCollectionName(collection)
            .setWait(true).addAllPoints(points(n)).build();
        same(PointsGrpc.getUpsertMethod(), upsert);
        server.call(OTHER, PointsGrpc.getUpsertMethod(), upsert.apply(this.shared), false);
    }

    private static List<PointStruct> points(int n) {
        List<PointStruct> points = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            points.add(PointStruct.newBuilder().setId(PointIdFactory.id(i))
                .setVectors(io.qdrant.client.VectorsFactory.vectors((float) Math.sin(i), (float) Math.cos(i),
                        (float) Math.sin(3 * i), 1f / i))
                .build());
        }
        return points;
    }

    private static List<PointId> ids(int n) {
        List<PointId> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(PointIdFactory.id(i));
        }
        return ids;
    }

    /** The outcome of {@code request} scoped in the shared collection, asserted equal to the fresh one's. */
    private OracleOutcome same(MethodDescriptor<?, ?> method, Function<String, Message> request) {
        OracleOutcome scoped = server.call(MINE, method, request.apply(this.shared), false);
        OracleOutcome fresh = server.call(null, method, request.apply(this.fresh), false);
        assertThat(scoped.sameAs(fresh)).as("scoped:%n%s%nfresh:%n%s", scoped, fresh).isTrue();
        return fresh;
    }
}
