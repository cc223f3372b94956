package io.github.qdrantscope.core.wire;

import io.github.qdrantscope.core.client.CallRejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.protobuf.Message;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.wire.ScopedProjects.Change;
import io.grpc.MethodDescriptor;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.UpdateMode;
import io.qdrant.client.grpc.PointsGrpc;

/**
 * Rewrites one {@code qdrant.Points} request into the project's scope: the per-RPC rules (stamping upserted
 * points, protecting reserved payload fields, keeping a cleared payload's stamps, ordering scroll pages by the
 * application's ids) on top of {@link ScopedMessages}, which scopes every id and filter.
 */
final class ScopedRequests {

    /**
     * How many points a scoped scroll page reads to order them by the application's ids (stored ids are
     * namespaced, so the server's order is not the application's); a project larger than this fails clearly.
     */
    static final int SCROLL_WINDOW = 100_000;

    private final ProjectScope scope;

    private final ScopedMessages messages;

    private final PointStamps points;

    /** The stamps a payload overwrite keeps. */
    private final Map<String, Value> stamps;

    ScopedRequests(ProjectScope scope) {
        this.scope = scope;
        this.messages = new ScopedMessages(scope);
        this.points = new PointStamps(scope, this.messages);
        this.stamps = this.points.stamps();
    }

    /**
     * The scoped form of {@code request} of {@code rpc}.
     *
     * @throws CallRejection when the request cannot be scoped or touches a reserved field
     */
    Rewrite rewrite(String rpc, MethodDescriptor<?, ?> method, Message request) {
        return switch (rpc) {
            case "Upsert" -> upsert((Points.UpsertPoints) request, method);
            case "Delete" -> {
                Points.DeletePoints delete = this.messages.walk((Points.DeletePoints) request);
                yield Rewrite.write(method, delete, List.of(removal(delete.getPoints())));
            }
            case "SetPayload" -> {
                Points.SetPayloadPoints set = (Points.SetPayloadPoints) request;
                checkPayload(set.getPayloadMap(), set.hasKey() ? set.getKey() : null, "SetPayload");
                yield Rewrite.write(method, this.messages.walk(set), List.of());
            }
            case "OverwritePayload" -> Rewrite.write(method, overwrite((Points.SetPayloadPoints) request), List.of());
            case "DeletePayload" -> {
                Points.DeletePayloadPoints delete = (Points.DeletePayloadPoints) request;
                delete.getKeysList().forEach(key -> Reserved.rejectPath(this.scope, key, "DeletePayload key"));
                yield Rewrite.write(method, this.messages.walk(delete), List.of());
            }
            case "ClearPayload" -> Rewrite.write(PointsGrpc.getOverwritePayloadMethod(),
                    clear((Points.ClearPayloadPoints) request), List.of());
            case "UpdateVectors", "DeleteVectors" -> Rewrite.write(method, this.messages.walk(request), List.of());
            case "UpdateBatch" -> batch((Points.UpdateBatchPoints) request, method);
            case "Scroll" -> scroll((Points.ScrollPoints) request, method);
            case "Query" -> query((Points.QueryPoints) request, method);
            case "QueryBatch" -> queryBatch((Points.QueryBatchPoints) request, method);
            case "CreateFieldIndex", "DeleteFieldIndex" -> Rewrite.read(method, request);
            default -> Rewrite.read(method, this.messages.walk(request));
        };
    }

    private Rewrite upsert(Points.UpsertPoints request, MethodDescriptor<?, ?> method) {
        PointStamps.Stamped stamped = this.points.stamp(request.getPointsList());
        Points.UpsertPoints.Builder builder = request.toBuilder().clearPoints().addAllPoints(stamped.points());
        if (request.hasUpdateFilter()) {
            builder.setUpdateFilter(this.messages.scoped(request.getUpdateFilter()));
        }
        return Rewrite.write(method, builder.build(), upserted(request.getUpdateMode(), stamped.ids()));
    }

    /**
     * How an upsert changes the project's points: {@code UpdateOnly} "only update[s] existing points, do[es] not
     * insert new points" (points.proto {@code UpdateMode}), so the set of points stays as it was; any other mode
     * leaves every upserted id existing (an update_filter only stops updates, not inserts).
     */
    private static List<Change> upserted(UpdateMode mode, List<PointId> stored) {
        return mode == UpdateMode.UpdateOnly ? List.of() : List.of(Change.added(stored));
    }

    /**
     * Overwriting the payload keeps the project's stamps. Qdrant ignores an overwrite's {@code key} and replaces
     * the whole payload (src/tonic/api/update_common.rs, {@code overwrite_payload} and {@code update_batch}:
     * "overwrite operation don't support indicate path of property"), so with a key too the stamps are needed;
     * the key is left out, as Qdrant reads the request, so that no server can nest the stamps under it.
     */
    private Points.SetPayloadPoints overwrite(Points.SetPayloadPoints request) {
        checkPayload(request.getPayloadMap(), request.hasKey() ? request.getKey() : null, "OverwritePayload");
        return this.messages.walk(request).toBuilder().clearKey().putAllPayload(this.stamps).build();
    }

