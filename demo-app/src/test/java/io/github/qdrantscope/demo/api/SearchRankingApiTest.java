package io.github.qdrantscope.demo.api;

import java.util.Map;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Models;
import io.github.qdrantscope.demo.support.Ranking;
import io.github.qdrantscope.demo.support.SearchCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case uses the same project name ("apollo") on purpose: the project scope keeps each test's points
 * apart, so the exact ranking holds although all cases run in parallel against one collection.
 */
class SearchRankingApiTest extends DemoTest {

    static Stream<SearchCase> cases() {
        return SearchCase.generate(Models.HASHING, 1_000, 80, 8);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void returnsTheProjectsMemoriesInOrderOfSimilarity(SearchCase searchCase) {
        Map<String, String> idToText = api().storeAll("apollo", searchCase.texts());

        assertThat(api().searchIds("apollo", searchCase.query(), 8, null, null))
            .containsExactlyElementsOf(Ranking.expectedIds(embeddingModel, searchCase.query(), idToText, 8, 0.0));
    }
}
