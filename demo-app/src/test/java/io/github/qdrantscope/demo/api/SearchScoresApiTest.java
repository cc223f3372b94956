package io.github.qdrantscope.demo.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.memory.ScoredMemory;
import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Models;
import io.github.qdrantscope.demo.support.Ranking;
import io.github.qdrantscope.demo.support.SearchCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SearchScoresApiTest extends DemoTest {

    static Stream<SearchCase> cases() {
        return SearchCase.generate(Models.HASHING, 9_000, 16, 6);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void scoresAreTheCosineSimilaritiesAndResultsCarryTheWholeMemory(SearchCase searchCase) {
        Map<String, String> idToText = new LinkedHashMap<>();
        Map<String, Memory> stored = new LinkedHashMap<>();
        int i = 0;
        for (String text : searchCase.texts()) {
            Memory memory = api().store("kronos", text, (i % 2 == 0) ? "project" : "global", List.of("s" + i), 1 + i % 5);
            idToText.put(memory.id(), text);
            stored.put(memory.id(), memory);
            i++;
        }
        List<Ranking.Scored> expected = Ranking.rank(embeddingModel, searchCase.query(), idToText);

        List<ScoredMemory> results = api().search("kronos", searchCase.query(), 6, null, null).results();

        assertThat(results).hasSize(expected.size());
        for (int r = 0; r < results.size(); r++) {
            assertThat(results.get(r).memory()).isEqualTo(stored.get(expected.get(r).id()));
            assertThat(results.get(r).score()).isCloseTo(expected.get(r).score(), within(1e-5));
        }
    }
}
