package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.Distance;

/**
 * The configuration of one dense vector of a collection.
 *
 * @param size dimension, 1..65536 (of each sub-vector, for a multivector)
 * @param distance how scores are computed (between sub-vectors, for a multivector)
 * @param multivector whether the vector is a multivector ({@code multivector_config}, comparator MaxSim, the
 *     only one Qdrant 1.17 has); its points store any number of sub-vectors of {@code size} each, kept
 *     flattened in one array ({@link MultiVectors})
 */
public record VectorSpec(int size, Distance distance, boolean multivector) {

    /** A plain dense vector. */
    public VectorSpec(int size, Distance distance) {
        this(size, distance, false);
    }
}
