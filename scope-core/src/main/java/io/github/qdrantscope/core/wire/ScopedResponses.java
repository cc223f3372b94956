package io.github.qdrantscope.core.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.grpc.Status;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;

/**
 * Turns a response to a scoped request back into what the application wrote: every point id (results, groups'
 * hits and lookups, scroll offsets, matrix pairs and offsets) becomes the id the application gave it, and the
 * reserved payload fields are removed. A scroll-like read gets the page cut that {@link ScopedRequests} asked
 * for, in the application's id order.
 */
final class ScopedResponses {

    /** Types that hold no point ids. */
    private static final Set<Descriptor> OPAQUE = Set.of(Points.VectorsOutput.getDescriptor(),
            Value.getDescriptor(), Points.Usage.getDescriptor(), Points.GroupId.getDescriptor(),
            Points.OrderValue.getDescriptor(), Points.FacetHit.getDescriptor(), Points.CountResult.getDescriptor(),
            Points.UpdateResult.getDescriptor());

    private final ProjectScope scope;

    private final ScopedProjects projects;

    ScopedResponses(ProjectScope scope, ScopedProjects projects) {
        this.scope = scope;
        this.projects = projects;
    }

    /** The application's view of {@code response}; {@code page} is the page to cut, or {@code null}. */
    Message map(Message response, ScopedRequests.PageWindow page) {
        if (page != null && response instanceof Points.ScrollResponse scroll) {
            return scrollPage(scroll, page);
        }
        if (page != null && response instanceof Points.QueryResponse query) {
            return queryPage(query, page);
        }
        return walk(response);
    }

    /**
     * The page of a scoped scroll: the window (every point of the project the filter matches) ordered by the
     * application's ids, cut at the offset. Only the page's points are mapped; the window is only ordered.
     */
    private Points.ScrollResponse scrollPage(Points.ScrollResponse window, ScopedRequests.PageWindow page) {
        if (window.hasNextPageOffset()) {
            throw new ScopeRejection(Status.Code.FAILED_PRECONDITION, "A scoped Scroll orders the points of project '"
                    + this.scope.name() + "' by the application's ids and reads at most "
                    + ScopedRequests.SCROLL_WINDOW + " of them at once; this filter matches more: narrow it, or"
                    + " scroll with order_by");
        }
        List<RetrievedPoint> points = window.getResultList();
        Ordered[] ordered = order(points, RetrievedPoint::getId);
        int from = 0;
        if (page.offset() != null) {
            WireIds.OrderKey offset = WireIds.OrderKey.of(page.offset());
            while (from < ordered.length && ordered[from].key().compareTo(offset) < 0) {
                from++;
            }
        }
        int to = (int) Math.min(ordered.length, from + page.limit());
        // whatever else the response carries is mapped as in any other response
        Points.ScrollResponse.Builder builder = walk(window.toBuilder().clearResult().build()).toBuilder();
        for (int i = from; i < to; i++) {
            builder.addResult(retrieved(points.get(ordered[i].index())));
        }
        if (to < ordered.length) {
            builder.setNextPageOffset(ordered[to].id());
        }
        return builder.build();
    }

    /** The page of a scoped query without a query: like a scroll page, cut by {@code skip} and {@code limit}. */
    private Points.QueryResponse queryPage(Points.QueryResponse window, ScopedRequests.PageWindow page) {
        List<ScoredPoint> points = window.getResultList();
        Ordered[] ordered = order(points, ScoredPoint::getId);
        int from = (int) Math.min(page.skip(), ordered.length);
        int to = (int) Math.min(page.skip() + page.limit(), ordered.length);
        Points.QueryResponse.Builder builder = walk(window.toBuilder().clearResult().build()).toBuilder();
        for (int i = from; i < to; i++) {
            builder.addResult(scored(points.get(ordered[i].index())));
        }
        return builder.build();
    }

    /**
     * The positions of {@code points} in the order of their application ids ({@link WireIds#QDRANT_ORDER}), each
     * id's order key computed once; the sort is stable, like the list sort it replaces.
     */
    private <P> Ordered[] order(List<P> points, Function<P, PointId> id) {
        Ordered[] ordered = new Ordered[points.size()];
        for (int i = 0; i < ordered.length; i++) {
            PointId original = original(id.apply(points.get(i)));
            ordered[i] = new Ordered(original, WireIds.OrderKey.of(original), i);
        }
        Arrays.sort(ordered, Comparator.comparing(Ordered::key));
        return ordered;
    }

    /** A window point's application id, its order key and its position in the window. */
    private record Ordered(PointId id, WireIds.OrderKey key, int index) {
    }

    @SuppressWarnings("unchecked")
    private <M extends Message> M walk(M message) {
        if (message instanceof ScoredPoint point) {
            return (M) scored(point);
        }
        if (message instanceof RetrievedPoint point) {
            return (M) retrieved(point);
        }
        if (message instanceof PointId id) {
            return (M) original(id);
        }
        Descriptor type = message.getDescriptorForType();
        if (OPAQUE.contains(type)) {
            return message;
        }
        Message.Builder builder = null;
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isMapField()) {
                continue;
            }
            if (field.isRepeated()) {
                List<?> values = (List<?>) entry.getValue();
                List<Object> mapped = new ArrayList<>(values.size());
                boolean changed = false;
                for (Object value : values) {
                    Message walked = walk((Message) value);
                    changed |= walked != value;
                    mapped.add(walked);
                }
                if (changed) {
                    builder = builder != null ? builder : message.toBuilder();
                    builder.setField(field, mapped);
                }
            }
            else {
                Message value = (Message) entry.getValue();
                Message walked = walk(value);
                if (walked != value) {
                    builder = builder != null ? builder : message.toBuilder();
                    builder.setField(field, walked);
                }
            }
        }
        return builder == null ? message : (M) builder.build();
    }

    private ScoredPoint scored(ScoredPoint point) {
        ScoredPoint.Builder builder = point.toBuilder().setId(original(point.getId()));
        strip(point.getPayloadMap(), builder::removePayload);
        return builder.build();
    }

    private RetrievedPoint retrieved(RetrievedPoint point) {
        RetrievedPoint.Builder builder = point.toBuilder().setId(original(point.getId()));
        strip(point.getPayloadMap(), builder::removePayload);
        return builder.build();
    }

    private void strip(Map<String, Value> payload, java.util.function.Consumer<String> remove) {
        if (payload.isEmpty()) {
            return;
        }
        for (String key : List.of(this.scope.key(), ProjectNames.ORIGINAL_ID_KEY, ProjectNames.PROJECT_KEY_KEY)) {
            if (payload.containsKey(key)) {
                remove.accept(key);
            }
        }
    }

    /** The application's id of a stored id: known for every point a project wrote through a scoped client. */
    private PointId original(PointId stored) {
        PointId original = this.projects.original(this.scope.name(), stored);
        return original != null ? original : stored;
    }
}
