package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Points.OrderValue;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.Optional;

/**
 * Builds the wire form of result points with the request's payload and vector selection. Called
 * only for the points that are returned, never during a scan.
 */
record ResultPoints(PayloadProjection payload, VectorProjection vectors) {

    /** The default selection of Search and Query: payload and vectors only when asked for. */
    static ResultPoints of(CollectionView view, WithPayloadSelector payload, WithVectorsSelector vectors) {
        return new ResultPoints(PayloadProjection.of(payload, false), VectorProjection.of(vectors, view));
    }

    ScoredPoint scored(StoredPoint point, float score, OrderValue orderValue) {
        ScoredPoint.Builder b = ScoredPoint.newBuilder().setId(point.id().toPointId()).setScore(score)
                .putAllPayload(payload.apply(point.payload()));
        Optional.ofNullable(vectors.apply(point)).ifPresent(b::setVectors);
        Optional.ofNullable(orderValue).ifPresent(b::setOrderValue);
        return b.build();
    }

    RetrievedPoint retrieved(StoredPoint point, OrderValue orderValue) {
        RetrievedPoint.Builder b = RetrievedPoint.newBuilder().setId(point.id().toPointId())
                .putAllPayload(payload.apply(point.payload()));
        Optional.ofNullable(vectors.apply(point)).ifPresent(b::setVectors);
        Optional.ofNullable(orderValue).ifPresent(b::setOrderValue);
        return b.build();
    }
}
