package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Points.OrderValue;

/**
 * A point in a (possibly intermediate) result with the score the client would see, and the order
 * value when it came from an {@code order_by} scan.
 */
record Hit(StoredPoint point, float score, OrderValue orderValue) {

    Hit(StoredPoint point, float score) {
        this(point, score, null);
    }
}
