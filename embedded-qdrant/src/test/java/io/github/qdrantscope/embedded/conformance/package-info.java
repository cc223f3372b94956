/**
 * Conformance suite for the embedded Qdrant: drives the server only through the official
 * {@code io.qdrant.client.QdrantClient} over a real socket and checks it against the behaviour of
 * Qdrant 1.17 as read from Qdrant's source (cited next to each non-obvious expectation), never
 * against our own implementation.
 */
package io.github.qdrantscope.embedded.conformance;
