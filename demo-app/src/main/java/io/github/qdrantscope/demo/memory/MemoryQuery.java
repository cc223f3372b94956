package io.github.qdrantscope.demo.memory;

import java.util.List;

/**
 * A semantic search within one project.
 *
 * @param project the project searched; {@link MemoryScope#GLOBAL} memories of other projects match too
 * @param text what to look for
 * @param topK how many results at most
 * @param anyOfTags when not empty, only memories carrying at least one of these tags
 * @param minScore only results with a similarity above this (0 to 1)
 */
public record MemoryQuery(String project, String text, int topK, List<String> anyOfTags, double minScore) {

    public MemoryQuery {
        anyOfTags = List.copyOf(anyOfTags);
    }
}
