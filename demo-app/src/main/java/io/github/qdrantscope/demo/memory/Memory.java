package io.github.qdrantscope.demo.memory;

import java.time.Instant;
import java.util.List;

/**
 * One stored memory.
 *
 * @param id unique id (a UUID, also the Qdrant point id)
 * @param project the project it belongs to
 * @param content the text, which is what gets embedded
 * @param scope who sees it in searches
 * @param tags lower-case labels, in the order given
 * @param importance 1 (trivia) to 5 (critical)
 * @param createdAt when it was stored; unique per application instance, so listings have a total order
 */
public record Memory(String id, String project, String content, MemoryScope scope, List<String> tags,
        int importance, Instant createdAt) {

    public Memory {
        tags = List.copyOf(tags);
    }
}
