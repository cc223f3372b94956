/**
 * The offline embedding model for tests: {@link io.github.qdrantscope.autoconfigure.embedding.HashingEmbeddingModel}
 * (deterministic feature hashing, no network, no model files) and the auto-configuration that provides it as the
 * {@code EmbeddingModel} bean when {@code qdrant-scope.embedding=hashing}.
 */
package io.github.qdrantscope.autoconfigure.embedding;
