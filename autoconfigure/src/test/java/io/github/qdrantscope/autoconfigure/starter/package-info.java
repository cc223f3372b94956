/**
 * End-to-end tests of the starter as shipped: applications that have only what a user would have (an
 * {@code EmbeddingModel} and {@code @ScopedProject}), run against the embedded server the starter
 * chooses, through Spring AI's auto-configured {@code QdrantVectorStore}, with the real metrics.
 */
package io.github.qdrantscope.autoconfigure.starter;

import io.github.qdrantscope.core.ScopedProject;
