package io.github.qdrantscope.demo.memory;

/**
 * A search hit.
 *
 * @param memory the memory found
 * @param score its cosine similarity to the query (higher is closer)
 */
public record ScoredMemory(Memory memory, double score) {
}
