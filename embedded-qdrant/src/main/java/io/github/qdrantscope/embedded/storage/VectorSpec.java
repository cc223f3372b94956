package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.Distance;

/**
 * The configuration of one dense vector of a collection.
 *
 * @param size dimension, 1..65536
 * @param distance how scores are computed
 */
public record VectorSpec(int size, Distance distance) {
}