    /**
     * A cleared payload would lose the project key and the point would leave the project, so a clear is sent
     * as an overwrite with only the stamps: to the application the payload is just as empty.
     */
    private Points.SetPayloadPoints clear(Points.ClearPayloadPoints request) {
        Points.SetPayloadPoints.Builder overwrite = Points.SetPayloadPoints.newBuilder()
            .setCollectionName(request.getCollectionName())
            .putAllPayload(this.stamps)
            .setPointsSelector(this.messages.walk(request.getPoints()));
        if (request.hasWait()) {
            overwrite.setWait(request.getWait());
        }
        if (request.hasOrdering()) {
            overwrite.setOrdering(request.getOrdering());
        }
        if (request.hasShardKeySelector()) {
            overwrite.setShardKeySelector(request.getShardKeySelector());
        }
        if (request.hasTimeout()) {
            overwrite.setTimeout(request.getTimeout());
        }
        return overwrite.build();
    }

    private Rewrite batch(Points.UpdateBatchPoints request, MethodDescriptor<?, ?> method) {
        Points.UpdateBatchPoints.Builder builder = request.toBuilder().clearOperations();
        List<Change> changes = new ArrayList<>();
        for (PointsUpdateOperation operation : request.getOperationsList()) {
            builder.addOperations(batchOperation(operation, changes));
        }
        return Rewrite.write(method, builder.build(), changes);
    }

    private PointsUpdateOperation batchOperation(PointsUpdateOperation operation, List<Change> changes) {
        PointsUpdateOperation.Builder scoped = PointsUpdateOperation.newBuilder();
        switch (operation.getOperationCase()) {
            case UPSERT -> {
                PointsUpdateOperation.PointStructList list = operation.getUpsert();
                PointStamps.Stamped stamped = this.points.stamp(list.getPointsList());
                PointsUpdateOperation.PointStructList.Builder builder = list.toBuilder().clearPoints()
                    .addAllPoints(stamped.points());
                if (list.hasUpdateFilter()) {
                    builder.setUpdateFilter(this.messages.scoped(list.getUpdateFilter()));
                }
                changes.addAll(upserted(list.getUpdateMode(), stamped.ids()));
                scoped.setUpsert(builder);
            }
            case DELETE_POINTS -> {
                PointsUpdateOperation.DeletePoints delete = this.messages.walk(operation.getDeletePoints());
                changes.add(removal(delete.getPoints()));
                scoped.setDeletePoints(delete);
            }
            case DELETE_DEPRECATED -> {
                PointsSelector selector = this.messages.walk(operation.getDeleteDeprecated());
                changes.add(removal(selector));
                scoped.setDeleteDeprecated(selector);
            }
            case SET_PAYLOAD -> {
                PointsUpdateOperation.SetPayload set = operation.getSetPayload();
                checkPayload(set.getPayloadMap(), set.hasKey() ? set.getKey() : null, "UpdateBatch set_payload");
                scoped.setSetPayload(this.messages.walk(set));
            }
            case OVERWRITE_PAYLOAD -> {
                PointsUpdateOperation.OverwritePayload overwrite = operation.getOverwritePayload();
                checkPayload(overwrite.getPayloadMap(), overwrite.hasKey() ? overwrite.getKey() : null,
                        "UpdateBatch overwrite_payload");
                // as overwrite(SetPayloadPoints): Qdrant ignores the key here too
                scoped.setOverwritePayload(this.messages.walk(overwrite).toBuilder().clearKey()
                    .putAllPayload(this.stamps));
            }
            case DELETE_PAYLOAD -> {
                PointsUpdateOperation.DeletePayload delete = operation.getDeletePayload();
                delete.getKeysList()
                    .forEach(key -> Reserved.rejectPath(this.scope, key, "UpdateBatch delete_payload key"));
                scoped.setDeletePayload(this.messages.walk(delete));
            }
            case CLEAR_PAYLOAD, CLEAR_PAYLOAD_DEPRECATED -> {
                boolean current = operation.hasClearPayload();
                PointsSelector selector = current ? operation.getClearPayload().getPoints()
                        : operation.getClearPayloadDeprecated();
                PointsUpdateOperation.OverwritePayload.Builder overwrite = PointsUpdateOperation.OverwritePayload
                    .newBuilder()
                    .putAllPayload(this.stamps)
                    .setPointsSelector(this.messages.walk(selector));
                if (current && operation.getClearPayload().hasShardKeySelector()) {
                    overwrite.setShardKeySelector(operation.getClearPayload().getShardKeySelector());
                }
                scoped.setOverwritePayload(overwrite);
            }
            case UPDATE_VECTORS -> scoped.setUpdateVectors(this.messages.walk(operation.getUpdateVectors()));
            case DELETE_VECTORS -> scoped.setDeleteVectors(this.messages.walk(operation.getDeleteVectors()));
            case OPERATION_NOT_SET -> {
                // Qdrant rejects it with its own message
                return operation;
            }
        }
        return scoped.build();
    }

