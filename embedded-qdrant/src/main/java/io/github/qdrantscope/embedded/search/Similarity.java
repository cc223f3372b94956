package io.github.qdrantscope.embedded.search;

/**
 * The raw similarity of a stored vector to a prepared query or example vector of the same space, larger
 * is better: the metric's for a plain dense vector, MaxSim for a multivector ({@link VectorSpace#similarity}).
 */
@FunctionalInterface
interface Similarity {
    float of(float[] query, float[] stored);
}
