package io.github.qdrantscope.demo.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Models;
import io.github.qdrantscope.demo.support.Ranking;
import io.github.qdrantscope.demo.support.SearchCase;
import io.github.qdrantscope.demo.web.SearchResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTopKApiTest extends DemoTest {

    private static final SearchCase CASE = SearchCase.generate(Models.HASHING, 4_242, 1, 10).findFirst().orElseThrow();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 25, 50})
    void returnsExactlyMinOfTopKAndTheProjectSize(int topK) {
        Map<String, String> idToText = storeCorpus(10);
        String query = CASE.query();

        assertThat(api().searchIds("hera", query, topK, null, null))
            .hasSize(Math.min(topK, 10))
            .containsExactlyElementsOf(Ranking.expectedIds(embeddingModel, query, idToText, topK, 0.0));
    }

    @Test
    void defaultTopKIsFive() {
        Map<String, String> idToText = storeCorpus(10);
        String query = CASE.query();
        SearchResponse response = api().search("hera", query, null, null, null);
        assertThat(response.project()).isEqualTo("hera");
        assertThat(response.query()).isEqualTo(query);
        assertThat(response.results()).extracting(hit -> hit.memory().id())
            .containsExactlyElementsOf(Ranking.expectedIds(embeddingModel, query, idToText, 5, 0.0));
    }

    private Map<String, String> storeCorpus(int size) {
        Map<String, String> idToText = new LinkedHashMap<>();
        for (String text : CASE.texts().subList(0, size)) {
            Memory memory = api().store("hera", text, null, List.of(), null);
            idToText.put(memory.id(), text);
        }
        return idToText;
    }
}
