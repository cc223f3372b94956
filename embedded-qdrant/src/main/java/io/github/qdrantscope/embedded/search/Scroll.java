package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import java.util.function.Predicate;

/**
 * Scroll ({@code Collection::scroll_by} in {@code lib/collection/src/collection/point_ops.rs}): id
 * order from an inclusive offset, {@code limit + 1} fetched to tell the next page's first id; or, with
 * {@code order_by}, payload order without a next page offset. Payload is on by default, vectors off.
 */
final class Scroll {

    static final int DEFAULT_LIMIT = 10;

    private Scroll() {
    }

    static ScrollResponse.Builder run(CollectionView view, ScrollPoints request) {
        long limit = request.hasLimit() ? Integer.toUnsignedLong(request.getLimit()) : DEFAULT_LIMIT;
        Limits.atLeastOne(limit, "limit");
        Predicate<StoredPoint> filter = PointFilter.compile(view, request.hasFilter(), request.getFilter());
        ResultPoints out = new ResultPoints(
                PayloadProjection.of(request.hasWithPayload() ? request.getWithPayload() : null, true),
                VectorProjection.of(request.hasWithVectors() ? request.getWithVectors() : null, view));
        ScrollResponse.Builder response = ScrollResponse.newBuilder();
        if (request.hasOrderBy()) {
            if (request.hasOffset()) {
                throw QdrantErrors.wrongInput("Cannot use an `offset` when using `order_by`. The alternative for"
                        + " paging is to use `order_by.start_from` and a filter to exclude the IDs that you've"
                        + " already seen for the `order_by.start_from` value");
            }
            for (OrderByScan.Entry e : OrderByScan.scan(view, request.getOrderBy(), filter, limit,
                    OrderByScan.MissingIndexError.SCROLL)) {
                response.addResult(out.retrieved(e.point(), e.orderValue()));
            }
            return response;
        }
        PointKey offset = request.hasOffset() ? PointKey.of(request.getOffset()) : null;
        int taken = 0;
        for (StoredPoint point : view.points()) {
            if (offset != null && point.id().compareTo(offset) < 0) {
                continue;
            }
            if (!PointFilter.matches(filter, point)) {
                continue;
            }
            if (taken == limit) {
                response.setNextPageOffset(point.id().toPointId());
                break;
            }
            response.addResult(out.retrieved(point, null));
            taken++;
        }
        return response;
    }

    /** Exact count of the points matching the filter (Qdrant's {@code exact} flag only matters with an index). */
    static long count(CollectionView view, boolean hasFilter, io.qdrant.client.grpc.Common.Filter filter) {
        Predicate<StoredPoint> compiled = PointFilter.compile(view, hasFilter, filter);
        if (compiled == null) {
            return view.size();
        }
        long n = 0;
        for (StoredPoint point : view.points()) {
            if (compiled.test(point)) {
                n++;
            }
        }
        return n;
    }
}
