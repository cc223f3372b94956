package io.github.qdrantscope.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.UpdateMode;
import io.qdrant.client.grpc.Points.VectorsSelector;
import io.qdrant.client.grpc.PointsGrpc;

/**
 * Random write operations: every write RPC of {@code qdrant.Points} except the field-index ones. In a
 * {@link OracleData#safe} sequence only writes that cannot fail: payload and vector writes select by filter
 * (ids may be missing), deletes by ids (a delete by filter leaves the write record uncertain), no UpdateVectors.
 */
final class OracleWrites {

    private static final List<String> PAYLOAD_KEYS = List.of("color", "n", "f", "tags", "meta", "meta.k", "rank",
            "items", "items[].v");

    private final OracleData data;

    OracleWrites(OracleData data) {
        this.data = data;
    }

    OracleOp next() {
        int kinds = this.data.named ? 10 : 9;
        int kind = this.data.rng.nextInt(kinds);
        return kind < 3 ? (kind == 2 ? delete() : upsert()) : this.data.parsableIds(() -> payloadOrVectors(kind));
    }

    /** Writes that fail with NOT_FOUND when one of their ids is missing. */
    private OracleOp payloadOrVectors(int kind) {
        return switch (kind) {
            case 3 -> setPayload();
            case 4 -> overwritePayload();
            case 5 -> deletePayload();
            case 6 -> clearPayload();
            case 7 -> this.data.safe ? upsert() : updateVectors();
            case 8 -> updateBatch();
            default -> deleteVectors();
        };
    }

    OracleOp upsert() {
        List<PointStruct> points = points();
        Filter updateFilter = this.data.chance(0.15) ? this.data.filter() : null;
        UpdateMode mode = this.data.chance(0.15) ? this.data.pick(List.of(UpdateMode.values()).subList(0, 3)) : null;
        return OracleOp.write("Upsert", PointsGrpc.getUpsertMethod(), collection -> {
            Points.UpsertPoints.Builder upsert = Points.UpsertPoints.newBuilder().setCollectionName(collection)
                .setWait(true).addAllPoints(points);
            if (updateFilter != null) {
                upsert.setUpdateFilter(updateFilter);
            }
            if (mode != null) {
                upsert.setUpdateMode(mode);
            }
            return upsert.build();
        });
    }

    private List<PointStruct> points() {
        List<PointStruct> points = new ArrayList<>();
        for (int i = this.data.chance(0.5) ? 1 : this.data.between(2, 5); i > 0; i--) {
            PointId id = this.data.mistake(0.01) ? this.data.idOrInvalid() : this.data.upserted(this.data.id());
            points.add(PointStruct.newBuilder().setId(id)
                .setVectors(this.data.pointVectors()).putAllPayload(this.data.payload(true)).build());
        }
        return points;
    }

    private OracleOp delete() {
        PointsSelector selector = deletion();
        return OracleOp.write("Delete", PointsGrpc.getDeleteMethod(), collection -> Points.DeletePoints.newBuilder()
            .setCollectionName(collection).setWait(true).setPoints(selector).build());
    }

    private OracleOp setPayload() {
        PointsSelector selector = selector();
        String key = this.data.chance(0.25) ? "meta" : null;
        Map<String, Value> payload = key != null ? this.data.meta().getFieldsMap() : this.data.partialPayload();
        return OracleOp.write("SetPayload", PointsGrpc.getSetPayloadMethod(), collection -> {
            Points.SetPayloadPoints.Builder set = Points.SetPayloadPoints.newBuilder().setCollectionName(collection)
                .setWait(true).setPointsSelector(selector).putAllPayload(payload);
            return (key != null ? set.setKey(key) : set).build();
        });
    }

    /**
     * Without a key: Qdrant ignores an overwrite's key (src/tonic/api/update_common.rs) and so does the
     * interceptor, while the embedded server applies it to the nested object; with a key, scoped and fresh would
     * differ only because of the embedded server (ScopingRegressionTest checks the request sent instead).
     */
    private OracleOp overwritePayload() {
        PointsSelector selector = selector();
        Map<String, Value> payload = this.data.payload(false);
        return OracleOp.write("OverwritePayload", PointsGrpc.getOverwritePayloadMethod(),
                collection -> Points.SetPayloadPoints.newBuilder().setCollectionName(collection).setWait(true)
                    .setPointsSelector(selector).putAllPayload(payload).build());
    }

    private OracleOp deletePayload() {
        PointsSelector selector = selector();
        List<String> keys = keys();
        return OracleOp.write("DeletePayload", PointsGrpc.getDeletePayloadMethod(),
                collection -> Points.DeletePayloadPoints.newBuilder().setCollectionName(collection).setWait(true)
                    .setPointsSelector(selector).addAllKeys(keys).build());
    }

    private OracleOp clearPayload() {
        PointsSelector selector = selector();
        return OracleOp.write("ClearPayload", PointsGrpc.getClearPayloadMethod(),
                collection -> Points.ClearPayloadPoints.newBuilder().setCollectionName(collection).setWait(true)
                    .setPoints(selector).build());
    }

