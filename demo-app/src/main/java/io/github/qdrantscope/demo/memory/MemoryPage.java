package io.github.qdrantscope.demo.memory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a project's memories, newest first.
 *
 * @param project the project listed
 * @param page zero-based page number
 * @param size page size asked for
 * @param total how many memories the project has
 * @param items the memories on this page
 */
public record MemoryPage(String project, int page, int size, long total, List<Memory> items) {

    public MemoryPage {
        items = List.copyOf(items);
    }

    /** How many pages of {@code size} the project's memories fill. */
    @JsonProperty
    public long totalPages() {
        return (total + size - 1) / size;
    }
}
