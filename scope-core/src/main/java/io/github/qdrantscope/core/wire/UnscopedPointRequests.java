package io.github.qdrantscope.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.github.qdrantscope.core.metrics.ContentionKind;
import io.qdrant.client.grpc.Common;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;

/**
 * Which parts of a request to Qdrant's {@code Points} service (Qdrant 1.17's {@code points_service.proto})
 * bypass the project scope. Per RPC:
 * <ul>
 * <li>reads ({@code Get}, {@code Search*}, {@code Scroll}, {@code Recommend*}, {@code Discover*},
 * {@code Count}, {@code Query*}, {@code Facet}, {@code SearchMatrix*}): {@code unscoped_read} when no field
 * condition anywhere in the request names the project key;</li>
 * <li>{@code Upsert}: {@code unscoped_write} when a point's payload lacks the project key, or, inside a
 * scope, holds anything but the scope's project name there: that point lands in another project. Its
 * {@code update_filter} does not scope it (new points are inserted regardless of it);</li>
 * <li>{@code SetPayload}, {@code OverwritePayload}, {@code UpdateVectors}: {@code unscoped_write} when the
 * points are selected by id only, or by a filter without a condition on the key ({@code UpdateVectors}:
 * its {@code update_filter}); a payload that sets the key is not such a condition;</li>
 * <li>{@code Delete}, {@code DeletePayload}, {@code ClearPayload}, {@code DeleteVectors}:
 * {@code unscoped_delete} by the same rule;</li>
 * <li>{@code UpdateBatch}: each operation as if it were sent alone;</li>
 * <li>{@code CreateFieldIndex}, {@code DeleteFieldIndex}: nothing; they change the collection's schema,
 * which no project owns, not points.</li>
 * </ul>
 * Conditions are recognised by key, not value (as everywhere in qdrant-scope). Only selectors, filters and
 * payload maps are read, never vectors: upserts carry large vectors, and this runs on every raw call.
 */
public final class UnscopedPointRequests {

    /**
     * One part of a request that bypasses the scope.
     *
     * @param kind the contention it counts as
     * @param operation what did it: the RPC, e.g. {@code Search}, {@code Upsert}, or for a batch
     *     {@code UpdateBatch operation 2 (set_payload)}
     * @param problem why it is unscoped, e.g. {@code without a condition on payload key 'k'}
     */
    public record Finding(ContentionKind kind, String operation, String problem) {
    }

    private static final Set<String> READS = Set.of("Get", "Search", "SearchBatch", "SearchGroups", "Scroll",
            "Recommend", "RecommendBatch", "RecommendGroups", "Discover", "DiscoverBatch", "Count", "Query",
            "QueryBatch", "QueryGroups", "Facet", "SearchMatrixPairs", "SearchMatrixOffsets");

    private static final Set<String> POINT_WRITES = Set.of("Upsert", "Delete", "UpdateVectors", "DeleteVectors",
            "SetPayload", "OverwritePayload", "DeletePayload", "ClearPayload", "UpdateBatch");

    private UnscopedPointRequests() {
    }

    /** Whether requests of the {@code Points} RPC {@code method} (its bare name) are inspected at all. */
    public static boolean inspects(String method) {
        return READS.contains(method) || POINT_WRITES.contains(method);
    }

    /**
     * What in {@code request}, a request of the {@code Points} RPC {@code method}, bypasses the scope.
     *
     * @param key the project key that scopes a request
     * @param project the current project, or {@code null} outside a scope (then any value of the key counts)
     */
    public static List<Finding> findings(String method, Message request, String key, String project) {
        if (READS.contains(method)) {
            return mentionsKey(request, key) ? List.of()
                    : List.of(new Finding(ContentionKind.UNSCOPED_READ, method, withoutCondition(key)));
        }
        return switch (method) {
            case "Upsert" -> upsert(method, ((Points.UpsertPoints) request).getPointsList(), key, project);
            case "Delete" -> {
                Points.DeletePoints delete = (Points.DeletePoints) request;
                yield selected(ContentionKind.UNSCOPED_DELETE, method, delete.hasPoints(), delete.getPoints(), key);
            }
            case "SetPayload", "OverwritePayload" -> {
                Points.SetPayloadPoints set = (Points.SetPayloadPoints) request;
                yield selected(ContentionKind.UNSCOPED_WRITE, method, set.hasPointsSelector(), set.getPointsSelector(),
                        key);
            }
            case "UpdateVectors" -> {
                Points.UpdatePointVectors update = (Points.UpdatePointVectors) request;
                yield filtered(ContentionKind.UNSCOPED_WRITE, method, update.hasUpdateFilter(),
                        update.getUpdateFilter(), key);
            }
            case "DeleteVectors" -> {
                Points.DeletePointVectors delete = (Points.DeletePointVectors) request;
                yield selected(ContentionKind.UNSCOPED_DELETE, method, delete.hasPointsSelector(),
                        delete.getPointsSelector(), key);
            }
            case "DeletePayload" -> {
                Points.DeletePayloadPoints delete = (Points.DeletePayloadPoints) request;
                yield selected(ContentionKind.UNSCOPED_DELETE, method, delete.hasPointsSelector(),
                        delete.getPointsSelector(), key);
            }
            case "ClearPayload" -> {
                Points.ClearPayloadPoints clear = (Points.ClearPayloadPoints) request;
                yield selected(ContentionKind.UNSCOPED_DELETE, method, clear.hasPoints(), clear.getPoints(), key);
            }
            case "UpdateBatch" -> batch(((Points.UpdateBatchPoints) request).getOperationsList(), key, project);
            default -> List.of();
        };
    }

