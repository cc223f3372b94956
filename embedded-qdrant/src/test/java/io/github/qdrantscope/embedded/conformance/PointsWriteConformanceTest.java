package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.obj;
import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.github.qdrantscope.embedded.conformance.Payloads.value;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.SetPayloadPoints;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Points writes: Upsert, Delete, UpdateVectors, DeleteVectors, payload operations, UpdateBatch, Get. */
class PointsWriteConformanceTest extends ConformanceTestBase {

    private RetrievedPoint get(String collection, long id) {
        List<RetrievedPoint> points = await(client.retrieveAsync(collection, List.of(id(id)), true, true, null));
        assertThat(points).as("point %s", id).hasSize(1);
        return points.get(0);
    }

    private static List<Float> dense(RetrievedPoint point) {
        return point.getVectors().getVector().getDense().getDataList();
    }

    private static PointsSelector ids(long... ids) {
        PointsIdsList.Builder list = PointsIdsList.newBuilder();
        for (long id : ids) {
            list.addIds(id(id));
        }
        return PointsSelector.newBuilder().setPoints(list).build();
    }

    @Test
    void upsertReplacesTheWholePoint() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 2}, payload("a", 1, "b", "x")));

        // lib/shard/src/update.rs upsert_points: the stored point is replaced, payload included
        upsert(c, point(1, new float[] {3, 4}, payload("c", true)));

        RetrievedPoint p = get(c, 1);
        assertThat(p.getPayloadMap()).isEqualTo(payload("c", true));
        assertThat(dense(p)).containsExactly(3f, 4f);
    }

    @Test
    void upsertWithoutPayloadClearsThePayload() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 2}, payload("a", 1)));

        upsert(c, point(1, 1, 2));

        assertThat(get(c, 1).getPayloadMap()).isEmpty();
    }

    @Test
    void lastDuplicateInOneRequestWins() {
        String c = newCollection(2, Distance.Dot);

        upsert(c, point(5, new float[] {1, 1}, payload("v", "first")),
                point(5, new float[] {2, 2}, payload("v", "second")));

        assertThat(await(client.countAsync(c))).isEqualTo(1);
        RetrievedPoint p = get(c, 5);
        assertThat(p.getPayloadMap()).isEqualTo(payload("v", "second"));
        assertThat(dense(p)).containsExactly(2f, 2f);
    }

    @Test
    void waitTrueIsCompletedAndWaitFalseIsAcknowledged() {
        String c = newCollection(2, Distance.Dot);

        UpdateResult waited = await(client.upsertAsync(UpsertPoints.newBuilder().setCollectionName(c)
                .setWait(true).addPoints(point(1, 1, 1)).build()));
        UpdateResult notWaited = await(client.upsertAsync(UpsertPoints.newBuilder().setCollectionName(c)
                .setWait(false).addPoints(point(2, 1, 1)).build()));

        // lib/collection/src/operations/types.rs UpdateStatus: Completed when waited, Acknowledged otherwise
        assertThat(waited.getStatus()).isEqualTo(UpdateStatus.Completed);
        assertThat(notWaited.getStatus()).isEqualTo(UpdateStatus.Acknowledged);
    }

    @Test
    void operationIdsIncrease() {
        String c = newCollection(2, Distance.Dot);

        UpdateResult first = upsert(c, point(1, 1, 1));
        UpdateResult second = upsert(c, point(2, 1, 1));
        UpdateResult third = await(client.deleteAsync(c, List.of(id(1))));

        // operation_id is the WAL sequence number of the operation (lib/collection/src/shards/local_shard)
        assertThat(first.hasOperationId()).isTrue();
        assertThat(second.getOperationId()).isGreaterThan(first.getOperationId());
        assertThat(third.getOperationId()).isGreaterThan(second.getOperationId());
    }

    @Test
    void deleteByIdsRemovesOnlyThoseAndIgnoresMissingIds() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, 1, 0), point(2, 0, 1), point(3, 1, 1));

        UpdateResult result = await(client.deleteAsync(c, List.of(id(1), id(3), id(99))));

        assertThat(result.getStatus()).isEqualTo(UpdateStatus.Completed);
        assertThat(scrollIds(c, null)).containsExactly(2L);
    }

    @Test
    void deleteByFilterRemovesMatchingPoints() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("t", "a")), point(2, new float[] {0, 1}, payload("t", "b")),
                point(3, new float[] {1, 1}, payload("t", "a")));

        await(client.deleteAsync(c, Filter.newBuilder().addMust(matchKeyword("t", "a")).build()));

        assertThat(scrollIds(c, null)).containsExactly(2L);
    }

    @Test
    void deleteWithEmptyFilterRemovesEverything() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, 1, 0), point(2, 0, 1));

        await(client.deleteAsync(c, Filter.getDefaultInstance()));

        assertThat(await(client.countAsync(c))).isZero();
    }

    @Test
    void deleteWithoutSelectorIsRejected() {
        String c = newCollection(2, Distance.Dot);
        // src/tonic/api/points_common.rs delete: Status::invalid_argument("PointSelector is missing")
        assertGrpcError(() -> await(client.deleteAsync(DeletePoints.newBuilder()
                .setCollectionName(c).setWait(true).build())),
                Status.Code.INVALID_ARGUMENT, "PointSelector is missing");
    }

    @Test
    void deleteWithEmptySelectorIsMalformed() {
        String c = newCollection(2, Distance.Dot);
        // lib/api/src/grpc/conversions.rs try_points_selector_from_grpc: "Malformed PointsSelector type"
        assertGrpcError(() -> await(client.deleteAsync(DeletePoints.newBuilder().setCollectionName(c).setWait(true)
                        .setPoints(PointsSelector.getDefaultInstance()).build())),
                Status.Code.INVALID_ARGUMENT, "Malformed PointsSelector type");
    }

    @Test
    void deleteWithoutWaitIsAcknowledged() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, 1, 0));

        // points_common.rs delete: wait.unwrap_or(false)
        UpdateResult result = await(client.deleteAsync(DeletePoints.newBuilder().setCollectionName(c)
                .setPoints(ids(1)).build()));

        assertThat(result.getStatus()).isEqualTo(UpdateStatus.Acknowledged);
    }

    @Test
    void upsertWithoutVectorsIsRejected() {
        String c = newCollection(2, Distance.Dot);
        // lib/api/src/grpc/conversions.rs TryFrom<PointStruct>: Status::invalid_argument("Expected some vectors")
        assertGrpcError(() -> upsert(c, PointStruct.newBuilder().setId(id(1)).putAllPayload(payload("a", 1)).build()),
                Status.Code.INVALID_ARGUMENT, "Expected some vectors");
    }

    @Test
    void getReturnsRequestOrderSkipsMissingAndDeduplicates() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, 1, 0), point(2, 0, 1), point(3, 1, 1));

        List<RetrievedPoint> points = await(client.retrieveAsync(c,
                List.of(id(3), id(42), id(1), id(3)), false, false, null));

        assertThat(idsOfRetrieved(points)).containsExactly(3L, 1L);
    }

    @Test
    void getReturnsNeitherPayloadNorVectorsByDefault() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("a", 1)));

        // GetPoints.with_payload unset -> no payload; with_vectors unset -> none (lib/api/src/grpc/proto/points.proto)
        List<RetrievedPoint> points = await(client.retrieveAsync(GetPoints.newBuilder()
                .setCollectionName(c).addIds(id(1)).build(), CALL_TIMEOUT));

        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.getPayloadMap()).isEmpty();
            assertThat(p.hasVectors()).isFalse();
        });
    }

    @Test
    void updateVectorsReplacesTheVectorAndKeepsThePayload() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("a", 1)));

        await(client.updateVectorsAsync(c, List.of(PointVectors.newBuilder().setId(id(1))
                .setVectors(vectors(5, 6)).build())));

        RetrievedPoint p = get(c, 1);
        assertThat(dense(p)).containsExactly(5f, 6f);
        assertThat(p.getPayloadMap()).isEqualTo(payload("a", 1));
    }

    @Test
    void updateVectorsOfMissingPointIsNotFound() {
        String c = newCollection(2, Distance.Dot);
        assertGrpcError(() -> await(client.updateVectorsAsync(c, List.of(PointVectors.newBuilder()
                        .setId(id(42)).setVectors(vectors(5, 6)).build()))),
                Status.Code.NOT_FOUND, "Not found: No point with id 42 found");
    }

    @Test
    void deleteVectorsRemovesOnlyTheNamedVector() {
        String c = newNamedCollection(Distance.Dot, Map.of("text", 2, "image", 2));
        await(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(1))
                .setVectors(namedVectors(Map.of("text", vector(1, 2), "image", vector(3, 4)))).build())));

        await(client.deleteVectorsAsync(c, List.of("image"), List.of(id(1))));

        RetrievedPoint p = await(client.retrieveAsync(c, List.of(id(1)), false, true, null)).get(0);
        assertThat(p.getVectors().getVectors().getVectorsMap()).containsOnlyKeys("text");
        assertThat(p.getVectors().getVectors().getVectorsMap().get("text").getDense().getDataList())
                .containsExactly(1f, 2f);
    }

    @Test
    void namedVectorsCanBeSelectedOnRead() {
        String c = newNamedCollection(Distance.Dot, Map.of("text", 2, "image", 2));
        await(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(1))
                .setVectors(namedVectors(Map.of("text", vector(1, 2), "image", vector(3, 4)))).build())));

        RetrievedPoint p = await(client.retrieveAsync(c, List.of(id(1)),
                io.qdrant.client.WithPayloadSelectorFactory.enable(false),
                WithVectorsSelector.newBuilder().setInclude(
                        io.qdrant.client.grpc.Points.VectorsSelector.newBuilder().addNames("image")).build(),
                null)).get(0);

        assertThat(p.getVectors().getVectors().getVectorsMap()).containsOnlyKeys("image");
    }

    @Test
    void setPayloadMergesTopLevelKeysAndNullDeletesAKey() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("a", 1, "b", "keep", "gone", "x")));

        // lib/segment/src/types.rs Payload::merge: insert each key; a null value removes the key
        await(client.setPayloadAsync(c, payload("a", 2, "n", List.of(1, 2), "gone", null), id(1), true, null, null));

        assertThat(get(c, 1).getPayloadMap()).isEqualTo(payload("a", 2, "b", "keep", "n", List.of(1, 2)));
    }

    @Test
    void setPayloadWithKeyMergesIntoTheNestedObject() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("a", obj("b", 1), "z", 0)));

        // lib/segment/src/types.rs Payload::merge_by_key: the payload is merged into the object at `key`
        await(client.setPayloadAsync(SetPayloadPoints.newBuilder().setCollectionName(c).setWait(true)
                .putAllPayload(payload("c", 2)).setKey("a").setPointsSelector(ids(1)).build(), CALL_TIMEOUT));

        assertThat(get(c, 1).getPayloadMap()).isEqualTo(payload("a", obj("b", 1, "c", 2), "z", 0));
    }

    @Test
    void setPayloadByFilterTouchesOnlyMatchingPoints() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("t", "a")), point(2, new float[] {0, 1}, payload("t", "b")));

        await(client.setPayloadAsync(c, payload("hit", true),
                Filter.newBuilder().addMust(matchKeyword("t", "b")).build(), true, null, null));

        assertThat(get(c, 1).getPayloadMap()).isEqualTo(payload("t", "a"));
        assertThat(get(c, 2).getPayloadMap()).isEqualTo(payload("t", "b", "hit", true));
    }

    @Test
    void payloadOperationsOnMissingPointAreNotFound() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, 1, 0));
        // lib/collection/src/operations/types.rs CollectionError::PointNotFound -> "No point with id {id} found"
        String expected = "Not found: No point with id 42 found";

        assertGrpcError(() -> await(client.setPayloadAsync(c, payload("a", 1), id(42), true, null, null)),
                Status.Code.NOT_FOUND, expected);
        assertGrpcError(() -> await(client.overwritePayloadAsync(c, payload("a", 1), id(42), true, null, null)),
                Status.Code.NOT_FOUND, expected);
        assertGrpcError(() -> await(client.deletePayloadAsync(c, List.of("a"), id(42), true, null, null)),
                Status.Code.NOT_FOUND, expected);
        assertGrpcError(() -> await(client.clearPayloadAsync(c, id(42), true, null, null)),
                Status.Code.NOT_FOUND, expected);
    }

    @Test
    void overwritePayloadReplacesEverything() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("a", 1, "b", 2)));

        await(client.overwritePayloadAsync(c, payload("c", "only"), id(1), true, null, null));

        assertThat(get(c, 1).getPayloadMap()).isEqualTo(payload("c", "only"));
    }

    @Test
    void deletePayloadRemovesTopLevelAndNestedPaths() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("a", 1, "b", 2, "o", obj("x", 1, "y", 2))));

        await(client.deletePayloadAsync(c, List.of("a", "o.x", "absent"), id(1), true, null, null));

        assertThat(get(c, 1).getPayloadMap()).isEqualTo(payload("b", 2, "o", obj("y", 2)));
    }

    @Test
    void clearPayloadEmptiesThePayloadAndKeepsTheVector() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("a", 1, "b", 2)));

        await(client.clearPayloadAsync(c, id(1), true, null, null));

        RetrievedPoint p = get(c, 1);
        assertThat(p.getPayloadMap()).isEmpty();
        assertThat(dense(p)).containsExactly(1f, 0f);
    }

    @Test
    void updateBatchAppliesOperationsInOrder() {
        String c = newCollection(2, Distance.Dot);
        List<PointsUpdateOperation> operations = List.of(
                PointsUpdateOperation.newBuilder().setUpsert(PointsUpdateOperation.PointStructList.newBuilder()
                        .addPoints(point(1, new float[] {1, 0}, payload("a", 1)))
                        .addPoints(point(2, new float[] {0, 1}, payload("a", 2)))).build(),
                PointsUpdateOperation.newBuilder().setSetPayload(PointsUpdateOperation.SetPayload.newBuilder()
                        .putAllPayload(payload("b", "set")).setPointsSelector(ids(1))).build(),
                PointsUpdateOperation.newBuilder().setDeletePoints(PointsUpdateOperation.DeletePoints.newBuilder()
                        .setPoints(ids(2))).build());

        List<UpdateResult> results = await(client.batchUpdateAsync(c, operations));

        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(UpdateStatus.Completed));
        assertThat(scrollIds(c, null)).containsExactly(1L);
        assertThat(get(c, 1).getPayloadMap()).isEqualTo(payload("a", 1, "b", "set"));
    }

    @Test
    void wrongVectorDimensionIsInvalidArgument() {
        String c = newCollection(4, Distance.Dot);
        // lib/segment/src/common/operation_error.rs OperationError::WrongVectorDimension:
        // "Vector dimension error: expected dim: {expected_dim}, got {received_dim}", as StorageError::BadInput
        assertGrpcError(() -> upsert(c, point(1, 1, 2, 3)), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Vector dimension error: expected dim: 4, got 3");
    }

    @Test
    void unknownVectorNameIsInvalidArgument() {
        String c = newNamedCollection(Distance.Dot, Map.of("text", 2));
        // lib/segment/src/common/operation_error.rs OperationError::VectorNameNotExists:
        // "Not existing vector name error: {received_name}"
        assertGrpcError(() -> await(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(1))
                        .setVectors(namedVectors(Map.of("nope", vector(1, 2)))).build()))),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Not existing vector name error: nope");
    }

    @Test
    void writesToUnknownCollectionAreNotFound() {
        String missing = uniqueName("missing");
        assertCollectionNotFound(() -> upsert(missing, point(1, 1, 2)), missing);
        assertCollectionNotFound(() -> await(client.deleteAsync(missing, List.of(id(1)))), missing);
    }

    @Test
    void payloadValuesRoundTripWithTheirTypes() {
        String c = newCollection(2, Distance.Dot);
        Map<String, io.qdrant.client.grpc.JsonWithInt.Value> payload = payload("i", 7, "d", 1.5, "s", "x",
                "b", false, "n", null, "l", List.of(1, "two", 3.0), "o", obj("deep", obj("k", "v")));
        upsert(c, point(1, new float[] {1, 0}, payload));

        Map<String, io.qdrant.client.grpc.JsonWithInt.Value> stored = get(c, 1).getPayloadMap();

        assertThat(stored).isEqualTo(payload);
        assertThat(stored.get("i").getKindCase()).isEqualTo(value(7).getKindCase());
        assertThat(stored.get("d").getKindCase()).isEqualTo(value(1.5).getKindCase());
    }

    static PointId uuidId(String uuid) {
        return PointId.newBuilder().setUuid(uuid).build();
    }

    @Test
    void updateVectorsOfOneNameKeepsTheOthers() {
        String c = newNamedCollection(Distance.Dot, Map.of("text", 2, "image", 2));
        await(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(1))
                .setVectors(namedVectors(Map.of("text", vector(1, 2), "image", vector(3, 4)))).build())));

        // lib/shard/src/update.rs update_vectors: only the given names are replaced
        await(client.updateVectorsAsync(c, List.of(PointVectors.newBuilder().setId(id(1))
                .setVectors(namedVectors(Map.of("image", vector(7, 8)))).build())));

        Map<String, io.qdrant.client.grpc.Points.VectorOutput> stored = await(client.retrieveAsync(c,
                List.of(id(1)), false, true, null)).get(0).getVectors().getVectors().getVectorsMap();
        assertThat(stored.get("text").getDense().getDataList()).containsExactly(1f, 2f);
        assertThat(stored.get("image").getDense().getDataList()).containsExactly(7f, 8f);
    }
}
