package io.github.qdrantscope.demo.memory;

import java.util.ArrayList;
import java.util.List;

import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Lists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's raw-client reads use fixed project names too: the suite's {@code CatalogFilterCustomizer}
 * narrows them to the test's project scope, as the starter narrows the vector store's operations.
 */
class MemoryCatalogTest extends DemoTest {

    @Autowired
    private MemoryService memories;

    @Autowired
    private MemoryCatalog catalog;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, 8, 13})
    void countFindAndNewestSeeExactlyThisTestsMemories(int count) {
        List<Memory> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stored.add(memories.store(new NewMemory("gemini", "catalog " + i, MemoryScope.PROJECT, List.of("c"), 3)));
        }

        assertThat(catalog.count("gemini")).isEqualTo(count);
        assertThat(catalog.newest("gemini", 100)).containsExactlyElementsOf(Lists.reversed(stored));
        assertThat(catalog.newest("gemini", 3)).containsExactlyElementsOf(Lists.reversed(stored).subList(0, Math.min(3, count)));
        for (Memory memory : stored) {
            assertThat(catalog.find(memory.id())).contains(memory);
        }
    }

    @Test
    void statsReadEveryBatchOfALargeProject() {
        for (int i = 0; i < 300; i++) {
            memories.store(new NewMemory("mercury", "bulk " + i, (i % 4 == 0) ? MemoryScope.GLOBAL : MemoryScope.PROJECT,
                    (i % 2 == 0) ? List.of("even") : List.of("odd", "all"), 1));
        }
        ProjectStats stats = catalog.stats("mercury");
        assertThat(stats.total()).isEqualTo(300);
        assertThat(stats.byTag()).containsExactly(java.util.Map.entry("all", 150L), java.util.Map.entry("even", 150L),
                java.util.Map.entry("odd", 150L));
        assertThat(stats.byScope()).containsExactly(java.util.Map.entry("project", 225L), java.util.Map.entry("global", 75L));
    }
}
