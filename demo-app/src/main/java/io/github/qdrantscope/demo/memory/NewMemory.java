package io.github.qdrantscope.demo.memory;

import java.util.List;

/**
 * What a caller supplies to store a memory (already validated by the web layer).
 *
 * @param project the project name
 * @param content the text
 * @param scope who sees it in searches
 * @param tags labels
 * @param importance 1 to 5
 */
public record NewMemory(String project, String content, MemoryScope scope, List<String> tags, int importance) {

    public NewMemory {
        tags = List.copyOf(tags);
    }
}