    /** Scroll pages in the application's id order: the whole scoped window is read, ordered and cut here. */
    private Rewrite scroll(Points.ScrollPoints request, MethodDescriptor<?, ?> method) {
        Points.ScrollPoints walked = this.messages.walk(request);
        if (request.hasOrderBy() || zeroLimit(request.hasLimit(), request.getLimit())) {
            return Rewrite.read(method, walked);
        }
        PointId offset = request.hasOffset() ? WireIds.canonicalId(request.getOffset()) : null;
        long limit = request.hasLimit() ? Integer.toUnsignedLong(request.getLimit()) : 10;
        Points.ScrollPoints window = walked.toBuilder().clearOffset().setLimit(SCROLL_WINDOW).build();
        return Rewrite.page(method, window, List.of(new PageWindow(offset, 0, limit)));
    }

    /** A query without a query is a scroll by id (Qdrant's default order): ordered here, like Scroll. */
    private Rewrite query(Points.QueryPoints request, MethodDescriptor<?, ?> method) {
        Points.QueryPoints walked = this.messages.walk(request);
        PageWindow page = queryPage(request);
        if (page == null) {
            return Rewrite.read(method, walked);
        }
        return Rewrite.page(method, queryWindow(walked), List.of(page));
    }

    /** Each query of a batch is a query of its own: one without a query is paged like {@link #query}. */
    private Rewrite queryBatch(Points.QueryBatchPoints request, MethodDescriptor<?, ?> method) {
        Points.QueryBatchPoints.Builder walked = this.messages.walk(request).toBuilder();
        List<PageWindow> pages = new ArrayList<>(request.getQueryPointsCount());
        for (int i = 0; i < request.getQueryPointsCount(); i++) {
            PageWindow page = queryPage(request.getQueryPoints(i));
            if (page != null) {
                walked.setQueryPoints(i, queryWindow(walked.getQueryPoints(i)));
            }
            pages.add(page);
        }
        return pages.stream().allMatch(Objects::isNull) ? Rewrite.read(method, walked.build())
                : Rewrite.page(method, walked.build(), pages);
    }

    /** The page of a query that has no query (so ranks by id), or {@code null} for a query that ranks itself. */
    private static PageWindow queryPage(Points.QueryPoints request) {
        boolean ranked = request.hasQuery() || request.getPrefetchCount() > 0;
        if (ranked || zeroLimit(request.hasLimit(), request.getLimit())) {
            return null;
        }
        return new PageWindow(null, request.hasOffset() ? request.getOffset() : 0,
                request.hasLimit() ? request.getLimit() : 10);
    }

    /**
     * A limit of 0, which Qdrant refuses ({@code limit} is validated {@code range(min = 1)} on ScrollRequest and
     * QueryRequest): sent as it is, not as a window, so the request fails as it would unscoped.
     */
    private static boolean zeroLimit(boolean hasLimit, long limit) {
        return hasLimit && limit == 0;
    }

    private static Points.QueryPoints queryWindow(Points.QueryPoints walked) {
        return walked.toBuilder().clearOffset().setLimit(SCROLL_WINDOW).build();
    }

    private void checkPayload(Map<String, Value> payload, String key, String rpc) {
        if (key != null) {
            Reserved.rejectPath(this.scope, key, rpc + " key");
        }
        Reserved.rejectKeys(this.scope, payload, rpc + " payload key");
    }

    private static Change removal(PointsSelector selector) {
        return selector.hasPoints() ? Change.deleted(selector.getPoints().getIdsList()) : Change.unknown();
    }

    static String describe(PointId id) {
        return id.hasNum() ? Long.toUnsignedString(id.getNum()) : id.getUuid();
    }

    /**
     * A page the interceptor cuts from a window of the project's points ordered by the application's ids.
     *
     * @param offset the first id of the page (Scroll), or {@code null}
     * @param skip how many points to skip (Query)
     * @param limit the page size
     */
    record PageWindow(PointId offset, long skip, long limit) {
    }

    /**
     * The request to send instead.
     *
     * @param method the RPC to send it with (a cleared payload is sent as an overwrite)
     * @param request the scoped request
     * @param changes for a write, how it changes the project's points once applied; {@code null} for a read
     * @param pages for a scroll-like read, the page to cut from the response, one per result of a batch
     *     ({@code null} for a result left as it is); otherwise {@code null}
     */
    record Rewrite(MethodDescriptor<?, ?> method, Message request, List<Change> changes, List<PageWindow> pages) {

        static Rewrite read(MethodDescriptor<?, ?> method, Message request) {
            return new Rewrite(method, request, null, null);
        }

        static Rewrite write(MethodDescriptor<?, ?> method, Message request, List<Change> changes) {
            return new Rewrite(method, request, changes, null);
        }

        static Rewrite page(MethodDescriptor<?, ?> method, Message request, List<PageWindow> pages) {
            return new Rewrite(method, request, null, pages);
        }
    }
}
