/**
 * Memories and how they are kept in Qdrant: writes, deletes and semantic search go through Spring AI's
 * {@code VectorStore}; paging, counting and statistics, which the {@code VectorStore} API cannot express,
 * use the raw {@code QdrantClient}, always with a filter on the project.
 */
package io.github.qdrantscope.demo.memory;
