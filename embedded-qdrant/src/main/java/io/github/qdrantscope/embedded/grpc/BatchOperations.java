package io.github.qdrantscope.embedded.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.github.qdrantscope.embedded.storage.PointWrites;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.ShardKeySelector;

/** The operations of an UpdateBatch: where each goes and what it does, and the point selector every write needs. */
final class BatchOperations {

    private BatchOperations() {
    }

    /** The shard key selector of one operation of an UpdateBatch: in the message its oneof holds. */
    static ShardKeySelector selectorOf(PointsUpdateOperation operation) {
        var field = operation.getDescriptorForType().findFieldByNumber(operation.getOperationCase().getNumber());
        if (field == null || field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
            return null;
        }
        return ShardRouting.selectorOf((Message) operation.getField(field));
    }

    /** The selector a write names; Qdrant refuses a write without one. */
    static PointsSelector selector(boolean present, PointsSelector selector) {
        if (!present) {
            throw QdrantErrors.invalidArgument("PointSelector is missing");
        }
        return selector;
    }

    /** Applies one operation of an UpdateBatch, as the single-operation RPCs apply theirs. */
    static void apply(PointWrites writes, PointsUpdateOperation operation) {
        switch (operation.getOperationCase()) {
            case UPSERT -> {
                var upsert = operation.getUpsert();
                writes.upsert(upsert.getPointsList(), upsert.hasUpdateFilter() ? upsert.getUpdateFilter() : null,
                        upsert.getUpdateMode());
            }
            case DELETE_DEPRECATED -> writes.deletePoints(operation.getDeleteDeprecated());
            case DELETE_POINTS -> writes.deletePoints(selector(operation.getDeletePoints().hasPoints(),
                    operation.getDeletePoints().getPoints()));
            case SET_PAYLOAD -> {
                var set = operation.getSetPayload();
                writes.setPayload(selector(set.hasPointsSelector(), set.getPointsSelector()), set.getPayloadMap(),
                        set.hasKey() ? set.getKey() : null);
            }
            case OVERWRITE_PAYLOAD -> {
                var overwrite = operation.getOverwritePayload();
                writes.overwritePayload(selector(overwrite.hasPointsSelector(), overwrite.getPointsSelector()),
                        overwrite.getPayloadMap(), overwrite.hasKey() ? overwrite.getKey() : null);
            }
            case DELETE_PAYLOAD -> {
                var delete = operation.getDeletePayload();
                writes.deletePayload(selector(delete.hasPointsSelector(), delete.getPointsSelector()),
                        delete.getKeysList());
            }
            case CLEAR_PAYLOAD_DEPRECATED -> writes.clearPayload(operation.getClearPayloadDeprecated());
            case CLEAR_PAYLOAD -> writes.clearPayload(selector(operation.getClearPayload().hasPoints(),
                    operation.getClearPayload().getPoints()));
            case UPDATE_VECTORS -> {
                var update = operation.getUpdateVectors();
                writes.updateVectors(update.getPointsList(), update.hasUpdateFilter() ? update.getUpdateFilter() : null);
            }
            case DELETE_VECTORS -> {
                var delete = operation.getDeleteVectors();
                writes.deleteVectors(selector(delete.hasPointsSelector(), delete.getPointsSelector()),
                        delete.getVectors().getNamesList());
            }
            default -> throw QdrantErrors.invalidArgument("Malformed update operation: no operation set");
        }
    }
}
