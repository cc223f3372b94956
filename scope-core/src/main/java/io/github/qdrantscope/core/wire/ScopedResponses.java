package io.github.qdrantscope.core.wire;

import io.github.qdrantscope.core.client.CallRejection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.google.protobuf.Descriptors.Descriptor;
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

    /** The project's id keys, computed at the first id of each kind. */
    private final ScopedIds ids;

    ScopedResponses(ProjectScope scope) {
        this.scope = scope;
        this.ids = ScopedIds.of(scope.name());
    }

    /**
     * The application's view of {@code response}; {@code pages} are the pages to cut (one per result of a
     * batch, {@code null} for a result to leave), or {@code null}. A page is cut from the raw window and only its
     * points are mapped: the window is only ordered.
     */
    Message map(Message response, List<ScopedRequests.PageWindow> pages) {
        if (pages != null && response instanceof Points.ScrollResponse scroll) {
            return scrollPage(scroll, pages.get(0));
        }
        if (pages != null && response instanceof Points.QueryResponse query) {
            return walk(query.toBuilder().clearResult().build()).toBuilder()
                .addAllResult(queryPage(query.getResultList(), pages.get(0)))
                .build();
        }
        if (pages != null && response instanceof Points.QueryBatchResponse batch) {
            Points.QueryBatchResponse.Builder builder = walk(batch.toBuilder().clearResult().build()).toBuilder();
            for (int i = 0; i < batch.getResultCount(); i++) {
                ScopedRequests.PageWindow page = i < pages.size() ? pages.get(i) : null;
                builder.addResult(page == null ? walk(batch.getResult(i)) : Points.BatchResult.newBuilder()
                    .addAllResult(queryPage(batch.getResult(i).getResultList(), page))
                    .build());
            }
            return builder.build();
        }
        Message mapped = walk(response);
        if (mapped instanceof Points.SearchMatrixPairsResponse pairs) {
            return pairs.toBuilder().setResult(pairsInIdOrder(pairs.getResult())).build();
        }
        if (mapped instanceof Points.SearchMatrixOffsetsResponse offsets) {
            return offsets.toBuilder().setResult(offsetsInIdOrder(offsets.getResult())).build();
        }
        return mapped;
    }

    /** The page of {@code window}, the raw result of a scoped query without a query, mapped. */
    private List<ScoredPoint> queryPage(List<ScoredPoint> window, ScopedRequests.PageWindow page) {
        if (window.size() >= ScopedRequests.SCROLL_WINDOW) {
            // the window may not hold every matching point: a page cut from it could be wrong
            throw new CallRejection(Status.Code.FAILED_PRECONDITION, "A scoped Query without a query orders the"
                    + " points of project '" + this.scope.name() + "' by the application's ids and reads at most "
                    + ScopedRequests.SCROLL_WINDOW + " of them at once; this filter matches as many or more: narrow"
                    + " it, or order with order_by");
        }
        Ordered[] ordered = order(window, ScoredPoint::getId);
        int from = (int) Math.min(page.skip(), ordered.length);
        int to = (int) Math.min(page.skip() + page.limit(), ordered.length);
        List<ScoredPoint> cut = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            cut.add(scored(window.get(ordered[i].index())));
        }
        return cut;
    }

    /**
     * The positions of {@code points} in the order of their application ids ({@link WireIds#QDRANT_ORDER}), each
     * id's order key computed once, straight from the stored id's bits; the sort is stable, like the list sort it
     * replaces.
     */
    private <P> Ordered[] order(List<P> points, Function<P, PointId> id) {
        Ordered[] ordered = new Ordered[points.size()];
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = new Ordered(originalKey(id.apply(points.get(i))), i);
        }
        Arrays.sort(ordered, Comparator.comparing(Ordered::key));
        return ordered;
    }

    /** The order key of the application's id of {@code stored}, without building that id. */
    private WireIds.OrderKey originalKey(PointId stored) {
        if (stored.hasNum()) {
            return new WireIds.OrderKey(true, this.ids.originalNum(stored.getNum()), 0);
        }
        if (stored.hasUuid()) {
            UUID original = this.ids.originalUuid(WireIds.parse(stored.getUuid()));
            return new WireIds.OrderKey(false, original.getMostSignificantBits(), original.getLeastSignificantBits());
        }
        return WireIds.OrderKey.of(stored);
    }

    /** A window point's order key (of its application id) and its position in the window. */
    private record Ordered(WireIds.OrderKey key, int index) {
    }

    /**
     * Qdrant sorts a matrix's sample by id "for a deterministic order" (search_points_matrix,
     * lib/collection/src/collection/distance_matrix.rs): the pairs come row by row in that order, each row best
     * first. Stored ids are namespaced, so the rows are put back in the application's id order; a stable sort
     * keeps each row's own order.
     */
    private static Points.SearchMatrixPairs pairsInIdOrder(Points.SearchMatrixPairs matrix) {
        List<Points.SearchMatrixPair> pairs = new ArrayList<>(matrix.getPairsList());
        pairs.sort(Comparator.comparing(Points.SearchMatrixPair::getA, WireIds.QDRANT_ORDER));
        return matrix.toBuilder().clearPairs().addAllPairs(pairs).build();
    }

    /** The offsets form of {@link #pairsInIdOrder}: ids sorted, rows and columns renumbered, rows in order. */
    private static Points.SearchMatrixOffsets offsetsInIdOrder(Points.SearchMatrixOffsets matrix) {
        List<PointId> ids = matrix.getIdsList();
        List<Integer> order = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(ids::get, WireIds.QDRANT_ORDER));
        int[] renumbered = new int[ids.size()];
        for (int i = 0; i < order.size(); i++) {
            renumbered[order.get(i)] = i;
        }
        List<Integer> entries = new ArrayList<>(matrix.getScoresCount());
        for (int i = 0; i < matrix.getScoresCount(); i++) {
            entries.add(i);
        }
        entries.sort(Comparator.comparingInt(entry -> renumbered[(int) matrix.getOffsetsRow(entry)]));
        Points.SearchMatrixOffsets.Builder sorted = Points.SearchMatrixOffsets.newBuilder();
        order.forEach(i -> sorted.addIds(ids.get(i)));
        for (int entry : entries) {
            sorted.addOffsetsRow(renumbered[(int) matrix.getOffsetsRow(entry)])
                .addOffsetsCol(renumbered[(int) matrix.getOffsetsCol(entry)])
                .addScores(matrix.getScores(entry));
        }
        return sorted.build();
    }

    /**
     * The page of a scoped scroll: the window (every point of the project the filter matches) ordered by the
     * application's ids, cut at the offset. Only the page's points are mapped; the window is only ordered.
     */
    private Points.ScrollResponse scrollPage(Points.ScrollResponse window, ScopedRequests.PageWindow page) {
        if (window.hasNextPageOffset()) {
            throw new CallRejection(Status.Code.FAILED_PRECONDITION, "A scoped Scroll orders the points of project '"
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
            builder.setNextPageOffset(original(points.get(ordered[to].index()).getId()));
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
        Message.Builder builder = MessageFields.map(message, this::walk);
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
        // qdrant_scope_id is no longer written, but points written before may still carry it
        for (String key : List.of(this.scope.key(), ProjectNames.ORIGINAL_ID_KEY, ProjectNames.PROJECT_KEY_KEY)) {
            if (payload.containsKey(key)) {
                remove.accept(key);
            }
        }
    }

    /** The application's id of a stored id, computed back ({@link ScopedIds#original}). */
    private PointId original(PointId stored) {
        return this.ids.original(stored);
    }
}
