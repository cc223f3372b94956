package io.github.qdrantscope.demo.memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Models;
import io.github.qdrantscope.demo.support.Ranking;
import io.github.qdrantscope.demo.support.SearchCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's combined filter: (own project OR global) AND any-of-tags, built without filter groups
 * (which Spring AI's Qdrant converter would drop).
 */
class MemoryServiceSearchTest extends DemoTest {

    @Autowired
    private MemoryService memories;

    static Stream<SearchCase> cases() {
        return SearchCase.generate(Models.HASHING, 80_000, 30, 9);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ownAndGlobalMemoriesWithTheTagAreFoundBestFirst(SearchCase searchCase) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < searchCase.texts().size(); i++) {
            String text = searchCase.texts().get(i);
            String project = (i % 3 == 2) ? "other" : "saturn";
            MemoryScope scope = (i % 3 == 2 || i % 4 == 0) ? MemoryScope.GLOBAL : MemoryScope.PROJECT;
            List<String> tags = (i % 2 == 0) ? List.of("wanted") : List.of("unwanted");
            Memory memory = memories.store(new NewMemory(project, text, scope, tags, 3));
            boolean visible = project.equals("saturn") || scope == MemoryScope.GLOBAL;
            if (visible && tags.contains("wanted")) {
                expected.put(memory.id(), text);
            }
        }

        List<ScoredMemory> found = memories.search(new MemoryQuery("saturn", searchCase.query(), 9, List.of("wanted"), 0.0));

        assertThat(found).extracting(hit -> hit.memory().id())
            .containsExactlyElementsOf(Ranking.expectedIds(embeddingModel, searchCase.query(), expected, 9, 0.0));
    }
}
