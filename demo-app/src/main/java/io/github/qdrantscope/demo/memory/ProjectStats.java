package io.github.qdrantscope.demo.memory;

import java.util.Map;

/**
 * Counts for one project.
 *
 * @param project the project
 * @param total how many memories it has
 * @param byTag how many memories carry each tag, most used first (ties by name)
 * @param byScope how many memories have each scope, keyed by {@link MemoryScope#value()}; every scope present
 */
public record ProjectStats(String project, long total, Map<String, Long> byTag, Map<String, Long> byScope) {
}
