package io.github.qdrantscope.embedded.server;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status.Code;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.KeywordIndexParams;
import io.qdrant.client.grpc.Collections.PayloadIndexParams;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PointsWriteTest extends ServerTestSupport {

    private static PointStruct point(long id, Map<String, Value> payload, float... vector) {
        return PointStruct.newBuilder().setId(id(id)).setVectors(vectors(vector)).putAllPayload(payload).build();
    }

    private List<RetrievedPoint> retrieve(String collection, PointId... ids) {
        return get(client.retrieveAsync(collection, List.of(ids), true, true, null));
    }

    private static List<Float> floats(RetrievedPoint point) {
        return point.getVectors().getVector().getDense().getDataList();
    }

    @Test
    void upsertReplacesWholePointsAndGetReturnsThemInRequestOrder() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(
                point(1, Map.of("a", value("one"), "b", value(1)), 1, 2),
                point(2, Map.of("a", value("two")), 3, 4))));
        // Replacing point 1 without "b" drops "b": upsert is a whole-point replace.
        get(client.upsertAsync(c, List.of(point(1, Map.of("a", value("uno")), 5, 6))));

        List<RetrievedPoint> points = retrieve(c, id(2), id(99), id(1), id(2));
        assertThat(points).extracting(p -> p.getId().getNum()).containsExactly(2L, 1L);
        assertThat(points.get(1).getPayloadMap()).containsOnlyKeys("a").containsEntry("a", value("uno"));
        assertThat(floats(points.get(1))).containsExactly(5f, 6f);
    }

    @Test
    void lastDuplicateInOneUpsertWins() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(point(5, Map.of("v", value(1)), 1, 1), point(5, Map.of("v", value(2)), 2, 2))));
        RetrievedPoint p = retrieve(c, id(5)).get(0);
        assertThat(p.getPayloadMap()).containsEntry("v", value(2));
        assertThat(get(client.getCollectionInfoAsync(c)).getPointsCount()).isEqualTo(1);
    }

    @Test
    void waitDecidesStatusAndOperationIdsIncrease() {
        String c = newCollection(2, Distance.Dot);
        UpdateResult waited = get(client.upsertAsync(c, List.of(point(1, Map.of(), 1, 1))));
        UpdateResult notWaited = get(client.upsertAsync(UpsertPoints.newBuilder().setCollectionName(c).setWait(false)
                .addPoints(point(2, Map.of(), 1, 1)).build()));
        assertThat(waited.getStatus()).isEqualTo(UpdateStatus.Completed);
        assertThat(notWaited.getStatus()).isEqualTo(UpdateStatus.Acknowledged);
        assertThat(notWaited.getOperationId()).isGreaterThan(waited.getOperationId());
        var raw = get(client.grpcClient().points().upsert(UpsertPoints.newBuilder().setCollectionName(c)
                .setWait(true).addPoints(point(3, Map.of(), 1, 1)).build()));
        assertThat(raw.getTime()).isPositive();
    }

    @Test
    void cosineVectorsAreStoredNormalised() {
        String c = newCollection(2, Distance.Cosine);
        get(client.upsertAsync(c, List.of(point(1, Map.of(), 3, 4), point(2, Map.of(), 0, 0))));
        assertThat(floats(retrieve(c, id(1)).get(0))).containsExactly(0.6f, 0.8f);
        assertThat(floats(retrieve(c, id(2)).get(0))).containsExactly(0f, 0f);
    }

    @Test
    void deprecatedDataFieldIsAccepted() {
        String c = newCollection(2, Distance.Dot);
        Vector legacy = Vector.newBuilder().addData(7f).addData(8f).build();
        get(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(1)).setVectors(vectors(legacy)).build())));
        assertThat(floats(retrieve(c, id(1)).get(0))).containsExactly(7f, 8f);
    }

    @Test
    void uuidIdsComeBackLowercaseHyphenatedAndBadIdsAreRejected() {
        String c = newCollection(2, Distance.Dot);
        UUID uuid = UUID.fromString("936da01f-9abd-4d9d-80c7-02af85c822a8");
        PointId simple = PointId.newBuilder().setUuid("936DA01F9ABD4D9D80C702AF85C822A8").build();
        get(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(simple).setVectors(vectors(1, 2)).build())));
        assertThat(retrieve(c, id(uuid)).get(0).getId().getUuid()).isEqualTo(uuid.toString());

        PointId bad = PointId.newBuilder().setUuid("not-a-uuid").build();
        assertFails(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(bad).setVectors(vectors(1, 2)).build())),
                Code.INVALID_ARGUMENT, "Unable to parse UUID: not-a-uuid");
    }

    @Test
    void dimensionAndVectorNameErrorsUseQdrantsMessages() {
        String c = newCollection(4, Distance.Dot);
        assertFails(client.upsertAsync(c, List.of(point(1, Map.of(), 1, 2, 3))), Code.INVALID_ARGUMENT,
                "Wrong input: Vector dimension error: expected dim: 4, got 3");
        assertFails(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(1))
                        .setVectors(namedVectors(Map.of("other", vector(1, 2, 3, 4)))).build())),
                Code.INVALID_ARGUMENT, "Wrong input: Not existing vector name error: other");
        // A rejected request changes nothing.
        assertThat(get(client.getCollectionInfoAsync(c)).getPointsCount()).isZero();
        String missing = uniqueName("missing");
        assertFails(client.upsertAsync(missing, List.of(point(1, Map.of(), 1, 2, 3, 4))), Code.NOT_FOUND,
                "Not found: Collection `" + missing + "` doesn't exist!");
    }

    @Test
    void namedVectorsAreSelectedByName() {
        String c = uniqueName("named");
        get(client.createCollectionAsync(c, Map.of(
                "a", VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build(),
                "b", VectorParams.newBuilder().setSize(3).setDistance(Distance.Dot).build())));
        get(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(1))
                .setVectors(namedVectors(Map.of("a", vector(1, 2), "b", vector(3, 4, 5)))).build())));

        RetrievedPoint all = retrieve(c, id(1)).get(0);
        assertThat(all.getVectors().getVectors().getVectorsMap()).containsOnlyKeys("a", "b");
        RetrievedPoint onlyB = get(client.retrieveAsync(c, List.of(id(1)), WithPayloadSelectorFactory.enable(false),
                WithVectorsSelectorFactory.include(List.of("b")), null)).get(0);
        assertThat(onlyB.getVectors().getVectors().getVectorsMap()).containsOnlyKeys("b");
        assertThat(onlyB.getVectors().getVectors().getVectorsMap().get("b").getDense().getDataList())
                .containsExactly(3f, 4f, 5f);
        RetrievedPoint none = get(client.retrieveAsync(c, List.of(id(1)), false, false, null)).get(0);
        assertThat(none.hasVectors()).isFalse();
        assertThat(none.getPayloadMap()).isEmpty();
    }

    @Test
    void payloadIncludeSelectorKeepsOnlyTheGivenPaths() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(point(1, Map.of(
                "keep", value("k"), "drop", value("d"),
                "nested", value(Map.of("inner", value(1), "other", value(2)))), 1, 1))));
        RetrievedPoint p = get(client.retrieveAsync(c, List.of(id(1)),
                WithPayloadSelectorFactory.include(List.of("keep", "nested.inner")),
                WithVectorsSelectorFactory.enable(false), null)).get(0);
        assertThat(p.getPayloadMap()).containsOnlyKeys("keep", "nested");
        assertThat(p.getPayloadMap().get("nested").getStructValue().getFieldsMap()).containsOnlyKeys("inner");
    }

    @Test
    void deleteByIdsIgnoresMissingIds() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(point(1, Map.of(), 1, 1), point(2, Map.of(), 1, 1))));
        UpdateResult result = get(client.deleteAsync(c, List.of(id(1), id(42))));
        assertThat(result.getStatus()).isEqualTo(UpdateStatus.Completed);
        assertThat(retrieve(c, id(1), id(2))).extracting(p -> p.getId().getNum()).containsExactly(2L);
    }

    @Test
    void updateAndDeleteVectorsKeepTheRestOfThePoint() {
        String c = uniqueName("vectors");
        get(client.createCollectionAsync(c, Map.of(
                "a", VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build(),
                "b", VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build())));
        get(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(1)).putPayload("p", value(1))
                .setVectors(namedVectors(Map.of("a", vector(1, 1), "b", vector(2, 2)))).build())));

        get(client.updateVectorsAsync(c, List.of(PointVectors.newBuilder().setId(id(1))
                .setVectors(namedVectors(Map.of("a", vector(9, 9)))).build())));
        var vectors = retrieve(c, id(1)).get(0).getVectors().getVectors().getVectorsMap();
        assertThat(vectors.get("a").getDense().getDataList()).containsExactly(9f, 9f);
        assertThat(vectors.get("b").getDense().getDataList()).containsExactly(2f, 2f);

        get(client.deleteVectorsAsync(c, List.of("b"), List.of(id(1))));
        RetrievedPoint p = retrieve(c, id(1)).get(0);
        assertThat(p.getVectors().getVectors().getVectorsMap()).containsOnlyKeys("a");
        assertThat(p.getPayloadMap()).containsEntry("p", value(1));

        assertFails(client.updateVectorsAsync(c, List.of(PointVectors.newBuilder().setId(id(77))
                        .setVectors(namedVectors(Map.of("a", vector(1, 1)))).build())),
                Code.NOT_FOUND, "Not found: No point with id 77 found");
        assertFails(client.updateVectorsAsync(c, List.of(PointVectors.newBuilder().setId(id(1))
                        .setVectors(namedVectors(Map.of("a", vector(1, 1, 1)))).build())),
                Code.INVALID_ARGUMENT, "Wrong input: Vector dimension error: expected dim: 2, got 3");
    }

    @Test
    void overwriteAndClearPayloadByIds() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(point(1, Map.of("a", value(1), "b", value(2)), 1, 1))));

        get(client.overwritePayloadAsync(c, Map.of("c", value(3)), id(1), true, null, null));
        assertThat(retrieve(c, id(1)).get(0).getPayloadMap()).containsOnlyKeys("c");

        get(client.clearPayloadAsync(c, id(1), true, null, null));
        RetrievedPoint p = retrieve(c, id(1)).get(0);
        assertThat(p.getPayloadMap()).isEmpty();
        assertThat(floats(p)).containsExactly(1f, 1f);
    }

    @Test
    void payloadOperationsOnMissingPointsAreNotFound() {
        String c = newCollection(2, Distance.Dot);
        get(client.upsertAsync(c, List.of(point(1, Map.of("a", value(1)), 1, 1))));
        String message = "Not found: No point with id 9 found";
        assertFails(client.overwritePayloadAsync(c, Map.of("x", value(1)), List.of(id(1), id(9)), true, null, null),
                Code.NOT_FOUND, message);
        assertFails(client.clearPayloadAsync(c, id(9), true, null, null), Code.NOT_FOUND, message);
        assertFails(client.deleteVectorsAsync(c, List.of(""), List.of(id(9))), Code.NOT_FOUND, message);
        // As in Qdrant (lib/shard/src/update.rs: overwrite_payload changes the existing points of each chunk of 32
        // ids, then check_unprocessed_points fails on the first missing one), point 1 was overwritten all the same.
        assertThat(retrieve(c, id(1)).get(0).getPayloadMap()).containsOnlyKeys("x");
    }

    @Test
    void idListedWritesRunInChunksOf32AndStopAtTheFirstChunkWithAMissingId() {
        String c = newCollection(2, Distance.Dot);
        List<PointStruct> points = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            points.add(point(i, Map.of(), 1, 1));
        }
        get(client.upsertAsync(c, points));
        List<PointId> ids = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            ids.add(id(i == 5 || i == 36 ? 1000 + i : i)); // 1005 is missing in chunk 1, 1036 in chunk 2
        }
        assertFails(client.setPayloadAsync(c, Map.of("x", value(1)), ids, true, null, null), Code.NOT_FOUND,
                "Not found: No point with id 1005 found");
        assertThat(retrieve(c, id(32)).get(0).getPayloadMap()).containsOnlyKeys("x"); // chunk 1 ran
        assertThat(retrieve(c, id(33)).get(0).getPayloadMap()).isEmpty(); // chunk 2 did not
    }

    @Test
    void updateBatchAppliesOperationsInOrder() {
        String c = newCollection(2, Distance.Dot);
        PointsSelector one = PointsSelector.newBuilder().setPoints(PointsIdsList.newBuilder().addIds(id(1))).build();
        PointsSelector two = PointsSelector.newBuilder().setPoints(PointsIdsList.newBuilder().addIds(id(2))).build();
        List<UpdateResult> results = get(client.batchUpdateAsync(c, List.of(
                PointsUpdateOperation.newBuilder().setUpsert(PointsUpdateOperation.PointStructList.newBuilder()
                        .addPoints(point(1, Map.of("a", value(1)), 1, 1))
                        .addPoints(point(2, Map.of("a", value(2)), 2, 2))).build(),
                PointsUpdateOperation.newBuilder().setOverwritePayload(PointsUpdateOperation.OverwritePayload
                        .newBuilder().setPointsSelector(one).putPayload("b", value(10))).build(),
                PointsUpdateOperation.newBuilder().setClearPayload(PointsUpdateOperation.ClearPayload.newBuilder()
                        .setPoints(two)).build(),
                PointsUpdateOperation.newBuilder().setUpdateVectors(PointsUpdateOperation.UpdateVectors.newBuilder()
                        .addPoints(PointVectors.newBuilder().setId(id(2)).setVectors(vectors(5, 5)))).build(),
                PointsUpdateOperation.newBuilder().setDeletePoints(PointsUpdateOperation.DeletePoints.newBuilder()
                        .setPoints(one)).build())));

        assertThat(results).hasSize(5).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(UpdateStatus.Completed));
        assertThat(results).extracting(UpdateResult::getOperationId).isSorted().doesNotHaveDuplicates();
        List<RetrievedPoint> left = retrieve(c, id(1), id(2));
        assertThat(left).hasSize(1);
        assertThat(left.get(0).getPayloadMap()).isEmpty();
        assertThat(floats(left.get(0))).containsExactly(5f, 5f);
    }

    @Test
    void fieldIndexesAreRecordedInPayloadSchema() {
        String c = newCollection(2, Distance.Dot);
        get(client.createPayloadIndexAsync(c, "tenant", PayloadSchemaType.Keyword,
                PayloadIndexParams.newBuilder().setKeywordIndexParams(KeywordIndexParams.newBuilder()
                        .setIsTenant(true)).build(), true, null, null));
        get(client.createPayloadIndexAsync(c, "year", PayloadSchemaType.Integer, null, true, null, null));

        Map<String, PayloadSchemaInfo> schema = get(client.getCollectionInfoAsync(c)).getPayloadSchemaMap();
        assertThat(schema).containsOnlyKeys("tenant", "year");
        assertThat(schema.get("tenant").getDataType()).isEqualTo(PayloadSchemaType.Keyword);
        assertThat(schema.get("tenant").getParams().getKeywordIndexParams().getIsTenant()).isTrue();
        assertThat(schema.get("year").getDataType()).isEqualTo(PayloadSchemaType.Integer);
        assertThat(schema.get("year").getPoints()).isZero();

        UpdateResult deleted = get(client.deletePayloadIndexAsync(c, "year", true, null, null));
        assertThat(deleted.getStatus()).isEqualTo(UpdateStatus.Completed);
        assertThat(get(client.getCollectionInfoAsync(c)).getPayloadSchemaMap()).containsOnlyKeys("tenant");
    }

    @Test
    void inboundMessagesLargerThanGrpcsDefaultAreAccepted() {
        String c = newCollection(512, Distance.Dot);
        List<PointStruct> points = new ArrayList<>();
        float[] v = new float[512];
        for (int i = 0; i < 3000; i++) {
            v[0] = i;
            points.add(point(i, Map.of(), v));
        }
        // 3000 x 512 floats is about 6 MiB, above grpc-java's 4 MiB default limit.
        assertThat(UpsertPoints.newBuilder().addAllPoints(points).build().getSerializedSize())
                .isGreaterThan(4 * 1024 * 1024);
        get(client.upsertAsync(c, points));
        assertThat(get(client.getCollectionInfoAsync(c)).getPointsCount()).isEqualTo(3000);
    }
}