    private static List<Finding> batch(List<PointsUpdateOperation> operations, String key, String project) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            PointsUpdateOperation operation = operations.get(i);
            String name = "UpdateBatch operation " + (i + 1) + " ("
                    + operation.getOperationCase().name().toLowerCase(Locale.ROOT) + ")";
            findings.addAll(switch (operation.getOperationCase()) {
                case UPSERT -> upsert(name, operation.getUpsert().getPointsList(), key, project);
                case SET_PAYLOAD -> selected(ContentionKind.UNSCOPED_WRITE, name,
                        operation.getSetPayload().hasPointsSelector(), operation.getSetPayload().getPointsSelector(),
                        key);
                case OVERWRITE_PAYLOAD -> selected(ContentionKind.UNSCOPED_WRITE, name,
                        operation.getOverwritePayload().hasPointsSelector(),
                        operation.getOverwritePayload().getPointsSelector(), key);
                case UPDATE_VECTORS -> filtered(ContentionKind.UNSCOPED_WRITE, name,
                        operation.getUpdateVectors().hasUpdateFilter(), operation.getUpdateVectors().getUpdateFilter(),
                        key);
                case DELETE_POINTS -> selected(ContentionKind.UNSCOPED_DELETE, name,
                        operation.getDeletePoints().hasPoints(), operation.getDeletePoints().getPoints(), key);
                case DELETE_PAYLOAD -> selected(ContentionKind.UNSCOPED_DELETE, name,
                        operation.getDeletePayload().hasPointsSelector(),
                        operation.getDeletePayload().getPointsSelector(), key);
                case CLEAR_PAYLOAD -> selected(ContentionKind.UNSCOPED_DELETE, name,
                        operation.getClearPayload().hasPoints(), operation.getClearPayload().getPoints(), key);
                case DELETE_VECTORS -> selected(ContentionKind.UNSCOPED_DELETE, name,
                        operation.getDeleteVectors().hasPointsSelector(),
                        operation.getDeleteVectors().getPointsSelector(), key);
                case DELETE_DEPRECATED -> selected(ContentionKind.UNSCOPED_DELETE, name, true,
                        operation.getDeleteDeprecated(), key);
                case CLEAR_PAYLOAD_DEPRECATED -> selected(ContentionKind.UNSCOPED_DELETE, name, true,
                        operation.getClearPayloadDeprecated(), key);
                case OPERATION_NOT_SET -> List.<Finding>of();
            });
        }
        return findings;
    }

    /** The first point that is not in the project (outside a scope: that has no project at all). */
    private static List<Finding> upsert(String operation, List<PointStruct> points, String key, String project) {
        for (PointStruct point : points) {
            Value value = point.getPayloadMap().get(key);
            if (value == null) {
                return List.of(new Finding(ContentionKind.UNSCOPED_WRITE, operation,
                        "with point " + id(point.getId()) + " lacking payload key '" + key + "'"));
            }
            if (project != null && !(value.getKindCase() == Value.KindCase.STRING_VALUE
                    && project.equals(value.getStringValue()))) {
                return List.of(new Finding(ContentionKind.UNSCOPED_WRITE, operation,
                        "with point " + id(point.getId()) + " of another project (payload key '" + key + "' is "
                                + describe(value) + ", the current project is '" + project + "')"));
            }
        }
        return List.of();
    }

    private static List<Finding> selected(ContentionKind kind, String operation, boolean hasSelector,
            PointsSelector selector, String key) {
        if (hasSelector && selector.hasFilter()) {
            return filtered(kind, operation, true, selector.getFilter(), key);
        }
        String by = hasSelector && selector.hasPoints() ? "selecting points by id only, " : "";
        return List.of(new Finding(kind, operation, by + withoutCondition(key)));
    }

    private static List<Finding> filtered(ContentionKind kind, String operation, boolean hasFilter,
            Common.Filter filter, String key) {
        if (hasFilter && mentionsKey(filter, key)) {
            return List.of();
        }
        return List.of(new Finding(kind, operation, withoutCondition(key)));
    }

    private static String withoutCondition(String key) {
        return "without a condition on payload key '" + key + "'";
    }

    private static String id(Common.PointId id) {
        return id.getPointIdOptionsCase() == Common.PointId.PointIdOptionsCase.UUID ? id.getUuid()
                : Long.toUnsignedString(id.getNum());
    }

    private static String describe(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> "'" + value.getStringValue() + "'";
            case INTEGER_VALUE -> Long.toString(value.getIntegerValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case NULL_VALUE, KIND_NOT_SET -> "null";
            case STRUCT_VALUE -> "an object";
            case LIST_VALUE -> "a list";
        };
    }

    /** Whether any field condition in {@code message}, at any depth, is on {@code key}. */
    public static boolean mentionsKey(Message message, String key) {
        if (message instanceof Common.FieldCondition condition) {
            return key.equals(condition.getKey());
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            if (field.getKey().isRepeated()) {
                for (Object element : (List<?>) field.getValue()) {
                    if (mentionsKey((Message) element, key)) {
                        return true;
                    }
                }
            }
            else if (mentionsKey((Message) field.getValue(), key)) {
                return true;
            }
        }
        return false;
    }
}
