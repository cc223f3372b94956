package io.github.qdrantscope.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.google.protobuf.UnknownFieldSet;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;

/**
 * What an upserted point becomes inside the project: the project's id for it ({@link ScopedIds}) and the project's
 * stamp in its payload ({@code key = project}, and {@code qdrant_scope_key = key} for a custom key). Nothing else:
 * the application's id is computed back from the stored one, so it is not stored.
 *
 * <p>This runs for every point of every scoped upsert, so the stamp values are built once per request and a point
 * is rebuilt with as few copies as protobuf allows: a point the application built (no unknown fields) goes into a
 * new builder field by field, its payload checked for reserved keys in the same pass, where {@code toBuilder()}
 * would copy the payload map twice before {@code build()} copies it once more.
 */
final class PointStamps {

    /** Whether a {@code PointStruct} is exactly id, payload and vectors, so a field-by-field copy drops nothing. */
    private static final boolean ID_PAYLOAD_VECTORS = PointStruct.getDescriptor().getFields().size() == 3;

    private final ProjectScope scope;

    private final ScopedMessages messages;

    /** The project's name, the value of the project key. */
    private final Value project;

    /** The custom key's name, the value of {@code qdrant_scope_key}; {@code null} for the default key. */
    private final Value customKey;

    PointStamps(ProjectScope scope, ScopedMessages messages) {
        this.scope = scope;
        this.messages = messages;
        this.project = Value.newBuilder().setStringValue(scope.name()).build();
        this.customKey = ScopedProject.DEFAULT_KEY.equals(scope.key()) ? null
                : Value.newBuilder().setStringValue(scope.key()).build();
    }

    /** The stamp entries, as a payload overwrite keeps them. */
    Map<String, Value> stamps() {
        return this.customKey == null ? Map.of(this.scope.key(), this.project)
                : Map.of(this.scope.key(), this.project, ProjectNames.PROJECT_KEY_KEY, this.customKey);
    }

    /**
     * The points as they are sent, and their stored ids.
     *
     * @throws io.github.qdrantscope.core.client.CallRejection when a point sets a reserved payload field
     */
    Stamped stamp(List<PointStruct> points) {
        List<PointStruct> stamped = new ArrayList<>(points.size());
        List<PointId> ids = new ArrayList<>(points.size());
        for (PointStruct point : points) {
            PointStruct sent = stamp(point);
            stamped.add(sent);
            ids.add(sent.getId());
        }
        return new Stamped(stamped, ids);
    }

    private PointStruct stamp(PointStruct point) {
        Supplier<String> where = () -> "Upsert of point " + ScopedRequests.describe(point.getId()) + ": payload key";
        PointStruct.Builder stamped;
        if (ID_PAYLOAD_VECTORS && point.getUnknownFields() == UnknownFieldSet.getDefaultInstance()) {
            stamped = PointStruct.newBuilder();
            for (Map.Entry<String, Value> entry : point.getPayloadMap().entrySet()) {
                Reserved.rejectKey(this.scope, entry.getKey(), where);
                stamped.putPayload(entry.getKey(), entry.getValue());
            }
            if (point.hasVectors()) {
                stamped.setVectors(point.getVectors());
            }
        }
        else {
            Reserved.rejectKeys(this.scope, point.getPayloadMap(), where);
            stamped = point.toBuilder();
        }
        stamped.setId(this.messages.namespaced(point.getId())).putPayload(this.scope.key(), this.project);
        if (this.customKey != null) {
            stamped.putPayload(ProjectNames.PROJECT_KEY_KEY, this.customKey);
        }
        return stamped.build();
    }

    /**
     * @param points the points to send
     * @param ids their stored ids, in the same order
     */
    record Stamped(List<PointStruct> points, List<PointId> ids) {
    }
}