    private OracleOp updateVectors() {
        List<PointVectors> points = pointVectors();
        Filter updateFilter = this.data.chance(0.15) ? this.data.filter() : null;
        return OracleOp.write("UpdateVectors", PointsGrpc.getUpdateVectorsMethod(), collection -> {
            Points.UpdatePointVectors.Builder update = Points.UpdatePointVectors.newBuilder()
                .setCollectionName(collection).setWait(true).addAllPoints(points);
            return (updateFilter != null ? update.setUpdateFilter(updateFilter) : update).build();
        });
    }

    private List<PointVectors> pointVectors() {
        List<PointVectors> points = new ArrayList<>();
        for (int i = this.data.between(1, 3); i > 0; i--) {
            points.add(PointVectors.newBuilder().setId(i == 1 ? this.data.idOrInvalid() : this.data.id())
                .setVectors(this.data.pointVectors()).build());
        }
        return points;
    }

    private OracleOp deleteVectors() {
        PointsSelector selector = selector();
        VectorsSelector names = vectorNames();
        return OracleOp.write("DeleteVectors", PointsGrpc.getDeleteVectorsMethod(),
                collection -> Points.DeletePointVectors.newBuilder().setCollectionName(collection).setWait(true)
                    .setPointsSelector(selector).setVectors(names).build());
    }

    private VectorsSelector vectorNames() {
        VectorsSelector.Builder names = VectorsSelector.newBuilder().addNames(this.data.vectorName());
        if (this.data.chance(0.3)) {
            names.addNames(this.data.vectorNameOrInvalid());
        }
        return names.build();
    }

    private OracleOp updateBatch() {
        List<PointsUpdateOperation> operations = new ArrayList<>();
        for (int i = this.data.between(2, 4); i > 0; i--) {
            operations.add(batchOperation());
        }
        return OracleOp.write("UpdateBatch", PointsGrpc.getUpdateBatchMethod(),
                collection -> Points.UpdateBatchPoints.newBuilder().setCollectionName(collection).setWait(true)
                    .addAllOperations(operations).build());
    }

    private PointsUpdateOperation batchOperation() {
        PointsUpdateOperation.Builder operation = PointsUpdateOperation.newBuilder();
        int kinds = this.data.named ? 11 : 10;
        switch (this.data.rng.nextInt(kinds)) {
            case 0, 1 -> {
                PointsUpdateOperation.PointStructList.Builder upsert = PointsUpdateOperation.PointStructList
                    .newBuilder().addAllPoints(points());
                if (this.data.chance(0.15)) {
                    upsert.setUpdateFilter(this.data.filter());
                }
                operation.setUpsert(upsert);
            }
            case 2 -> operation.setDeletePoints(PointsUpdateOperation.DeletePoints.newBuilder().setPoints(deletion()));
            case 3 -> {
                PointsUpdateOperation.SetPayload.Builder set = PointsUpdateOperation.SetPayload.newBuilder()
                    .setPointsSelector(selector());
                operation.setSetPayload(this.data.chance(0.25)
                        ? set.setKey("meta").putAllPayload(this.data.meta().getFieldsMap())
                        : set.putAllPayload(this.data.partialPayload()));
            }
            case 4 -> {
                // without a key, as in overwritePayload()
                operation.setOverwritePayload(PointsUpdateOperation.OverwritePayload.newBuilder()
                    .setPointsSelector(selector()).putAllPayload(this.data.payload(false)));
            }
            case 5 -> operation.setDeletePayload(PointsUpdateOperation.DeletePayload.newBuilder()
                .setPointsSelector(selector()).addAllKeys(keys()));
            case 6 -> operation.setClearPayload(PointsUpdateOperation.ClearPayload.newBuilder().setPoints(selector()));
            case 7 -> operation.setUpdateVectors(PointsUpdateOperation.UpdateVectors.newBuilder()
                .addAllPoints(this.data.safe ? List.of() : pointVectors()));
            // the deprecated variants are still on the wire
            case 8 -> operation.setDeleteDeprecated(deletion());
            case 9 -> operation.setClearPayloadDeprecated(selector());
            default -> operation.setDeleteVectors(PointsUpdateOperation.DeleteVectors.newBuilder()
                .setPointsSelector(selector()).setVectors(vectorNames()));
        }
        return operation.build();
    }

    /** What to delete: by ids only in a safe sequence. */
    private PointsSelector deletion() {
        if (this.data.safe) {
            return PointsSelector.newBuilder().setPoints(PointsIdsList.newBuilder().addAllIds(this.data.ids(1, 3)))
                .build();
        }
        return selector();
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = this.data.between(1, 2); i > 0; i--) {
            keys.add(this.data.pick(PAYLOAD_KEYS));
        }
        return keys;
    }

    /** Ids (some possibly missing, which payload and vector writes refuse) or a filter. */
    private PointsSelector selector() {
        if (this.data.chance(0.35) || this.data.safe) {
            return PointsSelector.newBuilder().setFilter(this.data.filter()).build();
        }
        List<PointId> ids = this.data.ids(1, 3);
        return PointsSelector.newBuilder().setPoints(PointsIdsList.newBuilder().addAllIds(ids)).build();
    }
}
