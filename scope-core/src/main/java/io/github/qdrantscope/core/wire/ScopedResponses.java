package io.github.qdrantscope.core.wire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * for, in the application's id order. A failed call's text names the application's ids too.
 */
final class ScopedResponses {

    /** Types that hold no point ids. */
    private static final Set<Descriptor> OPAQUE = Set.of(Points.VectorsOutput.getDescriptor(),
            Value.getDescriptor(), Points.Usage.getDescriptor(), Points.GroupId.getDescriptor(),
            Points.OrderValue.getDescriptor(), Points.FacetHit.getDescriptor(), Points.CountResult.getDescriptor(),
            Points.UpdateResult.getDescriptor());

    /** A UUID as Qdrant writes ids in its messages (hyphenated). */
    private static final Pattern UUID_TEXT = Pattern
        .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ProjectScope scope;

    private final ScopedProjects projects;

    ScopedResponses(ProjectScope scope, ScopedProjects projects) {
        this.scope = scope;
        this.projects = projects;
    }

    /**
     * The application's view of a failed call's {@code status}: every stored id of the project in its text (Qdrant
     * names ids, e.g. {@code No point with id <id> found}) replaced by the id the application gave, as a Qdrant of
     * its own would word it. Other UUIDs are left as they are.
     */
    Status failure(Status status) {
        String description = status.getDescription();
        if (description == null) {
            return status;
        }
        String mapped = UUID_TEXT.matcher(description).replaceAll(match -> {
            PointId original = this.projects.original(this.scope.name(),
                    PointId.newBuilder().setUuid(match.group().toLowerCase(Locale.ROOT)).build());
            return Matcher.quoteReplacement(original == null ? match.group() : ScopedRequests.describe(original));
        });
        return mapped.equals(description) ? status : status.withDescription(mapped);
    }

    /** The application's view of {@code response}; {@code page} is the page to cut, or {@code null}. */
    Message map(Message response, ScopedRequests.PageWindow page) {
        Message mapped = walk(response);
        if (page == null) {
            return mapped;
        }
        if (mapped instanceof Points.ScrollResponse scroll) {
            return scrollPage(scroll, page);
        }
        if (mapped instanceof Points.QueryResponse query) {
            List<ScoredPoint> ordered = new ArrayList<>(query.getResultList());
            ordered.sort(Comparator.comparing(ScoredPoint::getId, WireIds.QDRANT_ORDER));
            List<ScoredPoint> cut = ordered.subList((int) Math.min(page.skip(), ordered.size()),
                    (int) Math.min(page.skip() + page.limit(), ordered.size()));
            return query.toBuilder().clearResult().addAllResult(cut).build();
        }
        return mapped;
    }

    private Points.ScrollResponse scrollPage(Points.ScrollResponse window, ScopedRequests.PageWindow page) {
        if (window.hasNextPageOffset()) {
            throw new ScopeRejection(Status.Code.FAILED_PRECONDITION, "A scoped Scroll orders the points of project '"
                    + this.scope.name() + "' by the application's ids and reads at most "
                    + ScopedRequests.SCROLL_WINDOW + " of them at once; this filter matches more: narrow it, or"
                    + " scroll with order_by");
        }
        List<RetrievedPoint> ordered = new ArrayList<>(window.getResultList());
        ordered.sort(Comparator.comparing(RetrievedPoint::getId, WireIds.QDRANT_ORDER));
        int from = 0;
        if (page.offset() != null) {
            while (from < ordered.size() && WireIds.QDRANT_ORDER.compare(ordered.get(from).getId(), page.offset()) < 0) {
                from++;
            }
        }
        int to = (int) Math.min(ordered.size(), from + page.limit());
        Points.ScrollResponse.Builder builder = window.toBuilder().clearResult().clearNextPageOffset()
            .addAllResult(ordered.subList(from, to));
        if (to < ordered.size()) {
            builder.setNextPageOffset(ordered.get(to).getId());
        }
        return builder.build();
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
